import CFNTemplate
import Foundation
import Testing
import Topology
@testable import Workflows

/// Input checks and parameters of bootstrap, without AWS.
@Suite struct BootstrapPlannerTests {
    static func topology(_ extra: String = "", file: String = "acme.yaml") throws -> Topology {
        try TopologyLoader.parse(yaml: """
            version: 1
            region: us-east-1
            qualifier: acme01
            stages:
              governance: { account: "111111111111", profile: gov }
              dev:        { account: "222222222222", profile: dev }
              preprod:    { account: "333333333333", profile: preprod, region: cn-north-1 }
              prod:       { account: "444444444444", profile: prod }
            \(extra)
            """, file: file)
    }

    @Test func defaultSpecsUseTheShippedPolicyAndTheSeedsTrust() throws {
        let specs = try BootstrapPlanner(topology: try Self.topology(), options: BootstrapOptions()).specs()
        #expect(specs.map(\.stage.stage) == Stage.allCases)
        let preprod = specs[2]
        #expect(preprod.trustedAccounts == ["222222222222", "111111111111"])
        #expect(preprod.policyStackArn == "arn:aws-cn:iam::333333333333:policy/mlopsctl-acme01-cfn-exec-preprod")
        let parameters = preprod.bootstrapParameters(kmsKeyId: nil)
        #expect(parameters["TrustedAccounts"] == "222222222222,111111111111")
        // The shipped policy is attached by name from the stack's own account (the same value in every account).
        #expect(parameters["CloudFormationExecutionPolicies"] == "")
        #expect(parameters["CloudFormationExecutionPolicyName"] == "mlopsctl-acme01-cfn-exec-preprod")
        #expect(preprod.policyStackArn?.hasSuffix(":policy/" + (parameters["CloudFormationExecutionPolicyName"] ?? "-")) == true)
        #expect(parameters["FileAssetsBucketKmsKeyId"] == "AWS_MANAGED_KEY")
        #expect(parameters["Qualifier"] == "acme01")
        #expect(Set(parameters.keys) == Set(BootstrapTemplate.ParameterName.allCases.map(\.rawValue)))
        #expect(preprod.bootstrapParameters(kmsKeyId: "arn:aws:kms:x")["FileAssetsBucketKmsKeyId"] == "arn:aws:kms:x")
    }

    @Test func stageSelectionKeepsTopologyOrder() throws {
        let specs = try BootstrapPlanner(topology: try Self.topology(), options: BootstrapOptions(stages: [.prod, .dev])).specs()
        #expect(specs.map(\.stage.stage) == [.dev, .prod])
    }

    @Test func administratorAccessNeedsExplicitIntentAndAllProblemsAreListed() throws {
        let topology = try Self.topology(
            "executionPolicies:\n  dev: [\"arn:aws:iam::aws:policy/AdministratorAccess\"]\n  prod: [\"arn:aws:iam::aws:policy/AdministratorAccess\"]\n")
        let error = #expect(throws: BootstrapInputError.self) { try BootstrapPlanner(topology: topology, options: BootstrapOptions()).specs() }
        #expect(error?.problems.count == 2)
        #expect(error?.description.contains("--allow-admin-execution-policy") == true)
        let allowed = try BootstrapPlanner(topology: topology, options: BootstrapOptions(allowAdminExecutionPolicy: true)).specs()
        #expect(allowed[1].executionPolicyArns == ["arn:aws:iam::aws:policy/AdministratorAccess"])
        #expect(allowed[1].policyStack == nil)
    }

    @Test func aPolicyDocumentOfTheTopologyIsLintedAndDeployed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}"#
        let bad = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        try good.write(to: dir.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        try bad.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("acme.yaml").path
        let specs = try BootstrapPlanner(topology: try Self.topology("executionPolicies:\n  dev: [good.json]\n", file: file), options: BootstrapOptions()).specs()
        guard case .body(let body) = try #require(specs[1].policyStack).template else { Issue.record("no body"); return }
        #expect(body.contains("s3:GetObject"))
        let error = #expect(throws: BootstrapInputError.self) {
            try BootstrapPlanner(topology: try Self.topology("executionPolicies:\n  dev: [bad.json]\n", file: file), options: BootstrapOptions()).specs()
        }
        #expect(error?.description.contains("executionPolicies.dev") == true)
    }

    @Test func partitionsFollowTheRegion() {
        #expect(Partition.of(region: "us-east-1") == "aws")
        #expect(Partition.of(region: "cn-northwest-1") == "aws-cn")
        #expect(Partition.of(region: "us-gov-west-1") == "aws-us-gov")
    }
}
