import AWSWire
import Foundation
import TestSupport
import Testing

/// docs/permissions.json is the committed list of what each verb sends. A verb sending an action the list lacks fails
/// the suite with a line naming the verb, the action and the command that regenerates the list; what the list
/// implies (the example policies, the operator policy template, the guide's tables) must agree with it.
@Suite struct PermissionListTests {
    static func record(_ verb: String, _ stage: String, _ actions: [String], principal: String = "operator") -> RequestRecord {
        var record = RequestRecord(principal: principal, region: "us-east-1", service: "x", operation: "Op", actions: actions)
        record.verb = verb
        record.stage = stage
        return record
    }

    @Test func anActionTheListLacksIsNamedWithTheVerbAndTheFix() throws {
        let list = try PermissionList.load()
        let sent = [
            Self.record("promote", "preprod", ["sts:AssumeRole"]),
            Self.record("promote", "preprod", ["sagemaker:DeleteEndpoint"]),
            Self.record("promote", "preprod", ["sagemaker:DeleteEndpoint"]),
            Self.record("promote", "preprod", ["cloudformation:DeleteStack"],
                        principal: "arn:aws:iam::333333333333:role/cdk-acme-deploy-role-333333333333-eu-central-1"),
            Self.record("doctor", "dev", ["sts:AssumeRole"], principal: RequestLabels.profileChainPrincipal),
        ]
        let missing = list.missing(sent, scenario: "example")
        #expect(missing == [
            "example: promote sent sagemaker:DeleteEndpoint (Op) in preprod as operator, which docs/permissions.json lacks; "
                + "run scripts/generate-permissions and commit docs/",
            "example: promote sent cloudformation:DeleteStack (Op) in preprod as cdk-deploy-role, which docs/permissions.json lacks; "
                + "run scripts/generate-permissions and commit docs/",
        ])
    }

    @Test func everyVerbHasItsRecordedActions() throws {
        let keys = try PermissionList.load().keys
        for verb in ["init", "doctor", "bootstrap", "publish-catalog", "launch-project", "promote", "status", "teardown"] {
            #expect(keys.contains { $0.hasPrefix("\(verb)|") }, "docs/permissions.json has nothing for \(verb)")
        }
        #expect(keys.contains("launch-project|dev|operator|sagemaker:CreateProject"))
        #expect(keys.contains("teardown|dev|operator|sagemaker:DeleteProject"))
        #expect(keys.contains("promote|prod|operator|sts:AssumeRole"))
        #expect(keys.contains("promote|prod|cdk-deploy-role|cloudformation:CreateStack"))
    }

    @Test func rolesAreNamedByKindWhateverTheAccountRegionOrQualifier() {
        #expect(PermissionList.principalKind("arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1") == "cdk-deploy-role")
        #expect(PermissionList.principalKind("arn:aws-cn:iam::123456789012:role/cdk-a_b-cfn-exec-role-123456789012-cn-north-1") == "cdk-cfn-exec-role")
        #expect(PermissionList.principalKind("arn:aws:iam::123456789012:role/path/lead") == "role/lead")
        #expect(PermissionList.principalKind("operator") == "operator")
    }

    /// `scripts/generate-permissions --check`: rebuilds the policies, the template (through cfn-lint) and the guide's
    /// generated section from docs/permissions.json and `mlopsctl synth`, and fails when a committed file differs.
    @Test func theGeneratedDocsAgreeWithTheListAndPassCfnLint() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard ChildProcess.find("cfn-lint", environment: environment) != nil else {
            if ConformanceData.isCI { Issue.record("cfn-lint is not on PATH; CI=true requires it (scripts/ensure-tools installs it)") }
            return
        }
        let script = ConformanceData.packageRoot.appendingPathComponent("scripts/generate-permissions").path
        let result = try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(
            ["python3", script, "--check", "--bin", CommandRunner.defaultExecutable.path], environment: ["PATH": environment["PATH"] ?? ""],
            timeout: 300)
        #expect(result.status == 0, "\(result.combined)")
    }
}
