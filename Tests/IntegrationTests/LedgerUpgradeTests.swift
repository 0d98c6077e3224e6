import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology

/// A ledger written by the previous release (the checked-in fixture, see Fixtures/ledger-0.1.0/README.md) opens with
/// this one, and what it records tears down from it alone.
@Suite struct LedgerUpgradeTests {
    static let fixture = ConformanceData.packageRoot.appendingPathComponent("Tests/IntegrationTests/Fixtures/ledger-0.1.0/ledger.sqlite")

    static func mlopsctl(_ emulator: Emulator, ledger: String, _ arguments: [String]) async throws -> CommandRunner.Result {
        var environment = emulator.environment
        environment["AWS_MAX_ATTEMPTS"] = "2"
        environment["MLOPSCTL_LEDGER"] = ledger
        environment["MLOPSCTL_TOPOLOGY"] = ConformanceData.packageRoot.appendingPathComponent("profiles/local.yaml").path
        environment["HOME"] = emulator.directory.path
        return try await CommandRunner().run(arguments, environment: environment, currentDirectory: ConformanceData.packageRoot, timeout: 300)
    }

    @Test func theFixtureOpensWithEveryMigrationAndReadsAsWritten() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)

        let ledger = try LedgerDatabase.open(path: path)

        #expect(try await ledger.appliedMigrations() == LedgerDatabase.migrator.migrations)
        let rows = try await ledger.resources()
        #expect(rows.count == 94)
        #expect(rows.allSatisfy { $0.status == .present && $0.ownership == .created })
        #expect(Set(rows.filter { $0.kind == .stack }.map { "\($0.account)/\($0.physicalId ?? "")" }).count == 10)
        #expect(rows.contains { $0.kind == .stack && $0.physicalId == "mlops-project-demo-p-fixture00001" && $0.project == "demo" })
        #expect(try await ledger.runs().map(\.command) == ["bootstrap", "publish-catalog", "launch-project"])
    }

    @Test func whatTheFixtureRecordsTearsDownFromItAlone() async throws {
        try await withEmulator { emulator in
            let oldLedger = emulator.directory.appendingPathComponent("ledger-0.1.0.sqlite").path
            try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: oldLedger)
            let recorded = try await LedgerDatabase.open(path: oldLedger).resources()
            let sessions = try BootstrapFixture(emulator)

            // Recreate what the fixture records: the same commands (README.md there), into a ledger of their own.
            let scratch = emulator.directory.appendingPathComponent("replay.sqlite").path
            for step in [["bootstrap"], ["publish-catalog"], ["launch-project", "--name", "demo", "--id", "p-fixture00001"]] {
                if step == ["publish-catalog"] {
                    _ = try await sessions.session(.dev).ssm.putParameter(
                        name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/mlops-lead-data-scientist", type: .string, overwrite: true)
                }
                let result = try await Self.mlopsctl(emulator, ledger: scratch, step)
                try #require(result.status == 0, "\(step): \(result.combined)")
            }
            let stacks = recorded.filter { $0.kind == .stack }
            for row in stacks {
                let session = try Self.session(sessions, account: row.account)
                #expect(try await session.cloudFormation.describeStack(row.physicalId!) != nil, "\(row.account) \(row.physicalId!) not recreated")
            }

            // Teardown from the 0.1.0 ledger alone.
            let teardown = try await Self.mlopsctl(emulator, ledger: oldLedger, ["teardown", "--all", "--yes", "--confirm-prod", "444444444444"])
            #expect(teardown.status == 0, "\(teardown.combined)")

            for row in recorded {
                let session = try Self.session(sessions, account: row.account)
                let id = row.physicalId!
                switch row.kind {
                case .stack: #expect(try await session.cloudFormation.describeStack(id) == nil, "stack \(row.account) \(id) is left")
                case .bucket: #expect(try await session.s3.headBucket(id) == .notFound, "bucket \(id) is left")
                case .iamRole: #expect(try await session.iam.getRole(name: id) == nil, "role \(row.account) \(id) is left")
                case .ssmParameter: #expect(try await session.ssm.getParameter(name: id) == nil, "parameter \(row.account) \(id) is left")
                default: break
                }
            }
            let after = try await LedgerDatabase.open(path: oldLedger).resources()
            #expect(after.count == recorded.count)
            #expect(after.allSatisfy { $0.status == .deleted }, "\(after.filter { $0.status != .deleted }.map { "\($0.kind) \($0.physicalId ?? "") \($0.status)" })")
        }
    }

    static func session(_ fixture: BootstrapFixture, account: String) throws -> AWSSession {
        let stage = try #require(Stage.allCases.first { fixture.topology[$0].account == account })
        return try fixture.session(stage)
    }
}
