import Foundation
import Ledger
import Testing
import TestSupport
@testable import Workflows

/// Plan building from a seeded ledger: order, scopes, adopted rows, prod confirmation.
@Suite struct TeardownPlanTests {
    static let catalogStack = "mlopsctl-hnb659fds-catalog"

    struct Seed {
        var intent: ResourceIntent
        var status: ResourceStatus = .present
        var detail: String?
    }

    static func row(
        _ stage: String, _ kind: ResourceKind, _ id: String, stack: String? = nil, project: String? = nil, ownership: Ownership = .created,
        status: ResourceStatus = .present, detail: String? = nil, region: String = "us-east-1"
    ) -> Seed {
        let account = ["governance": "111111111111", "dev": "222222222222", "preprod": "333333333333", "prod": "444444444444"][stage]!
        return Seed(
            intent: ResourceIntent(
                stage: stage, account: account, region: region, kind: kind, physicalId: id, stack: stack, project: project, ownership: ownership),
            status: status, detail: detail)
    }

    /// Writes the rows in order, one second apart, so creation order is the order given.
    static func ledger(_ seeds: [Seed]) async throws -> LedgerDatabase {
        let tick = LockedBox(Date(timeIntervalSince1970: 1_800_000_000))
        let ledger = try LedgerDatabase.inMemory(clock: { tick.withLock { $0 += 1; return $0 } })
        let lock = try await ledger.acquireLock(LockRequest(command: "seed", arguments: [], who: "t@h", host: "h", pid: getpid()))
        for seed in seeds {
            let planned = try await ledger.plan(seed.intent, runId: lock.runId)
            if seed.status != .planned { try await ledger.settle(planned.id!, status: seed.status, detail: seed.detail) }
        }
        try await lock.release(outcome: .succeeded)
        return ledger
    }

    /// A full platform: bootstrap in dev and prod (policy stack, then bootstrap stack), catalog, two projects.
    static func platform() -> [Seed] {
        [
            row("dev", .stack, "mlops-exec-policy"),
            row("dev", .stack, "CDKToolkit"),
            row("dev", .bucket, "cdk-hnb659fds-assets-222222222222-us-east-1", stack: "CDKToolkit"),
            row("dev", .kmsKey, "key-1", stack: "CDKToolkit"),
            row("dev", .ecrRepository, "cdk-hnb659fds-container-assets", stack: "CDKToolkit"),
            row("prod", .stack, "CDKToolkit"),
            row("dev", .stack, catalogStack),
            row("dev", .ssmParameter, "/mlops/code/build", stack: catalogStack),
            row("dev", .objectPrefix, "cdk-hnb659fds-assets-222222222222-us-east-1/seed/build.zip"),
            row("dev", .stack, "mlops-project-alpha-p1", project: "alpha"),
            row("dev", .bucket, "alpha-artifacts", stack: "mlops-project-alpha-p1", project: "alpha"),
            row("dev", .objectPrefix, "alpha-artifacts/seed/build.zip", project: "alpha"),
            row("dev", .stack, "mlops-project-beta-p2", project: "beta"),
            row("dev", .stack, "mlops-project-alpha-endpoint-prod", project: "alpha"),
        ]
    }

    static func plan(_ seeds: [Seed], _ scope: TeardownScope) async throws -> TeardownPlan {
        let ledger = try await ledger(seeds)
        return TeardownPlan.build(from: try await ledger.resources(), scope: scope, catalogStack: catalogStack)
    }

