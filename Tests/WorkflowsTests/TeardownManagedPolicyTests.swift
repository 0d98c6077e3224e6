import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
@testable import Workflows

/// A managed policy the bootstrap's execution-policy stack left behind when it was deleted (AWS does this for a
/// policy with a Retain policy) goes the way IAM requires: detached, old versions deleted, then deleted.
@Suite struct TeardownManagedPolicyTests {
    typealias Plan = TeardownPlanTests
    static let stack = FakePolicyAccount.stackName
    static let arn = FakePolicyAccount.policyArn
    static let iamOperations: Set<String> = [
        "GetPolicy", "ListEntitiesForPolicy", "DetachRolePolicy", "DetachUserPolicy", "DetachGroupPolicy", "ListPolicyVersions",
        "DeletePolicyVersion", "DeletePolicy",
    ]

    /// The policy's stack, the policy, and the role it is attached to (mlopsctl's, deleted with the bootstrap stack).
    static func rows(policy: String = arn, ownership: Ownership = .created) -> [Plan.Seed] {
        [
            Plan.row("dev", .iamRole, "mlopsctl-hnb659fds-cfn-exec-role-222222222222-us-east-1", stack: "CDKToolkit", status: .deleted),
            Plan.row("dev", .stack, stack), Plan.row("dev", .iamPolicy, policy, stack: stack, ownership: ownership),
        ]
    }

    static func run(_ account: FakePolicyAccount, seeds: [Plan.Seed], collector: RequestCollector = RequestCollector()) async throws
        -> (TeardownReport, LedgerDatabase, [String])
    {
        let ledger = try await Plan.ledger(seeds)
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = ScriptedTransport { request, _ in account.respond(request) }
        let lines = LockedBox<[String]>([])
        let workflow = TeardownWorkflow(
            scope: TeardownScope(everything: true), catalogStack: "mlopsctl-hnb659fds-catalog", openLedger: { ledger },
            session: { stage in
                try AWSSession.make(
                    profile: "p", region: "us-east-1", environment: environment, config: config,
                    transport: ReplayPermissions.transport(transport, stage: stage, collector: collector), logger: Logger(label: "t"))
            }, progress: { line in lines.withLock { $0.append(line) } }, sleep: { _ in })
        let report = try await workflow.run(confirmedProd: [])
        return (report, ledger, lines.value)
    }

    func iamLog(_ account: FakePolicyAccount) -> [String] { account.log.filter(Self.iamOperations.contains) }

    @Test func aLeftoverPolicyIsDetachedStrippedOfOldVersionsThenDeleted() async throws {
        let account = FakePolicyAccount()
        let collector = RequestCollector(verb: "teardown")
        let (report, ledger, lines) = try await Self.run(account, seeds: Self.rows(), collector: collector)
        try ReplayPermissions.check(collector, scenario: "teardown-leftover-managed-policy")

        #expect(iamLog(account) == [
            "GetPolicy", "ListEntitiesForPolicy", "DetachRolePolicy", "ListPolicyVersions", "DeletePolicyVersion", "DeletePolicyVersion",
            "DeletePolicy",
        ])
        // Only after the stack is gone.
        #expect(try #require(account.log.firstIndex(of: "DeleteStack")) < (account.log.firstIndex(of: "GetPolicy") ?? -1))
        let state = account.state.value
        #expect(!state.policyExists && state.attachedRoles.isEmpty)
        #expect(state.policyArnsSeen.allSatisfy { $0 == Self.arn } && !state.policyArnsSeen.isEmpty)
        #expect(report.isComplete, "\(report.left)")
        #expect(report.deleted.compactMap(\.physicalId).sorted() == [Self.arn, Self.stack].sorted())
        #expect(try await ledger.resources().allSatisfy { $0.status == .deleted })
        #expect(lines.contains {
            $0.contains("removed managed policy \(Self.arn) the stack left behind")
                && $0.contains("detached from role mlopsctl-hnb659fds-cfn-exec-role-222222222222-us-east-1") && $0.contains("2 old versions deleted")
        }, "\(lines)")
    }

    @Test func aPolicyTheStackTookWithItMakesNoDeleteCalls() async throws {
        var state = FakePolicyAccount.State()
        state.policyExists = false
        let account = FakePolicyAccount(state)
        let (report, _, lines) = try await Self.run(account, seeds: Self.rows())

        #expect(iamLog(account) == ["GetPolicy"])
        #expect(report.isComplete, "\(report.left)")
        #expect(report.deleted.count == 2)
        #expect(!lines.contains { $0.contains("removed managed policy") })
    }

    /// An inline policy (`AWS::IAM::Policy`: its physical id is not an ARN, it goes with its role), a policy ARN of
    /// another account, and an adopted policy are never touched.
    @Test(arguments: [
        ("mlops-Polic-1A2B3C4D5E6F", Ownership.created),
        ("arn:aws:iam::999999999999:policy/mlopsctl-hnb659fds-cfn-exec-dev", .created),
        (FakePolicyAccount.policyArn, .adopted),
    ])
    func onlyManagedPoliciesMlopsctlCreatedInThisAccountAreTouched(_ id: String, _ ownership: Ownership) async throws {
        let account = FakePolicyAccount()
        let (report, _, _) = try await Self.run(account, seeds: Self.rows(policy: id, ownership: ownership))

        #expect(iamLog(account) == [])
        #expect(account.state.value.policyExists)
        #expect(report.isComplete, "\(report.left)")
    }

    /// Detaching would change the permissions of a role mlopsctl did not create: the policy is left, with who holds it.
    @Test func aPolicyHeldByARoleMlopsctlDidNotCreateIsLeftAndNamed() async throws {
        var state = FakePolicyAccount.State()
        state.attachedRoles = ["someone-elses-role"]
        let account = FakePolicyAccount(state)
        let (report, ledger, _) = try await Self.run(account, seeds: Self.rows())

        #expect(iamLog(account) == ["GetPolicy", "ListEntitiesForPolicy"])
        #expect(account.state.value.policyExists && account.state.value.attachedRoles == ["someone-elses-role"])
        let left = report.left.first { $0.physicalId == Self.arn }
        #expect(left?.reason?.contains("attached to role someone-elses-role, which mlopsctl did not create") == true, "\(report.left)")
        #expect(try await ledger.resources().first { $0.physicalId == Self.arn }?.status == .failed)
    }

    @Test func aPolicyIAMStillRefusesToDeleteIsReportedAsLeft() async throws {
        var state = FakePolicyAccount.State()
        state.attachedMeanwhile = 1
        let account = FakePolicyAccount(state)
        let (report, ledger, _) = try await Self.run(account, seeds: Self.rows())

        #expect(iamLog(account).last == "DeletePolicy")
        #expect(account.state.value.policyExists)
        #expect(!report.isComplete)
        #expect(report.left.contains { $0.physicalId == Self.arn && $0.reason?.contains("DeleteConflict") == true }, "\(report.left)")
        let rows = try await ledger.resources()
        #expect(rows.first { $0.physicalId == Self.arn }?.status == .failed)
    }
}
