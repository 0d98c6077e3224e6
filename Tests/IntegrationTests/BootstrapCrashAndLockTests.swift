import AWSServices
import Foundation
import GRDB
import Ledger
import Testing
import TestSupport
import Topology

/// The ledger under stress: a bootstrap killed with SIGKILL at several points converges on a re-run, and
/// two runs against one ledger take turns or refuse clearly.
@Suite struct BootstrapCrashAndLockTests {
    static func environment(_ emulator: Emulator, ledger: String, topology: String) -> [String: String] {
        var environment = emulator.environment
        environment["MLOPSCTL_LEDGER"] = ledger
        environment["MLOPSCTL_TOPOLOGY"] = topology
        environment["HOME"] = emulator.directory.path
        return environment
    }

    @Test func aKilledBootstrapConvergesOnTheNextRun() async throws {
        try await withEmulator { emulator in
            // Each kill point gets its own qualifier and stack name, so every round starts from nothing.
            for (round, delay) in [0.15, 0.4, 0.8].enumerated() {
                let fixture = try BootstrapFixture(
                    emulator, extraYAML: "bootstrap:\n  stackName: KillRound\(round)\n", qualifier: "kill\(round)")
                let environment = Self.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
                let process = Process()
                process.executableURL = CommandRunner.defaultExecutable
                process.arguments = ["bootstrap"]
                process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                try await Task.sleep(for: .seconds(delay))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()

                let rerun = try await CommandRunner().run(["bootstrap"], environment: environment)
                #expect(rerun.status == 0, "round \(round): \(rerun.combined)")

                // Converged: every stage has both stacks, and every ledger row marked present exists.
                let ledger = try LedgerDatabase.open(path: fixture.ledgerPath)
                let rows = try await ledger.resources()
                for stage in Stage.allCases {
                    let session = try fixture.session(stage)
                    #expect(try await session.cloudFormation.describeStack("KillRound\(round)")?.status == .createComplete)
                    let account = fixture.topology[stage].account
                    #expect(rows.contains { $0.account == account && $0.physicalId == "KillRound\(round)" && $0.status == .present })
                }
                for row in rows where row.status == .present {
                    let session = try fixture.session(Stage(rawValue: row.stage)!)
                    switch row.kind {
                    case .stack:
                        #expect(try await session.cloudFormation.describeStack(row.physicalId!) != nil, "\(row)")
                    case .bucket:
                        #expect(try await session.s3.headBucket(row.physicalId!) != .notFound, "\(row)")
                    default:
                        continue
                    }
                }
                #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            }
        }
    }

    @Test func aSecondRunWaitsForTheLockThenRefusesNamingTheHolder() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            let environment = Self.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            // Another run holds the lock (as a long bootstrap would).
            let holder = try await fixture.ledger.acquireLock(
                LockRequest(command: "bootstrap", arguments: [], who: "alice@build-host", host: "build-host", pid: 4242))
            let started = ContinuousClock.now
            let refused = try await CommandRunner().run(["bootstrap", "--lock-timeout", "2"], environment: environment)
            #expect(refused.status == 3, "\(refused.combined)")
            #expect(ContinuousClock.now - started >= .seconds(2), "it must wait for the lock before refusing")
            #expect(refused.stderr.contains("alice@build-host") && refused.stderr.contains("mlopsctl ledger unlock"), "\(refused.stderr)")
            #expect(fixture.transport.mutatingRequestCount == 0)
            try await holder.release(outcome: .interrupted)

            // Two real runs at once: the second waits for the first, both succeed, the ledger stays whole.
            async let first = CommandRunner().run(["bootstrap", "--lock-timeout", "120"], environment: environment)
            async let second = CommandRunner().run(["bootstrap", "--lock-timeout", "120"], environment: environment)
            let (a, b) = try await (first, second)
            #expect(a.status == 0, "\(a.combined)")
            #expect(b.status == 0, "\(b.combined)")
            let ledger = try LedgerDatabase.open(path: fixture.ledgerPath)
            #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            let stacks = try await ledger.resources().filter { $0.kind == .stack && $0.physicalId == "CDKToolkit" }
            #expect(stacks.count == 4)
            #expect(try await ledger.runs().filter { $0.command == "bootstrap" && $0.outcome == .succeeded }.count == 2)
        }
    }
}