    @Test func allGoesProjectsThenCatalogThenBootstrapWithStacksNewestFirst() async throws {
        let plan = try await Self.plan(Self.platform(), TeardownScope(everything: true))
        let order = plan.steps.map { "\($0.stage):\($0.target.physicalId!)" }
        #expect(order == [
            "dev:mlops-project-alpha-endpoint-prod", "dev:mlops-project-beta-p2", "dev:mlops-project-alpha-p1",
            "dev:\(Self.catalogStack)",
            "prod:CDKToolkit", "dev:CDKToolkit", "dev:mlops-exec-policy",
        ])
        let bootstrap = try #require(plan.steps.first { $0.stage == "dev" && $0.target.physicalId == "CDKToolkit" })
        #expect(Set(bootstrap.members.map(\.kind)) == [.bucket, .kmsKey, .ecrRepository])
        // The uploaded seed object goes with the staging bucket; the project's with the project bucket.
        #expect(bootstrap.objects.map(\.physicalId) == ["cdk-hnb659fds-assets-222222222222-us-east-1/seed/build.zip"])
        let alpha = try #require(plan.steps.first { $0.target.physicalId == "mlops-project-alpha-p1" })
        #expect(alpha.objects.map(\.physicalId) == ["alpha-artifacts/seed/build.zip"])
        #expect(plan.retained.isEmpty)
        #expect(plan.accounts == ["dev": "222222222222", "prod": "444444444444"])
    }

    @Test func projectScopeTakesOnlyThatProjectsRows() async throws {
        let plan = try await Self.plan(Self.platform(), TeardownScope(projects: ["alpha"]))
        #expect(plan.steps.map(\.target.physicalId) == ["mlops-project-alpha-endpoint-prod", "mlops-project-alpha-p1"])
        #expect(plan.steps.allSatisfy { $0.layer == .project })
    }

    @Test func catalogScopeDeletesItsUploadedObjectOnItsOwnWhenTheBucketStays() async throws {
        let plan = try await Self.plan(Self.platform(), TeardownScope(catalog: true))
        #expect(plan.steps.map(\.target.physicalId) == ["cdk-hnb659fds-assets-222222222222-us-east-1/seed/build.zip", Self.catalogStack])
        #expect(plan.steps[1].members.map(\.physicalId) == ["/mlops/code/build"])
    }

    /// `ledger forget`: a handed-over stack and what it holds are neither planned nor listed as retained.
    @Test func handedOverRowsAreLeftOutOfThePlan() async throws {
        let ledger = try await Self.ledger(Self.platform())
        let lock = try await ledger.acquireLock(LockRequest(command: "ledger forget", arguments: [], who: "t@h", host: "h", pid: getpid()))
        let stack = try #require(try await ledger.resources().first { $0.stage == "dev" && $0.physicalId == "CDKToolkit" }?.id)
        try await ledger.handOver(stack, runId: lock.runId, who: "t@h", reason: "the dev team keeps it")
        try await lock.release(outcome: .succeeded)
        let plan = TeardownPlan.build(from: try await ledger.resources(), scope: TeardownScope(everything: true), catalogStack: Self.catalogStack)
        #expect(!plan.steps.contains { $0.stage == "dev" && $0.target.physicalId == "CDKToolkit" })
        #expect(!plan.steps.flatMap(\.members).contains { $0.stack == "CDKToolkit" && $0.stage == "dev" })
        #expect(plan.steps.contains { $0.stage == "prod" && $0.target.physicalId == "CDKToolkit" })
        #expect(plan.retained.isEmpty)
    }

    @Test func stageNarrowsTheBootstrap() async throws {
        let plan = try await Self.plan(Self.platform(), TeardownScope(bootstrap: true, stages: ["prod"]))
        #expect(plan.steps.map { "\($0.stage):\($0.target.physicalId!)" } == ["prod:CDKToolkit"])
    }

    @Test func adoptedRowsAndWhatTheirStacksHoldAreRetainedNotPlanned() async throws {
        let seeds = [
            Self.row("dev", .stack, "someone-elses-stack", ownership: .adopted),
            Self.row("dev", .bucket, "their-bucket", stack: "someone-elses-stack"),
            Self.row("dev", .ssmParameter, "/mlops/role/lead", ownership: .adopted),
            Self.row("dev", .stack, "CDKToolkit"),
            Self.row("dev", .stack, "gone-already", status: .deleted),
            Self.row("dev", .stack, "kept-before", status: .retained),
            Self.row("dev", .stack, "half-made", status: .planned),
            Self.row("dev", .stack, "broken", status: .failed),
            Self.row("dev", .stack, "interrupted", status: .deleting),
        ]
        let plan = try await Self.plan(seeds, TeardownScope(everything: true))
        #expect(Set(plan.steps.compactMap(\.target.physicalId)) == ["CDKToolkit", "half-made", "broken", "interrupted"])
        #expect(Set(plan.retained.compactMap(\.resource.physicalId)) == ["someone-elses-stack", "their-bucket", "/mlops/role/lead"])
        #expect(plan.retained.allSatisfy { $0.reason.contains("did not create") })
    }

    @Test func prodResourcesNeedTheProdAccountConfirmed() async throws {
        let all = try await Self.plan(Self.platform(), TeardownScope(everything: true))
        #expect(all.prodAccounts() == ["444444444444"])
        #expect(!all.prodConfirmed(by: []))
        #expect(!all.prodConfirmed(by: ["222222222222"]))
        #expect(all.prodConfirmed(by: ["444444444444"]))
        let devOnly = try await Self.plan(Self.platform(), TeardownScope(everything: true, stages: ["dev"]))
        #expect(devOnly.prodAccounts().isEmpty && devOnly.prodConfirmed(by: []))
    }

    /// A run killed after settling a stack but before its rows: the stack's step comes back to settle them.
    @Test func rowsLeftLiveInADeletedStackBringItsStepBack() async throws {
        let seeds = [
            Self.row("prod", .stack, "CDKToolkit", status: .deleted),
            Self.row("prod", .iamRole, "cdk-lookup-role", stack: "CDKToolkit", status: .deleting),
            Self.row("prod", .ssmParameter, "/cdk-bootstrap/hnb659fds/version", stack: "CDKToolkit", status: .deleted),
            Self.row("dev", .stack, "Gone", status: .deleted),
            Self.row("dev", .iamRole, "gone-role", stack: "Gone", status: .deleted),
        ]
        let plan = try await Self.plan(seeds, TeardownScope(everything: true))
        #expect(plan.steps.count == 1, "\(plan.steps)")
        let step = try #require(plan.steps.first)
        #expect(step.isStack && step.target.physicalId == "CDKToolkit" && step.members.map(\.physicalId) == ["cdk-lookup-role"])
        // Settled members first, the stack last.
        #expect(step.rowsTargetLast.map(\.kind) == [.iamRole, .stack])
        // Outside the scope it stays out.
        #expect(try await Self.plan(seeds, TeardownScope(everything: true, stages: ["dev"])).isEmpty)
    }
}

