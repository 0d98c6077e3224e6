import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
@testable import Workflows

/// Teardown of a project launched through SageMaker: the project and the stack Service Catalog provisioned for it
/// are one step; the stack's buckets and images go first, then DeleteProject (which terminates the provisioned
/// product), then a bounded wait for the stack to go; DeleteStack only as the fallback.
@Suite struct TeardownSageMakerProjectTests {
    typealias Plan = TeardownPlanTests
    static let stack = FakeProjectAccount.stackName

    /// What launch-project `--via sagemaker` records (an older launch recorded the SC stack as adopted).
    static func projectRows(status: Ledger.ResourceStatus = .present, detail: String? = "pp-xyz", stackOwnership: Ownership = .adopted) -> [Plan.Seed] {
        [
            Plan.row("dev", .provisionedProduct, "sagemaker-project/demo", project: "demo", status: status, detail: detail),
            Plan.row("dev", .stack, stack, stack: stack, project: "demo", ownership: stackOwnership, status: status),
            Plan.row("dev", .bucket, FakeProjectAccount.bucket, stack: stack, project: "demo", status: status),
            Plan.row("dev", .ecrRepository, FakeProjectAccount.repository, stack: stack, project: "demo", status: status),
            Plan.row("dev", .kmsKey, FakeProjectAccount.keyId, stack: stack, project: "demo", status: status),
            Plan.row("dev", .iamRole, "mlops-p-xyz-build-role", stack: stack, project: "demo", status: status),
        ]
    }

    // MARK: - Plan

