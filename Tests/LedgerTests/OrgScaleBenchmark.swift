import Foundation
import GRDB
@testable import Ledger
import Testing

/// Times the organization-scale ledger calls at 1,000 and 10,000 member accounts × 3 roles × 1 region (one stack set
/// per role), with the members' retained resources in `resource`, and the process's resident memory.
/// A benchmark, not a test: it asserts no time. It runs only with MLOPSCTL_BENCH=1 (`bench/ledger-org-scale`).
@Suite(.serialized) struct OrgScaleBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["MLOPSCTL_BENCH"] == "1"
    static let roles = ["dev", "preprod", "prod"]
    static let region = "us-east-1"

    @Test(.enabled(if: enabled, "benchmark, not a test: run bench/ledger-org-scale (MLOPSCTL_BENCH=1)"), arguments: [1_000, 10_000])
    func organizationScale(accounts: Int) async throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try LedgerDatabase.open(path: folder.appendingPathComponent("ledger.sqlite").path)
        let lock = try await Fixture.startRun(ledger)
        let keys = Self.roles.map { StackSetKey(adminAccount: "100000000000", region: Self.region, name: "mlops-bootstrap-\($0)") }
        let members = Self.roles.indices.map { role in (0..<accounts).map { String(format: "%d%011d", role + 2, $0) } }
        for (role, key) in zip(Self.roles, keys) {
            try await ledger.recordStackSet(key, stage: role, stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "active", runId: lock.runId)
        }
        let label = "\(accounts) accounts x 3 roles"
        Self.report(label, "instances per stack set", "\(accounts); total \(accounts * 3)")

        // First sync: every instance new.
        var times: [Duration] = []
        for (role, key) in keys.enumerated() {
            let observed = members[role].map { StackInstanceObservation(account: $0, region: Self.region, status: "CURRENT", detailedStatus: "SUCCEEDED", organizationalUnitId: "ou-ab12-\(role)") }
            times.append(try await Self.time { _ = try await ledger.syncStackInstances(key, observed: observed, runId: lock.runId) })
        }
        Self.report(label, "syncStackInstances, all new (per stack set)", Self.format(times))

        // Re-sync with nothing changed: reads every row, writes none.
        times = []
        for (role, key) in keys.enumerated() {
            let observed = members[role].map { StackInstanceObservation(account: $0, region: Self.region, status: "CURRENT", detailedStatus: "SUCCEEDED", organizationalUnitId: "ou-ab12-\(role)") }
            times.append(try await Self.time { _ = try await ledger.syncStackInstances(key, observed: observed, runId: lock.runId) })
        }
        Self.report(label, "syncStackInstances, unchanged (per stack set)", Self.format(times))

        // Re-sync with 1 % failed, 1 % outdated and 1 % gone.
        times = []
        for (role, key) in keys.enumerated() {
            let observed = members[role].enumerated().compactMap { index, account -> StackInstanceObservation? in
                switch index % 100 {
                case 7: return StackInstanceObservation(account: account, region: Self.region, status: "OUTDATED", detailedStatus: "FAILED", statusReason: "Account \(account) should have 'AWSCloudFormationStackSetExecutionRole' role", organizationalUnitId: "ou-ab12-\(role)")
                case 8: return StackInstanceObservation(account: account, region: Self.region, status: "OUTDATED", detailedStatus: "PENDING", organizationalUnitId: "ou-ab12-\(role)")
                case 9: return nil
                default: return StackInstanceObservation(account: account, region: Self.region, status: "CURRENT", detailedStatus: "SUCCEEDED", organizationalUnitId: "ou-ab12-\(role)")
                }
            }
            times.append(try await Self.time { _ = try await ledger.syncStackInstances(key, observed: observed, runId: lock.runId) })
        }
        Self.report(label, "syncStackInstances, 3 % changed (per stack set)", Self.format(times))

        try await Self.fillMemberResources(ledger, members: members, runId: lock.runId)
        let resourceCount = try await ledger.reader.read { db in try TrackedResource.fetchCount(db) }
        Self.report(label, "resource rows", "\(resourceCount)")

        var summaries: [StackSetSummary] = []
        Self.report(label, "stackSetSummaries()", Self.format(try await Self.repeated { summaries = try await ledger.stackSetSummaries() }))
        Self.report(label, "  summary of dev", "\(summaries[0].total) live, \(summaries[0].current) current, \(summaries[0].outdated) outdated, \(summaries[0].failed) failed, \(summaries[0].deleted) deleted")
        var failed: [StackInstanceRecord] = []
        Self.report(label, "failedStackInstances(limit: nil)", Self.format(try await Self.repeated { failed = try await ledger.failedStackInstances(keys[0], limit: nil) }) + " (\(failed.count) rows)")
        Self.report(label, "failedStackInstances(limit: 20)", Self.format(try await Self.repeated { failed = try await ledger.failedStackInstances(keys[0], limit: 20) }))
        var listed: [StackInstanceRecord] = []
        Self.report(label, "stackInstances(key) (whole stack set)", Self.format(try await Self.repeated(5) { listed = try await ledger.stackInstances(keys[0]) }) + " (\(listed.count) rows)")
        var resources: [TrackedResource] = []
        Self.report(label, "resources(stage: dev, status: retained)", Self.format(try await Self.repeated(5) { resources = try await ledger.resources(filter: ResourceFilter(stage: "dev", status: .retained)) }) + " (\(resources.count) rows)")
        Self.report(label, "resources(account:)", Self.format(try await Self.repeated { resources = try await ledger.resources(filter: ResourceFilter(account: members[1][accounts / 2])) }) + " (\(resources.count) rows)")
        Self.report(label, "resident memory", Self.memory())
        try await lock.release(outcome: .succeeded)
    }

    /// Per member account: its bootstrap stack, staging bucket and KMS key (retained by teardown) and the key's alias,
    /// written in one transaction (set-up, not measured).
    static func fillMemberResources(_ ledger: LedgerDatabase, members: [[String]], runId: Int64) async throws {
        try await ledger.writer.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO resource (runId, stage, account, region, kind, physicalId, ownership, status, detail, createdAt, updatedAt)
                VALUES (?, ?, ?, 'us-east-1', ?, ?, 'created', ?, ?, '2026-12-05 10:00:00.000', '2026-12-05 10:00:00.000')
                """)
            for (role, accounts) in members.enumerated() {
                for account in accounts {
                    for (kind, id, status) in [
                        ("stack", "mlops-bootstrap", "deleted"), ("bucket", "mlops-staging-\(account)-us-east-1", "retained"),
                        ("kmsKey", "key-\(account)", "retained"), ("kmsAlias", "alias/mlops-\(account)", "deleted"),
                    ] {
                        try insert.execute(arguments: [runId, roles[role], account, kind, id, status, status == "retained" ? "retain policy" : nil])
                    }
                }
            }
        }
    }

    static func time(_ work: () async throws -> Void) async throws -> Duration {
        try await ContinuousClock().measure { try await work() }
    }

    /// The median of `count` runs (the first warms SQLite's page cache like any later call would find it).
    static func repeated(_ count: Int = 21, _ work: () async throws -> Void) async throws -> [Duration] {
        var times: [Duration] = []
        for _ in 0..<count { times.append(try await time(work)) }
        return [times.sorted()[count / 2]]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func format(_ times: [Duration]) -> String {
        times.map { String(format: "%.2f ms", milliseconds($0)) }.joined(separator: ", ")
    }

    /// VmRSS (now) and VmHWM (peak) of this process, from /proc.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown (no /proc)" }
        func field(_ name: String) -> String {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0
            return String(format: "%.1f MB", kilobytes / 1024)
        }
        return "\(field("VmRSS")) now, \(field("VmHWM")) peak"
    }

    static func report(_ scale: String, _ what: String, _ figure: String) {
        print("BENCH \(scale) | \(what): \(figure)")
    }
}
