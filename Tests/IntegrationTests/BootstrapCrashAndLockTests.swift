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

    /// Killed by request count, not on a timer: a reference run counts bootstrap's AWS requests, then each round
    /// SIGKILLs a fresh bootstrap once its n-th request (a quarter, half and three quarters in) has taken effect, and
    /// checks that the kill landed mid-run (the process died of it; its run is still `running` in the ledger, with
    /// stacks not yet all present) before the re-run converges.
    @Test func aKilledBootstrapConvergesOnTheNextRun() async throws {
        try await withEmulator { emulator in
            let reference = try ProxiedLifecycle(
                emulator, schedule: FaultSchedule(seed: 0, mix: .none), qualifier: "killref", extraYAML: "bootstrap:\n  stackName: KillRef\n")
            defer { reference.proxy.stop() }
            let counted = try await reference.run(["bootstrap"])
            try #require(counted.status == 0, "\(counted.combined)")
            let count = reference.proxy.requestsSinceMark
            try #require(count >= 8, "bootstrap made only \(count) requests")
            // The kill points spread over the part of the run that changes something: after its last write, bootstrap
            // only reads (the drift check of what it deployed), and a kill there would find every stack done.
            let operations = reference.proxy.records.suffix(count).map(\.operation)
            // (S3's REST calls are named by method and path: GET and HEAD read.)
            let reads = ["Describe", "Get", "List", "Head", "GET ", "HEAD "]
            let span = (operations.lastIndex { op in !reads.contains { op.hasPrefix($0) } } ?? count - 1) + 1
            try #require(span >= 8, "bootstrap's writes end at request \(span) of \(count)")

            // Each kill point gets its own qualifier and stack name, so every round starts from nothing.
            for (round, point) in [span / 4, span / 2, span * 3 / 4].enumerated() {
                let lifecycle = try ProxiedLifecycle(
                    emulator, schedule: FaultSchedule(seed: 0, mix: .none), qualifier: "kill\(round)",
                    extraYAML: "bootstrap:\n  stackName: KillRound\(round)\n")
                defer { lifecycle.proxy.stop() }
                let fixture = lifecycle.fixture
                let landed = try await lifecycle.runKilled(["bootstrap"], afterRequest: point)
                #expect(landed, "round \(round): the kill at request \(point) of \(count) did not land")
                let killedRuns = try await fixture.ledger.runs()
                #expect(killedRuns.contains { $0.command == "bootstrap" && $0.outcome == .running }, "round \(round): \(killedRuns)")
                let presentStacks = try await fixture.ledger.resources(filter: ResourceFilter(kind: .stack)).filter { $0.status == .present }
                #expect(presentStacks.count < 2 * Stage.allCases.count, "round \(round): the kill at \(point) landed after every stack was done")

                let rerun = try await lifecycle.run(["bootstrap"])
                #expect(rerun.status == 0, "round \(round): \(rerun.combined)")

                // Converged: every stage has both stacks, and every ledger row marked present exists.
                let rows = try await fixture.ledger.resources()
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
                #expect(try lifecycle.integrityCheck() == "ok")
                #expect(try await fixture.ledger.runs().allSatisfy { $0.outcome != .running })
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