    @Test func theProjectAndItsProvisionedStackAreOneStepAndNotRetained() async throws {
        let seeds = [Plan.row("dev", .stack, "mlops-project-alpha-p1", project: "alpha")] + Self.projectRows() + [
            Plan.row("dev", .ssmParameter, "/mlops/projects/demo/note", project: "demo"),
            // Someone else's SageMaker project stack: no project row of ours, so it stays adopted.
            Plan.row("dev", .stack, "SC-222222222222-pp-other", project: "other", ownership: .adopted),
        ]
        let plan = try await Plan.plan(seeds, TeardownScope(everything: true))
        #expect(plan.steps.map { "\($0.target.kind.rawValue):\($0.target.physicalId!)" } == [
            "provisionedProduct:sagemaker-project/demo", "stack:mlops-project-alpha-p1", "ssmParameter:/mlops/projects/demo/note",
        ])
        let step = plan.steps[0]
        #expect(step.isSageMakerProject && !step.isStack)
        #expect(step.provisionedStack?.physicalId == Self.stack)
        #expect(Set(step.members.compactMap(\.physicalId)) == [
            FakeProjectAccount.bucket, FakeProjectAccount.repository, FakeProjectAccount.keyId, "mlops-p-xyz-build-role",
        ])
        #expect(step.rows.count == 6)
        #expect(!plan.steps.contains { $0.target.physicalId == Self.stack })
        #expect(plan.retained.compactMap { $0.resource.physicalId } == ["SC-222222222222-pp-other"])
    }

    @Test(arguments: [Ledger.ResourceStatus.deleting, .failed])
    func anInterruptedOrFailedTeardownStillPairsTheStackWithoutTheProductId(status: Ledger.ResourceStatus) async throws {
        let detail = status == .failed ? "stack 'SC-222222222222-pp-xyz' failed to delete: DELETE_FAILED" : nil
        let plan = try await Plan.plan(Self.projectRows(status: status, detail: detail), TeardownScope(projects: ["demo"]))
        #expect(plan.steps.count == 1)
        #expect(plan.steps.first?.provisionedStack?.physicalId == Self.stack)
        #expect(plan.steps.first?.members.count == 4)
    }

    // MARK: - Run

    static func run(
        _ account: FakeProjectAccount, seeds: [Plan.Seed], timeout: Duration = .seconds(1800), collector: RequestCollector = RequestCollector()
    ) async throws -> (TeardownReport, LedgerDatabase) {
        let ledger = try await Plan.ledger(seeds)
        let report = try await workflow(account, ledger: ledger, timeout: timeout, collector: collector).run(confirmedProd: [])
        return (report, ledger)
    }

    static func workflow(
        _ account: FakeProjectAccount, ledger: LedgerDatabase, timeout: Duration = .seconds(1800), collector: RequestCollector = RequestCollector()
    ) throws -> TeardownWorkflow {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = ScriptedTransport { request, _ in account.respond(request) }
        return TeardownWorkflow(
            scope: TeardownScope(projects: ["demo"]), catalogStack: "mlopsctl-hnb659fds-catalog", openLedger: { ledger },
            session: { stage in
                try AWSSession.make(
                    profile: "p", region: "us-east-1", environment: environment, config: config,
                    transport: ReplayPermissions.transport(transport, stage: stage, collector: collector), logger: Logger(label: "t"))
            }, sleep: { account.sleep($0) }, provisionedStackTimeout: timeout)
    }

    static func statuses(_ ledger: LedgerDatabase) async throws -> [String: Ledger.ResourceStatus] {
        Dictionary(uniqueKeysWithValues: try await ledger.resources().map { ($0.physicalId!, $0.status) })
    }

    @Test func emptiesThenDeletesTheProjectAndWaitsForServiceCatalogToRemoveTheStack() async throws {
        let account = FakeProjectAccount()
        let collector = RequestCollector(verb: "teardown")
        let (report, ledger) = try await Self.run(account, seeds: Self.projectRows(), collector: collector)
        try ReplayPermissions.check(collector, scenario: "teardown-sagemaker-project")
        let log = account.log
        let deleteProject = try #require(log.firstIndex(of: "DeleteProject"))
        #expect(log.filter { $0 == "DeleteProject" }.count == 1)
        #expect(try #require(log.lastIndex(of: "DeleteObjects")) < deleteProject)
        #expect(try #require(log.lastIndex(of: "BatchDeleteImage")) < deleteProject)
        #expect(!log.contains("DeleteStack"), "\(log)")
        // Polled until the stack was gone: in progress, in progress, does not exist; with backoff.
        #expect(log[(deleteProject + 1)...].prefix(3) == ["DescribeStacks", "DescribeStacks", "DescribeStacks"])
        #expect(account.state.value.sleeps == [.seconds(5), .seconds(10)])
        // The stack's key is scheduled (7-day window) before DeleteProject, as for any stack.
        #expect(try #require(log.firstIndex(of: "ScheduleKeyDeletion")) < deleteProject)
        #expect(account.state.value.keyState == "PendingDeletion")
        #expect(report.isComplete, "\(report.left)")
        #expect(report.deleted.count == 6)
        #expect(try await Self.statuses(ledger).values.allSatisfy { $0 == .deleted })

        let request = try #require(account.state.value.deleteProjectRequests.first)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"ProjectName":"demo"}"#)
        switch BotocoreModel.load(service: "sagemaker") {
        case .loaded(let model):
            let problems = ModelRequestChecker(model: model).problems(
                operation: "DeleteProject", method: request.method, url: request.url, headers: request.headers.pairs, body: request.body)
            #expect(problems.isEmpty, "\(problems)")
        case .skipped: break
        case .missingUnderCI(let message): Issue.record(Comment(rawValue: message))
        }
    }

    /// A run killed after DeleteProject: every row is still `deleting`, the project is gone, its buckets and
    /// repository too, the stack is still being deleted (or already gone).
    @Test(arguments: ["DELETE_IN_PROGRESS", nil] as [String?])
    func aResumedRunFindsTheProjectGoneAndFinishes(stackStatus: String?) async throws {
        var state = FakeProjectAccount.State()
        state.projectExists = false
        state.deletionRequested = true
        state.stackStatus = stackStatus
        state.afterDeleteProject = ["DELETE_IN_PROGRESS", nil]
        state.bucketExists = false
        state.repositoryExists = false
        state.keyState = "PendingDeletion"
        let account = FakeProjectAccount(state)
        let (report, ledger) = try await Self.run(account, seeds: Self.projectRows(status: .deleting, detail: nil))
        #expect(account.log.filter { $0 == "DeleteProject" }.count == 1)
        #expect(!account.log.contains("DeleteStack") && !account.log.contains("ScheduleKeyDeletion") && !account.log.contains("DeleteObjects"))
        #expect(report.isComplete, "\(report.left)")
        #expect(try await Self.statuses(ledger).values.allSatisfy { $0 == .deleted })
    }

    struct Fallback: Sendable, CustomTestStringConvertible {
        var name: String
        var projectExists = true
        var afterDeleteProject: [String?]
        var sleeps: [Duration]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Fallback(name: "DELETE_FAILED", afterDeleteProject: ["DELETE_IN_PROGRESS", "DELETE_FAILED"], sleeps: [.seconds(5)]),
        Fallback(name: "lingers past the deadline", afterDeleteProject: ["CREATE_COMPLETE"], sleeps: [5, 10, 20, 30].map { .seconds($0) }),
        Fallback(name: "project gone, stack left", projectExists: false, afterDeleteProject: ["CREATE_COMPLETE"], sleeps: []),
    ])
    func aStackServiceCatalogDoesNotRemoveIsDeletedDirectly(_ scenario: Fallback) async throws {
        var state = FakeProjectAccount.State()
        state.projectExists = scenario.projectExists
        state.afterDeleteProject = scenario.afterDeleteProject
        let account = FakeProjectAccount(state)
        let collector = RequestCollector(verb: "teardown")
        let (report, ledger) = try await Self.run(account, seeds: Self.projectRows(), timeout: .seconds(60), collector: collector)
        try ReplayPermissions.check(collector, scenario: "teardown-sagemaker-project-fallback-\(scenario.name)")
        let log = account.log
        #expect(log.filter { $0 == "DeleteStack" }.count == 1)
        #expect(try #require(log.firstIndex(of: "DeleteProject")) < (log.firstIndex(of: "DeleteStack") ?? -1))
        #expect(account.state.value.sleeps == scenario.sleeps)
        #expect(account.state.value.keyState == "PendingDeletion")
        #expect(report.isComplete, "\(report.left)")
        #expect(try await Self.statuses(ledger).values.allSatisfy { $0 == .deleted })
    }

    @Test func aStackThatWillNotDeleteIsReportedWithItsFailedResourceAndARerunFinishes() async throws {
        var state = FakeProjectAccount.State()
        state.afterDeleteProject = ["DELETE_FAILED"]
        state.afterDeleteStack = "DELETE_FAILED"
        let account = FakeProjectAccount(state)
        let ledger = try await Plan.ledger(Self.projectRows())
        let report = try await Self.workflow(account, ledger: ledger).run(confirmedProd: [])
        #expect(account.log.filter { $0 == "DeleteStack" }.count == 2)
        #expect(!report.isComplete)
        #expect(report.left.count == 6)
        #expect(report.left.allSatisfy { $0.reason?.contains("ArtifactBucket (AWS::S3::Bucket) DELETE_FAILED") == true }, "\(report.left)")
        #expect(try await Self.statuses(ledger).values.allSatisfy { $0 == .failed })

        // The bucket is fixed by hand; running teardown again finishes it.
        account.state.withLock { $0.afterDeleteStack = nil }
        let again = try await Self.workflow(account, ledger: ledger).run(confirmedProd: [])
        #expect(again.isComplete, "\(again.left)")
        #expect(account.log.filter { $0 == "DeleteStack" }.count == 3)
        #expect(try await Self.statuses(ledger).values.allSatisfy { $0 == .deleted })
    }
}
