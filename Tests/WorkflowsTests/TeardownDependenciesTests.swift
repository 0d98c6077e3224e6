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
}
