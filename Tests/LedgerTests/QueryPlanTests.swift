import Foundation
import GRDB
@testable import Ledger
import Testing

/// The organization-scale reads go through indexes, never a full scan of a big table: SQLite's own plan says so,
/// which holds at any size (bench/ledger-org-scale measures the times).
@Suite struct QueryPlanTests {
    static let key = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-dev")

    /// The plan's detail lines for `sql` on an empty ledger (no ANALYZE statistics: the planner decides from the schema alone).
    static func plan(_ ledger: LedgerDatabase, _ sql: String, _ arguments: StatementArguments = []) async throws -> [String] {
        try await ledger.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    /// Whether the plan reads every row of `table` (named as the query names it).
    static func scans(_ plan: [String], of table: String) -> Bool {
        plan.contains { $0 == "SCAN \(table)" || $0.hasPrefix("SCAN \(table) ") }
    }

    static func sql(_ ledger: LedgerDatabase, _ request: some FetchRequest) async throws -> (String, StatementArguments) {
        try await ledger.reader.read { db in
            let prepared = try request.makePreparedRequest(db, forSingleResult: false)
            return (prepared.statement.sql, prepared.statement.arguments)
        }
    }

    @Test func summariesReadOnlyTheStatusIndex() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let plan = try await Self.plan(ledger, LedgerDatabase.summarySQL(includeDeleted: false))
        #expect(plan.contains { $0.contains("USING COVERING INDEX stackInstance_on_stackSet_status_detailedStatus") }, "\(plan)")
        #expect(!Self.scans(plan, of: "i"), "\(plan)")
    }

    @Test func failedInstancesReadOnlyThePartialIndex() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let plan = try await Self.plan(ledger, LedgerDatabase.failedInstancesSQL, [Self.key.adminAccount, Self.key.region, Self.key.name, 10])
        #expect(plan.contains { $0.contains("USING INDEX stackInstance_failed") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "sorted in memory: \(plan)")
    }

    @Test func oneStackSetsInstancesAreARangeOfThePrimaryKeyInListingOrder() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let (sql, arguments) = try await Self.sql(ledger, StackInstanceRecord.of(Self.key))
        let plan = try await Self.plan(ledger, sql, arguments)
        #expect(plan.contains { $0.hasPrefix("SEARCH stackInstance USING PRIMARY KEY") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    @Test func instancesOfSomeStatusesUseAnIndex() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let request = StackInstanceRecord.of(Self.key).filter(["OUTDATED", "DELETED"].contains(StackInstanceRecord.Columns.status))
        let (sql, arguments) = try await Self.sql(ledger, request)
        let plan = try await Self.plan(ledger, sql, arguments)
        #expect(plan.contains { $0.hasPrefix("SEARCH stackInstance") }, "\(plan)")
        #expect(!Self.scans(plan, of: "stackInstance"), "\(plan)")
    }

    /// The retained per-account resources (staging bucket, KMS key) of org members live in `resource`: teardown lists
    /// them by stage and status, or by account.
    @Test(arguments: [
        ResourceFilter(stage: "dev", status: .retained),
        ResourceFilter(stage: "prod", kind: .kmsKey, status: .retained),
        ResourceFilter(account: "222222222222"),
        ResourceFilter(status: .retained, account: "222222222222"),
    ])
    func memberResourcesByStageOrAccountUseAnIndex(_ filter: ResourceFilter) async throws {
        let ledger = try LedgerDatabase.inMemory()
        let (sql, arguments) = try await Self.sql(ledger, TrackedResource.all().matching(filter).orderedForListing())
        let plan = try await Self.plan(ledger, sql, arguments)
        #expect(plan.contains { $0.hasPrefix("SEARCH resource USING INDEX") }, "\(plan)")
        #expect(!Self.scans(plan, of: "resource"), "\(plan)")
    }
}
