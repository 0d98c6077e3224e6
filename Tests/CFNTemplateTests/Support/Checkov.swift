import Foundation
import Testing
@testable import CFNTemplate

/// Runs checkov (static analysis of CloudFormation) on rendered templates. Without checkov the caller skips
/// with a notice, except under `CI=true`, where that is a failure (`scripts/ensure-tools` installs it).
enum Checkov {
    struct Finding: CustomStringConvertible, Hashable {
        /// The rendered file, relative to the scanned folder, e.g. `project-s3.json` or `one/dev/CDKToolkit.template.json`.
        var file: String
        var check: String
        /// The logical id, e.g. `ArtifactBucket`.
        var resource: String
        var title: String
        var description: String { "\(file): \(check) on \(resource): \(title)" }
    }

    struct Result {
        var status: Int32
        var passed: Int
        var findings: [Finding]
        var output: String
    }

    static func locate() -> URL? {
        if let checkov = ToolProcess.find("checkov") { return checkov }
        let ci = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        if ci == "true" || ci == "1" {
            Issue.record("checkov is not on PATH; CI=true requires it (scripts/ensure-tools test installs it into .tools)")
        } else {
            FileHandle.standardError.write(Data("NOTICE: skipping checkov tests: checkov not on PATH (run scripts/ensure-tools test)\n".utf8))
        }
        return nil
    }

    /// Scans `templates` (file name → template) in one run. `--skip-download` keeps checkov off the network.
    static func scan(_ checkov: URL, _ templates: [String: Template]) async throws -> Result {
        let directory = try TestPaths.temporaryDirectory("checkov")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, template) in templates {
            try TemplateRenderer().data(template).write(to: directory.appendingPathComponent(name))
        }
        return try await scan(checkov, files: templates.keys.sorted(), in: directory)
    }

    /// Scans the template files at `files` (paths relative to `directory`) in one run; each finding names its file by
    /// that relative path.
    static func scan(_ checkov: URL, files: [String], in directory: URL) async throws -> Result {
        let reportDirectory = try TestPaths.temporaryDirectory("checkov-report")
        defer { try? FileManager.default.removeItem(at: reportDirectory) }
        var arguments = ["--framework", "cloudformation", "--skip-download", "--output", "json", "--output-file-path", reportDirectory.path]
        for file in files { arguments += ["--file", directory.appendingPathComponent(file).path] }
        let run = try await ToolProcess.run(checkov, arguments, currentDirectory: directory)
        // The report file, not stdout: log lines could precede the JSON there.
        let report = (try? String(contentsOf: reportDirectory.appendingPathComponent("results_json.json"), encoding: .utf8)) ?? ""
        return Result(status: run.status, passed: passedCount(report), findings: findings(report, root: directory), output: run.output)
    }

    /// checkov writes one JSON report (an object, or a list with one object per framework).
    private static func reports(_ report: String) -> [[String: Any]] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(report.utf8)) else { return [] }
        if let list = json as? [[String: Any]] { return list }
        if let one = json as? [String: Any] { return [one] }
        return []
    }

    private static func passedCount(_ output: String) -> Int {
        reports(output).compactMap { ($0["summary"] as? [String: Any])?["passed"] as? Int }.reduce(0, +)
    }

    private static func findings(_ output: String, root: URL) -> [Finding] {
        let prefix = root.standardizedFileURL.path + "/"
        return reports(output).flatMap { report -> [Finding] in
            let failed = ((report["results"] as? [String: Any])?["failed_checks"] as? [[String: Any]]) ?? []
            return failed.map { check in
                // `AWS::S3::Bucket.ArtifactBucket` → `ArtifactBucket`.
                let resource = (check["resource"] as? String).map { String($0.split(separator: ".").last ?? "") } ?? ""
                // An absolute path or one relative to the scan root (with or without a leading slash).
                let path = (check["file_path"] as? String) ?? ""
                let standardized = URL(fileURLWithPath: path.hasPrefix(prefix) ? path : root.path + "/" + path).standardizedFileURL.path
                let file = standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : URL(fileURLWithPath: path).lastPathComponent
                return Finding(file: file, check: check["check_id"] as? String ?? "", resource: resource,
                               title: check["check_name"] as? String ?? "")
            }
        }
    }
}
