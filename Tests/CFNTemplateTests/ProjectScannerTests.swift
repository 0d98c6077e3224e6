import Foundation
import Testing
@testable import CFNTemplate

/// The rendered project templates (both source variants) pass cfn-lint with no finding at all, and checkov with
/// no finding beyond the reviewed list in `security/checkov-suppressions.yaml` (whose entries `SecurityScanTests` checks
/// are all still needed).
@Suite struct ProjectScannerTests {
    static func templates() throws -> [String: Template] {
        var templates: [String: Template] = [:]
        for source in ProjectTemplateOptions.Source.allCases {
            templates[ProjectFixtures.fixtureName(source)] = try ProjectFixtures.template(source)
        }
        // The catalog stack is scanned with the same rules and the same reviewed suppression list, and so are the
        // cross-region variant of the project and a support stack.
        templates["catalog"] = try CatalogTemplate.make(CatalogFixtures.options())
        templates["project-s3-cross-region.json"] = try ProjectTemplate.make(ProjectFixtures.crossRegionOptions())
        templates["pipeline-support.json"] = ProjectFixtures.supportTemplate()
        return templates
    }

    @Test func cfnLintFindsNothing() async throws {
        guard let linter = CFNLintTests.locateLinter() else { return }
        let (status, findings, output) = try await CFNLintTests.lint(linter, try Self.templates())
        #expect(status & ~(2 | 4 | 8) == 0, "cfn-lint failed to run: \(output)")
        #expect(status == 0, "cfn-lint exit status \(status):\n\(output)")
        #expect(findings.isEmpty, "cfn-lint findings:\n\(findings.map(\.line).joined(separator: "\n"))")
    }

    @Test func checkovFindsOnlySuppressedIssues() async throws {
        guard let checkov = Checkov.locate() else { return }
        let suppressions = try CheckovSuppressions.load()
        let result = try await Checkov.scan(checkov, try Self.templates())
        // A run that parsed nothing passes nothing: demand that real checks ran on both files.
        #expect(result.passed >= 100, "checkov passed only \(result.passed) checks:\n\(result.output)")
        // These files are named apart from synth's paths: only the check and the logical id must be listed.
        let unexpected = result.findings.filter { !suppressions.accepts(check: $0.check, resource: $0.resource) }
        let listed = unexpected.map(\.description).joined(separator: "\n")
        #expect(unexpected.isEmpty, "checkov findings not in security/checkov-suppressions.yaml:\n\(listed)")
        // checkov exits 1 exactly when something failed.
        #expect(result.status == (result.findings.isEmpty ? 0 : 1), "checkov exit status \(result.status):\n\(result.output)")
    }

    /// The harness itself: a bucket without encryption, versioning or a public access block must be reported.
    @Test func checkovReportsAnInsecureBucket() async throws {
        guard let checkov = Checkov.locate() else { return }
        let insecure = Template(resources: ["Open": Resource(type: "AWS::S3::Bucket", properties: ["BucketName": "open-bucket"])])
        let result = try await Checkov.scan(checkov, ["insecure.json": insecure])
        let checks = Set(result.findings.filter { $0.resource == "Open" }.map(\.check))
        #expect(checks.contains("CKV_AWS_21"), "versioning: \(result.output)")
        #expect(checks.contains("CKV_AWS_18"), "access logging: \(result.output)")
        #expect(result.status == 1)
    }

    @Test func everySuppressionIsJustified() throws {
        let suppressions = try CheckovSuppressions.load()
        #expect(!suppressions.entries.isEmpty)
        for entry in suppressions.entries {
            #expect(entry.check.hasPrefix("CKV_"), "\(entry.check): not a checkov check id")
            #expect(!entry.resources.isEmpty, "\(entry.check): name the logical ids it applies to")
            #expect(!entry.templates.isEmpty, "\(entry.check): name the templates it applies to (a glob)")
            #expect(entry.reason.count >= 30, "\(entry.check): give the reason in a sentence")
        }
        let keys = suppressions.entries.map { "\($0.check) \($0.templates)" }
        #expect(Set(keys).count == keys.count, "one entry per check and template glob")
    }

    @Test func suppressionParserRejectsUnknownFields() {
        #expect(throws: CheckovSuppressionError.self) {
            try CheckovSuppressions.parse("suppressions:\n  - check: CKV_AWS_1\n    justification: no\n", source: "x.yaml")
        }
        #expect(throws: CheckovSuppressionError.self) {
            try CheckovSuppressions.parse("suppressions:\n  - check: CKV_AWS_1\n    resources: A, B\n", source: "x.yaml")
        }
        #expect(throws: CheckovSuppressionError.self) {
            try CheckovSuppressions.parse("suppressions:\n  - check: CKV_AWS_1\n    templates: */x.json\n", source: "x.yaml")
        }
    }
}
