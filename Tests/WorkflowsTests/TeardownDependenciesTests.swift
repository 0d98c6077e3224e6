import Foundation
import Ledger
import Testing
@testable import Workflows

/// The bootstrap and the catalog are refused while projects outside the teardown still stand on them.
@Suite struct TeardownDependenciesTests {
    typealias Plan = TeardownPlanTests

    static func rows(_ extra: [Plan.Seed] = []) async throws -> [TrackedResource] {
        try await Plan.ledger(Plan.platform() + extra).resources()
    }

    static func check(_ rows: [TrackedResource], _ scope: TeardownScope) throws {
        try TeardownDependencies.check(rows: rows, scope: scope, catalogStack: Plan.catalogStack)
    }

    @Test func bootstrapAloneIsRefusedWhileProjectsStandAndNamesThem() async throws {
        let rows = try await Self.rows()
        let error = #expect(throws: TeardownDependencies.Blocked.self) { try Self.check(rows, TeardownScope(bootstrap: true)) }
        #expect(error == TeardownDependencies.Blocked(layer: .bootstrap, projects: ["alpha", "beta"]))
        #expect(error?.description.contains("--project alpha --project beta") == true, "\(String(describing: error))")
        // Taking one project along still leaves the other.
        #expect(throws: TeardownDependencies.Blocked(layer: .bootstrap, projects: ["beta"])) {
            try Self.check(rows, TeardownScope(projects: ["alpha"], bootstrap: true))
        }
    }

    @Test func bootstrapGoesWithItsProjectsWithAllOrWhereNoProjectStands() async throws {
        let rows = try await Self.rows()
        try Self.check(rows, TeardownScope(projects: ["alpha", "beta"], bootstrap: true))
        try Self.check(rows, TeardownScope(everything: true))
        // alpha's prod endpoint stack is recorded in dev in the platform seed; governance has no project.
        try Self.check(rows, TeardownScope(bootstrap: true, stages: ["governance"]))
    }

    @Test func deletedAndAdoptedProjectRowsDoNotBlock() async throws {
        let rows = try await Self.rows().map { row -> TrackedResource in
            var row = row
            if row.project != nil { row.status = .deleted }
            return row
        }
        try Self.check(rows, TeardownScope(bootstrap: true))
        let adopted = try await Plan.ledger([Plan.row("dev", .stack, "their-project", project: "theirs", ownership: .adopted)]).resources()
        try Self.check(adopted, TeardownScope(bootstrap: true))
    }

    @Test func catalogIsRefusedOnlyWhileSageMakerLaunchedProjectsStand() async throws {
        let rows = try await Self.rows()
        try Self.check(rows, TeardownScope(catalog: true))
        let withProduct = try await Self.rows([Plan.row("dev", .provisionedProduct, "sagemaker-project/gamma", project: "gamma")])
        #expect(throws: TeardownDependencies.Blocked(layer: .catalog, projects: ["gamma"])) { try Self.check(withProduct, TeardownScope(catalog: true)) }
        try Self.check(withProduct, TeardownScope(projects: ["gamma"], catalog: true))
    }

    /// publish-catalog's support stacks (dev's account, other regions) are the catalog's: they go with `--catalog`, and
    /// every standing project blocks them, as its deploy pipeline keeps its cross-region artifacts there.
    @Test func supportStacksAreTheCatalogsAndEveryProjectStandsOnThem() async throws {
        let support = Plan.catalogStack + "-support-eu-central-1"
        let seeds = [
            Plan.row("dev", .stack, support, region: "eu-central-1"),
            Plan.row("dev", .bucket, "mlopsctl-hnb659fds-pipeline-222222222222-eu-central-1", stack: support, region: "eu-central-1"),
            Plan.row("dev", .kmsKey, "key-support", stack: support, region: "eu-central-1"),
        ]
        let rows = try await Self.rows(seeds)
        #expect(throws: TeardownDependencies.Blocked(layer: .catalog, projects: ["alpha", "beta"])) { try Self.check(rows, TeardownScope(catalog: true)) }
        try Self.check(rows, TeardownScope(projects: ["alpha", "beta"], catalog: true))
        let plan = TeardownPlan.build(from: rows, scope: TeardownScope(projects: ["alpha", "beta"], catalog: true), catalogStack: Plan.catalogStack)
        let step = try #require(plan.steps.first { $0.target.physicalId == support })
        #expect(step.layer == .catalog && step.target.region == "eu-central-1" && Set(step.members.map(\.kind)) == [.bucket, .kmsKey], "\(step)")
        // The bootstrap alone does not take them.
        let bootstrapOnly = TeardownPlan.build(from: rows, scope: TeardownScope(bootstrap: true), catalogStack: Plan.catalogStack)
        #expect(!bootstrapOnly.steps.contains { $0.target.physicalId == support })
    }
}
