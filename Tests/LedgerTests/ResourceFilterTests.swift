import Foundation
import Ledger
import Testing

@Suite struct ResourceFilterTests {
    /// Six resources spread over stages, kinds, statuses, projects, accounts and stacks.
    static func seeded() async throws -> LedgerDatabase {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let rows: [(ResourceIntent, ResourceStatus)] = [
            (Fixture.intent(.stack, "mlops-bootstrap", stage: "governance", account: "111111111111"), .present),
            (Fixture.intent(.bucket, "gov-artifacts", stage: "governance", account: "111111111111", stack: "mlops-bootstrap"), .present),
            (Fixture.intent(.stack, "mlops-bootstrap", stage: "dev"), .present),
            (Fixture.intent(.bucket, "dev-artifacts", stage: "dev", stack: "mlops-bootstrap", project: "churn"), .failed),
            (Fixture.intent(.endpoint, "churn-dev", stage: "dev", project: "churn"), .deleted),
            (Fixture.intent(.ssmParameter, "/mlops/churn", stage: "prod", account: "444444444444", project: "churn"), .retained),
        ]
        for (intent, status) in rows {
            let id = try #require(try await ledger.plan(intent, runId: lock.runId).id)
            try await ledger.settle(id, status: status)
        }
        try await lock.release()
        return ledger
    }

    static let cases: [(ResourceFilter, Set<String>)] = [
        (.all, ["mlops-bootstrap@111111111111", "gov-artifacts", "mlops-bootstrap@222222222222", "dev-artifacts", "churn-dev", "/mlops/churn"]),
        (ResourceFilter(stage: "governance"), ["mlops-bootstrap@111111111111", "gov-artifacts"]),
        (ResourceFilter(kind: .stack), ["mlops-bootstrap@111111111111", "mlops-bootstrap@222222222222"]),
        (ResourceFilter(status: .present), ["mlops-bootstrap@111111111111", "gov-artifacts", "mlops-bootstrap@222222222222"]),
        (ResourceFilter(project: "churn"), ["dev-artifacts", "churn-dev", "/mlops/churn"]),
        (ResourceFilter(account: "444444444444"), ["/mlops/churn"]),
        (ResourceFilter(stack: "mlops-bootstrap"), ["gov-artifacts", "dev-artifacts"]),
        (ResourceFilter(stage: "dev", kind: .bucket, status: .failed, project: "churn"), ["dev-artifacts"]),
        (ResourceFilter(stage: "dev", status: .present, project: "churn"), []),
        (ResourceFilter(stage: "preprod"), []),
    ]

    @Test(arguments: cases)
    func filtersNarrowTheList(_ filter: ResourceFilter, _ expected: Set<String>) async throws {
        let ledger = try await Self.seeded()
        let found = try await ledger.resources(filter: filter)
        // Stacks share a name across accounts, so name them by account too.
        let names = found.map { $0.kind == .stack ? "\($0.physicalId ?? "")@\($0.account)" : $0.physicalId ?? "" }
        #expect(Set(names) == expected)
        #expect(names.count == expected.count)
        for resource in found {
            if let stage = filter.stage { #expect(resource.stage == stage) }
            if let kind = filter.kind { #expect(resource.kind == kind) }
            if let status = filter.status { #expect(resource.status == status) }
        }
    }

    @Test func listingOrderIsStageAccountRegionKindPhysicalId() async throws {
        let ledger = try await Self.seeded()
        let found = try await ledger.resources()
        let keys = found.map { [$0.stage, $0.account, $0.region, $0.kind.rawValue, $0.physicalId ?? ""] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
