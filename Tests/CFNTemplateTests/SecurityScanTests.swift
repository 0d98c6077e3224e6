import Foundation
import Testing
import TestSupport
@testable import CFNTemplate

/// Every template `mlopsctl synth` writes, in both layouts (all stages in one region: policy and bootstrap stacks of
/// the four stages, catalog and project in dev; a region per stage: also the pipeline support stacks of preprod's and
/// prod's regions), plus the endpoint stacks `promote` deploys, through three scanners: cfn-lint (zero errors), checkov
/// (no finding outside `security/checkov-suppressions.yaml`, and no entry there that nothing needs) and our own
/// `TemplateSecurityRules` (buckets encrypted, public access blocked, TLS only; no `*` principal). AdministratorAccess
/// appears only when the topology asks for it. Under CI=true a missing cfn-lint or checkov fails.
@Suite(.serialized) struct SecurityScanTests {
    /// The scanned files (relative paths) in `directory`, written once per process.
    struct Scanned: Sendable {
        let directory: URL
        let templates: [String]
    }

    static let layouts = [("one", "profiles/local.yaml", 10), ("multi", "profiles/local-multi-region.yaml", 12)]

    static func synth(_ topology: String, into out: URL, extra: [String] = []) async throws -> CommandRunner.Result {
        try await CommandRunner().run(["synth", "--topology", topology, "--out", out.path] + extra, currentDirectory: TestPaths.packageRoot)
    }