/// Adopted rows and rows refresh found gone.
@Suite struct TeardownPlanAdoptionTests {
    typealias Plan = TeardownPlanTests

    static func adopted(status: ResourceStatus = .present) -> [Plan.Seed] {
        [
            Plan.row("prod", .stack, "CDKToolkit", ownership: .adopted, status: status),
            Plan.row("prod", .bucket, "cdk-hnb659fds-assets-444444444444-us-east-1", stack: "CDKToolkit", ownership: .adopted, status: status),
            Plan.row("dev", .stack, "CDKToolkit"),
        ]
    }

    @Test func adoptedStacksAreKeptUnlessIncludeAdopted() async throws {
        let kept = try await Plan.plan(Self.adopted(), TeardownScope(everything: true))
        #expect(kept.steps.map(\.stage) == ["dev"] && kept.retained.count == 2, "\(kept.steps.map(\.target.physicalId))")
        let included = try await Plan.plan(Self.adopted(), TeardownScope(everything: true, includeAdopted: true))
        #expect(Set(included.steps.map(\.stage)) == ["dev", "prod"] && included.retained.isEmpty)
        #expect(included.steps.first { $0.stage == "prod" }?.members.map(\.kind) == [.bucket])
        // An earlier teardown kept them (retained): --include-adopted takes them now.
        let later = try await Plan.plan(Self.adopted(status: .retained), TeardownScope(everything: true, includeAdopted: true))
        #expect(later.steps.contains { $0.stage == "prod" && $0.target.physicalId == "CDKToolkit" })
        #expect(try await Plan.plan(Self.adopted(status: .retained), TeardownScope(everything: true)).steps.map(\.stage) == ["dev"])
    }

    @Test func rowsFoundGoneAreNotPlannedButCounted() async throws {
        let seeds = [Plan.row("dev", .stack, "CDKToolkit"), Plan.row("dev", .ssmParameter, "/cdk-bootstrap/hnb659fds/version", stack: "CDKToolkit", status: .deletedOutOfBand)]
        let plan = try await Plan.plan(seeds, TeardownScope(everything: true))
        #expect(plan.steps.count == 1 && plan.steps[0].members.isEmpty)
        #expect(plan.goneOutOfBand.map(\.physicalId) == ["/cdk-bootstrap/hnb659fds/version"])
    }
}
