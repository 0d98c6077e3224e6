import Foundation
import Testing
@testable import CFNTemplate

/// Runs checkov (static analysis of CloudFormation) on rendered templates. Without checkov the caller skips
/// with a notice, except under `CI=true`, where that is a failure (`scripts/ensure-tools` installs it).
enum Checkov {
    struct Finding: CustomStringConvertible, Hashable {
        /// The rendered file, e.g. `project-s3.json`.
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
        let reportDirectory = directory.appendingPathComponent("report")
        var arguments = ["--framework", "cloudformation", "--skip-download", "--output", "json", "--output-file-path", reportDirectory.path]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            try TemplateRenderer().data(template).write(to: url)
            arguments += ["--file", url.path]
        }
        let run = try await ToolProcess.run(checkov, arguments, currentDirectory: directory)
        // The report file, not stdout: log lines could precede the JSON there.
        let report = (try? String(contentsOf: reportDirectory.appendingPathComponent("results_json.json"), encoding: .utf8)) ?? ""
        return Result(status: run.status, passed: passedCount(report), findings: findings(report), output: run.output)
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

    private static func findings(_ output: String) -> [Finding] {
        reports(output).flatMap { report -> [Finding] in
            let failed = ((report["results"] as? [String: Any])?["failed_checks"] as? [[String: Any]]) ?? []
            return failed.map { check in
                // `AWS::S3::Bucket.ArtifactBucket` → `ArtifactBucket`.
                let resource = (check["resource"] as? String).map { String($0.split(separator: ".").last ?? "") } ?? ""
                let file = URL(fileURLWithPath: (check["file_path"] as? String) ?? "").lastPathComponent
                return Finding(file: file, check: check["check_id"] as? String ?? "", resource: resource,
                               title: check["check_name"] as? String ?? "")
            }
        }
    }
}