    /// synth of both layouts, and the endpoint stacks rendered as promote renders them.
    static func scanned() async throws -> Scanned {
        let directory = try TestPaths.temporaryDirectory("security-scan")
        var templates: [String] = []
        for (layout, topology, expected) in layouts {
            let result = try await synth(TestPaths.packageRoot.appendingPathComponent(topology).path, into: directory.appendingPathComponent(layout))
            #expect(result.status == 0, "synth \(topology): \(result.combined)")
            let written = ((FileManager.default.enumerator(atPath: directory.appendingPathComponent(layout).path)?.allObjects as? [String]) ?? [])
                .filter { $0.hasSuffix(".template.json") }.map { "\(layout)/\($0)" }.sorted()
            #expect(written.count == expected, "\(layout): \(written)")
            let support = written.filter { $0.contains("-catalog-support-") }
            #expect(support == (layout == "multi"
                ? ["multi/dev/mlopsctl-hnb659fds-catalog-support-ap-southeast-2.template.json", "multi/dev/mlopsctl-hnb659fds-catalog-support-eu-central-1.template.json"]
                : []), "\(support)")
            templates += written
        }
        let endpoints = [
            "endpoint/prod-capture.template.json": EndpointTemplate.make(EndpointTemplateTests.options(stage: .prod, count: 2, capture: EndpointTemplateTests.capture)),
            "endpoint/preprod.template.json": EndpointTemplate.make(EndpointTemplateTests.options(stage: .preprod)),
            "endpoint/prod-regional.template.json": EndpointTemplate.make(EndpointTemplateTests.regional([EndpointTemplateTests.container])),
        ]
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("endpoint"), withIntermediateDirectories: true)
        for (path, template) in endpoints {
            try TemplateRenderer().data(template).write(to: directory.appendingPathComponent(path))
        }
        return Scanned(directory: directory, templates: templates + endpoints.keys.sorted())
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], "\(url.path) is not a JSON object")
    }

    @Test func everyTemplatePassesCfnLintCheckovAndOurRules() async throws {
        let started = ContinuousClock.now
        let scanned = try await Self.scanned()
        defer { try? FileManager.default.removeItem(at: scanned.directory) }
        #expect(scanned.templates.count == 25, "\(scanned.templates)")

        // Our rules first: they need no tool.
        var ruleProblems: [String] = []
        var buckets = 0
        for file in scanned.templates {
            let template = try Self.json(scanned.directory.appendingPathComponent(file))
            buckets += (template["Resources"] as? [String: [String: Any]] ?? [:]).values.filter { $0["Type"] as? String == "AWS::S3::Bucket" }.count
            ruleProblems += TemplateSecurityRules.problems(template).map { "\(file): \($0)" }
        }
        #expect(ruleProblems.isEmpty, "\(ruleProblems.joined(separator: "\n"))")
        #expect(buckets >= 16, "only \(buckets) buckets scanned")

        var lintErrors = -1
        if let linter = CFNLintTests.locateLinter() {
            let (status, findings, output) = try await CFNLintTests.lint(linter, files: scanned.templates, in: scanned.directory)
            #expect(status & ~(2 | 4 | 8) == 0, "cfn-lint failed to run: \(output)")
            let errors = findings.filter { $0.rule.hasPrefix("E") }
            lintErrors = errors.count
            #expect(status & 2 == 0 && errors.isEmpty, "cfn-lint errors:\n\(errors.map(\.line).joined(separator: "\n"))\n\(output)")
        }

        var checkovPassed = -1
        var suppressed = -1
        if let checkov = Checkov.locate() {
            let suppressions = try CheckovSuppressions.load()
            let result = try await Checkov.scan(checkov, files: scanned.templates, in: scanned.directory)
            checkovPassed = result.passed
            // A run that parsed nothing passes nothing: demand that real checks ran on every file.
            #expect(result.passed >= 25 * 10, "checkov passed only \(result.passed) checks:\n\(result.output)")
            #expect(Set(result.findings.map(\.file)).isSubset(of: scanned.templates), "\(Set(result.findings.map(\.file)))")
            let unexpected = result.findings.filter { !suppressions.accepts(check: $0.check, resource: $0.resource, file: $0.file) }
            #expect(unexpected.isEmpty, "checkov findings not in security/checkov-suppressions.yaml:\n\(unexpected.map(\.description).joined(separator: "\n"))")
            suppressed = result.findings.count - unexpected.count
            for entry in suppressions.entries {
                for resource in entry.resources {
                    #expect(result.findings.contains { $0.check == entry.check && $0.resource == resource && entry.covers(file: $0.file) },
                            "suppression \(entry.check) for \(resource) in \(entry.templates) is no longer needed; remove it")
                }
            }
            #expect(result.status == (result.findings.isEmpty ? 0 : 1), "checkov exit status \(result.status):\n\(result.output)")
        }

        let seconds = Double((ContinuousClock.now - started).components.seconds)
        try ReliabilityFigures.write(
            suite: "SecurityScan",
            fixed: ["templates": scanned.templates.count, "buckets": buckets, "ruleProblems": ruleProblems.count, "cfnLintErrors": lintErrors,
                    "checkovChecksPassed": checkovPassed, "checkovFindingsSuppressed": suppressed,
                    "suppressionEntries": (try? CheckovSuppressions.load().entries.count) ?? -1],
            run: ["seconds": seconds])
    }

    /// The CDK template keeps upstream's fallback (AdministratorAccess when no execution policy is given), but synth
    /// always gives one: AdministratorAccess is attached nowhere unless the topology names it and the operator passes
    /// `--allow-admin-execution-policy`; then only in that stage.
    @Test func administratorAccessOnlyWhenTheOperatorAsks() async throws {
        let directory = try TestPaths.temporaryDirectory("admin-scan")
        defer { try? FileManager.default.removeItem(at: directory) }
        let topology = directory.appendingPathComponent("admin.yaml")
        let admin = "arn:aws:iam::aws:policy/AdministratorAccess"
        try (String(contentsOf: TestPaths.packageRoot.appendingPathComponent("profiles/local.yaml"), encoding: .utf8)
            + "executionPolicies:\n  dev: [\"\(admin)\"]\n").write(to: topology, atomically: true, encoding: .utf8)

        let plain = try await Self.synth(TestPaths.packageRoot.appendingPathComponent("profiles/local.yaml").path, into: directory.appendingPathComponent("plain"))
        #expect(plain.status == 0, "\(plain.combined)")
        let refused = try await Self.synth(topology.path, into: directory.appendingPathComponent("refused"))
        #expect(refused.status != 0 && refused.stderr.contains("AdministratorAccess"), "\(refused.combined)")
        let asked = try await Self.synth(topology.path, into: directory.appendingPathComponent("asked"), extra: ["--allow-admin-execution-policy"])
        #expect(asked.status == 0, "\(asked.combined)")

        for (folder, adminStages) in [("plain", Set<String>()), ("asked", ["dev"])] {
            let root = directory.appendingPathComponent(folder)
            let files = ((FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".json") }
            #expect(files.count >= 18, "\(folder): \(files)")
            for file in files {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                let stage = String(file.split(separator: "/").first ?? "")
                if file.hasSuffix("CDKToolkit.parameters.json") {
                    // The execution policies the CDK role gets: never empty (that would select the fallback).
                    let parameters = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]])
                    let policies = parameters.first { $0["ParameterKey"] == "CloudFormationExecutionPolicies" }?["ParameterValue"] ?? ""
                    let ownPolicy = parameters.first { $0["ParameterKey"] == "CloudFormationExecutionPolicyName" }?["ParameterValue"] ?? ""
                    #expect(!(policies + ownPolicy).isEmpty, "\(folder)/\(file): no execution policy, so the template falls back to AdministratorAccess")
                    #expect(policies.contains("AdministratorAccess") == adminStages.contains(stage), "\(folder)/\(file): \(policies)")
                } else if file.hasSuffix("CDKToolkit.template.json") {
                    // Only upstream's fallback branch, which the parameters above never select.
                    let template = try Self.json(root.appendingPathComponent(file))
                    let role = (template["Resources"] as? [String: Any])?["CloudFormationExecutionRole"] as? [String: Any]
                    let arns = TemplateSecurityRules.compact((role?["Properties"] as? [String: Any])?["ManagedPolicyArns"] ?? "")
                    #expect(arns.hasPrefix(#"{"Fn::If":["HasCloudFormationExecutionPolicyName","#), "\(arns)")
                    #expect(arns.contains(#"{"Fn::If":["HasCloudFormationExecutionPolicies",{"Ref":"CloudFormationExecutionPolicies"}"#), "\(arns)")
                    #expect(text.components(separatedBy: "AdministratorAccess").count == 2, "\(folder)/\(file) mentions AdministratorAccess elsewhere")
                } else {
                    #expect(!text.contains("AdministratorAccess"), "\(folder)/\(file) mentions AdministratorAccess")
                }
            }
        }
    }

    /// The rules themselves: each kind of mistake is reported.
    @Test func rulesReportOpenBucketsAndStarPrincipals() {
        let template: [String: Any] = [
            "Resources": [
                "Open": ["Type": "AWS::S3::Bucket", "Properties": [
                    "PublicAccessBlockConfiguration": ["Fn::If": ["Maybe", ["BlockPublicAcls": true], ["Ref": "AWS::NoValue"]]]]],
                "Public": ["Type": "AWS::S3::BucketPolicy", "Properties": ["Bucket": ["Ref": "Open"], "PolicyDocument": ["Statement": [
                    ["Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"]]]]],
                "Trusting": ["Type": "AWS::IAM::Role", "Properties": ["AssumeRolePolicyDocument": ["Statement": [
                    ["Effect": "Allow", "Principal": ["AWS": ["arn:aws:iam::111111111111:root", "*"]], "Action": "sts:AssumeRole"]]]]],
                "Key": ["Type": "AWS::KMS::Key", "Properties": ["KeyPolicy": ["Fn::Sub": #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"999999999999"}}}]}"#]]],
                "Pinned": ["Type": "AWS::KMS::Key", "Properties": ["KeyPolicy": ["Statement": [
                    ["Effect": "Allow", "Principal": ["AWS": "*"], "Action": "kms:Decrypt", "Resource": "*",
                     "Condition": ["StringEquals": ["kms:CallerAccount": ["Ref": "AWS::AccountId"]]]]]]]],
            ],
        ]
        let problems = TemplateSecurityRules.problems(template)
        #expect(problems.contains { $0.hasPrefix("Open: bucket without BucketEncryption") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Open: bucket without a full, unconditional PublicAccessBlockConfiguration") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Open: bucket without a bucket policy denying aws:SecureTransport false") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Public: allows the principal *") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Trusting: allows the principal *") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Key: allows the principal *") }, "\(problems)")
        #expect(!problems.contains { $0.hasPrefix("Pinned:") }, "\(problems)")
        #expect(problems.count == 6, "\(problems)")
    }
}
