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
            try await ledger.recordStackSet(
                key, stage: role, stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "active", runId: lock.runId)
        }
        let report = Report(scale: "\(accounts) accounts x 3 roles")
        report("instances per stack set", "\(accounts); total \(accounts * 3)")

        // One full sync per stack set: every instance new; then nothing changed (reads every row, writes none); then
        // 1 % failed, 1 % outdated and 1 % gone.
        for (what, shape) in [("all new", Shape.allCurrent), ("unchanged", .allCurrent), ("3 % changed", .threePercentChanged)] {
            var times: [Duration] = []
            for (role, key) in keys.enumerated() {
                let observed = members[role].enumerated().compactMap { shape.observation($1, index: $0, role: role) }
                times.append(try await Self.time { _ = try await ledger.syncStackInstances(key, observed: observed, runId: lock.runId) })
            }
            report("syncStackInstances, \(what) (one per stack set)", times)
        }

        try await Self.fillMemberResources(ledger, members: members, runId: lock.runId)
        report("resource rows", "\(try await ledger.reader.read { db in try TrackedResource.fetchCount(db) })")

        var summaries: [StackSetSummary] = []
        report("stackSetSummaries() (median of 21)", try await Self.median(21) { summaries = try await ledger.stackSetSummaries() })
        let dev = summaries[0]
        report("  dev", "\(dev.total) live, \(dev.current) current, \(dev.outdated) outdated, \(dev.failed) failed, \(dev.deleted) deleted")

        let retained = ResourceFilter(stage: "dev", status: .retained)
        let member = ResourceFilter(account: members[1][accounts / 2])
        let reads: [(String, Int, () async throws -> Int)] = [
            ("failedStackInstances(limit: nil)", 21, { try await ledger.failedStackInstances(keys[0], limit: nil).count }),
            ("failedStackInstances(limit: 20)", 21, { try await ledger.failedStackInstances(keys[0], limit: 20).count }),
            ("stackInstances(key), a whole stack set", 5, { try await ledger.stackInstances(keys[0]).count }),
            ("resources(stage: dev, status: retained)", 5, { try await ledger.resources(filter: retained).count }),
            ("resources(account:)", 21, { try await ledger.resources(filter: member).count }),
        ]
        for (what, count, read) in reads {
            var rows = 0
            report("\(what) (median of \(count))", try await Self.median(count) { rows = try await read() }, rows)
        }
        report("resident memory of the test process", Self.memory())
        try await lock.release(outcome: .succeeded)
    }

    /// What a sync observes of each member account.
    enum Shape {
        case allCurrent
        case threePercentChanged

        func observation(_ account: String, index: Int, role: Int) -> StackInstanceObservation? {
            var observation = StackInstanceObservation(
                account: account, region: OrgScaleBenchmark.region, status: "CURRENT", detailedStatus: "SUCCEEDED",
                organizationalUnitId: "ou-ab12-\(role)")
            guard self == .threePercentChanged else { return observation }
            switch index % 100 {
            case 7:
                observation.status = "OUTDATED"
                observation.detailedStatus = "FAILED"
                observation.statusReason = "Account \(account) should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship"
            case 8:
                observation.status = "OUTDATED"
                observation.detailedStatus = "PENDING"
            case 9: return nil
            default: break
            }
            return observation
        }
    }

    /// Prints one figure as `BENCH <scale> | <what>: <figure>`, the lines the bench script keeps.
    struct Report {
        let scale: String

        func callAsFunction(_ what: String, _ figure: String) {
            print("BENCH \(scale) | \(what): \(figure)")
        }

        func callAsFunction(_ what: String, _ times: [Duration], _ rows: Int? = nil) {
            let figure = times.map { String(format: "%.2f ms", OrgScaleBenchmark.milliseconds($0)) }.joined(separator: ", ")
            self(what, figure + (rows.map { " (\($0) rows)" } ?? ""))
        }
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

    /// The median of `count` calls (the first warms SQLite's page cache, as any later call would find it).
    static func median(_ count: Int, _ work: () async throws -> Void) async throws -> [Duration] {
        var times: [Duration] = []
        for _ in 0..<count { times.append(try await time(work)) }
        return [times.sorted()[count / 2]]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
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
}
