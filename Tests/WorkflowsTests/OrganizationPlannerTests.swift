import CFNTemplate
import Foundation
import Testing
import Topology
@testable import Workflows

/// The stack-set path deploys, for each stage role, exactly what the per-account path deploys to that stage.
@Suite struct OrganizationPlannerTests {
    static func topology(_ organization: String, extra: String = "") throws -> Topology {
        try TopologyLoader.parse(yaml: """
            version: 1
            region: us-east-1
            qualifier: acme_01
            stages:
              governance: { account: "111111111111", profile: gov }
              dev:        { account: "222222222222", profile: dev }
              preprod:    { account: "333333333333", profile: preprod, region: eu-west-1 }
              prod:       { account: "444444444444", profile: prod }
            organization:
            \(organization)
            \(extra)
            """, file: "org.yaml")
    }

    static let everyRole = """
          profile: management
          targets:
            dev: { organizationalUnits: [ou-ab12-aaaaaaaa] }
            preprod: { organizationalUnits: [ou-ab12-bbbbbbbb], accounts: ["555555555555"] }
            prod: { accounts: ["666666666666", "777777777777"] }
        """

    @Test func eachRoleGetsThePerAccountTemplateAndParametersOfItsStage() throws {
        let topology = try Self.topology(Self.everyRole)
        let plans = try OrganizationPlanner(topology: topology, options: BootstrapOptions()).plans()
        let specs = try BootstrapPlanner(topology: topology, options: BootstrapOptions()).specs()
        #expect(plans.map(\.stage) == [.dev, .preprod, .prod])
        for plan in plans {
            let spec = try #require(specs.first { $0.stage.stage == plan.stage })
            // What the per-account path deploys to this stage on a first bootstrap.
            let perAccount = spec.bootstrapDeployment(kmsKeyId: nil, terminationProtection: false)
            #expect(plan.bootstrap.templateBody == perAccount.template.body)
            #expect(plan.bootstrap.templateBody == TemplateRenderer().render(BootstrapTemplate.make()))
            #expect(plan.bootstrap.parameters == perAccount.parameters)
            #expect(plan.bootstrap.tags == perAccount.tags)
            let policy = try #require(plan.policy)
            #expect(policy.templateBody == spec.policyStack?.template.body)
            #expect(policy.parameters == spec.policyStack?.parameters)
            // Nothing in the parameters names the stage's own account: the same values serve every member.
            for value in plan.bootstrap.parameters.values { #expect(!value.contains(topology[plan.stage].account)) }
        }
        let prod = try #require(plans.last)
        #expect(prod.bootstrap.parameters["TrustedAccounts"] == "222222222222,111111111111")
        #expect(prod.bootstrap.parameters["CloudFormationExecutionPolicyName"] == "mlopsctl-acme_01-cfn-exec-prod")
        #expect(plans.first?.bootstrap.parameters["TrustedAccounts"] == "111111111111")
        // Stack set names allow letters, digits and hyphens only.
        #expect(prod.bootstrap.name == "mlopsctl-acme-01-prod-bootstrap")
        #expect(prod.policy?.name == "mlopsctl-acme-01-prod-execution-policy")
        #expect(prod.stackSets.map(\.kind) == [.executionPolicy, .bootstrap])
    }

    @Test func stageSelectionNarrowsTheRoles() throws {
        let topology = try Self.topology(Self.everyRole)
        let plans = try OrganizationPlanner(topology: topology, options: BootstrapOptions(stages: [.prod])).plans()
        #expect(plans.map(\.stage) == [.prod])
        #expect(throws: OrganizationInputError.self) {
            try OrganizationPlanner(topology: topology, options: BootstrapOptions(stages: [.governance])).plans()
        }
    }

    @Test func aTopologyWithoutOrganizationIsRefusedWithTheFix() throws {
        let plain = try BootstrapPlannerTests.topology()
        #expect(throws: OrganizationInputError.self) { try OrganizationPlanner(topology: plain, options: BootstrapOptions()).plans() }
        #expect(OrganizationInputError.noOrganizationSection.description.contains("organization:"))
    }

    @Test func anAdministratorPolicyNeedsTheSameConsentAsPerAccount() throws {
        let topology = try Self.topology(Self.everyRole, extra: "executionPolicies: { prod: [\"arn:aws:iam::aws:policy/AdministratorAccess\"] }")
        #expect(throws: OrganizationInputError.self) { try OrganizationPlanner(topology: topology, options: BootstrapOptions()).plans() }
        let plans = try OrganizationPlanner(topology: topology, options: BootstrapOptions(allowAdminExecutionPolicy: true)).plans()
        let prod = try #require(plans.last)
        #expect(prod.policy == nil)
        #expect(prod.bootstrap.parameters["CloudFormationExecutionPolicies"] == "arn:aws:iam::aws:policy/AdministratorAccess")
    }
}
