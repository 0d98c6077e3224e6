import Foundation
import Testing
@testable import CFNTemplate

/// The rendered built-in templates pass cfn-lint (AWS's template linter: resource schemas, intrinsic use,
/// IAM action names) with zero errors. Without cfn-lint the suite is skipped with a notice, except under
/// `CI=true`, where that is a failure (`scripts/ensure-tools` installs it).
@Suite struct CFNLintTests {
    /// Warnings reviewed and accepted, per file: both come from the upstream CDK template.
    static let acceptedFindings: [String: Set<String>] = [
        // BootstrapVariant is read by the CDK CLI from the stack's parameters, never by a resource.
        // AccessControl: Private is what upstream sets; it is the default and harmless.
        "bootstrap.json": ["W2001", "W3045"],
    ]

    struct Finding: CustomStringConvertible {
        var file: String
        var rule: String
        var line: String
        var description: String { line }
    }

    static func locateLinter() -> URL? {
        if let linter = ToolProcess.find("cfn-lint") { return linter }
        let environment = ProcessInfo.processInfo.environment
        let ci = environment["CI"]?.lowercased()
        if ci == "true" || ci == "1" {
            Issue.record("cfn-lint is not on PATH; CI=true requires it (scripts/ensure-tools test installs it into .tools)")
        } else {
            FileHandle.standardError.write(Data("NOTICE: skipping cfn-lint tests: cfn-lint not on PATH (run scripts/ensure-tools test)\n".utf8))
        }
        return nil
    }

    /// Lints `templates` (file name → template) in one cfn-lint run and returns its findings.
    static func lint(_ linter: URL, _ templates: [String: Template]) async throws -> (status: Int32, findings: [Finding], output: String) {
        let directory = try TestPaths.temporaryDirectory("lint")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, template) in templates {
            try TemplateRenderer().data(template).write(to: directory.appendingPathComponent(name))
        }
        return try await lint(linter, files: templates.keys.sorted(), in: directory)
    }

    /// Lints the files at `files` (relative to `directory`) in one run; each finding names its file by that path.
    static func lint(_ linter: URL, files: [String], in directory: URL) async throws -> (status: Int32, findings: [Finding], output: String) {
        let result = try await ToolProcess.run(linter, ["--format", "parseable", "--"] + files, currentDirectory: directory)
        // path:line:column:endLine:endColumn:RULE:message
        let findings = result.output.split(separator: "\n").compactMap { line -> Finding? in
            let fields = line.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let first = fields[5].first, "EWI".contains(first) else { return nil }
            let path = String(fields[0])
            let file = files.contains(path) ? path : URL(fileURLWithPath: path).lastPathComponent
            return Finding(file: file, rule: String(fields[5]), line: String(line))
        }
        return (result.status, findings, result.output)
    }

    @Test func builtInTemplatesHaveNoErrors() async throws {
        guard let linter = Self.locateLinter() else { return }
        var templates = ["bootstrap.json": BootstrapTemplate.make()]
        for stage in ExecutionPolicyDocuments.stages {
            templates["execution-policy-\(stage).json"] = try ExecutionPolicyTemplate.make(stage: stage)
        }
        let (status, findings, output) = try await Self.lint(linter, templates)
        // cfn-lint's exit status is a bit mask: 2 errors, 4 warnings, 8 informational; anything else is a crash.
        #expect(status & ~(2 | 4 | 8) == 0, "cfn-lint failed to run: \(output)")
        #expect(status & 2 == 0, "cfn-lint errors:\n\(output)")
        let unexpected = findings.filter { !(Self.acceptedFindings[$0.file] ?? []).contains($0.rule) }
        #expect(unexpected.isEmpty, "cfn-lint findings not reviewed yet:\n\(unexpected.map(\.line).joined(separator: "\n"))")
        #expect(findings.allSatisfy { !$0.rule.hasPrefix("E") })
    }

    /// The harness itself: a template with known mistakes must come back with errors.
    @Test func reportsErrorsInABrokenTemplate() async throws {
        guard let linter = Self.locateLinter() else { return }
        let broken = Template(resources: [
            "Bucket": Resource(type: "AWS::S3::Bucket", properties: ["NoSuchProperty": "x"]),
            "Topic": Resource(type: "AWS::SNS::Topic", properties: ["TopicName": .ref("Missing")]),
        ])
        let (status, findings, output) = try await Self.lint(linter, ["broken.json": broken])
        #expect(status & 2 == 2, "expected cfn-lint errors: \(output)")
        #expect(findings.filter { $0.rule.hasPrefix("E") }.count >= 2, "\(output)")
    }
}
