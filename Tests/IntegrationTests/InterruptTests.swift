import AWSServices
import Foundation
import GRDB
import Ledger
import Testing
import TestSupport
import Topology

/// Ctrl-C (SIGINT) and SIGTERM in the middle of `bootstrap`, through the built binary against the emulator: the run
/// stops at its next safe point, exits 130 / 143 saying how to resume, the ledger passes `integrity_check`, records
/// the run as interrupted and holds no lock, and the same command run again converges.
@Suite struct InterruptTests {
    /// Operations that only read; the first request that is not one of these means the run is changing AWS.
    static func isRead(_ operation: String) -> Bool {
        ["Get", "Describe", "List", "Head"].contains { operation.hasPrefix($0) }
    }

    @Test func aSignalMidBootstrapStopsCleanlyAndTheRerunConverges() async throws {
        try await withEmulator { emulator in
            var stopSeconds: [Double] = []
            for (round, (signalNumber, expectedStatus)) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))].enumerated() {
                let stackName = "InterruptRound\(round)"
                let fixture = try BootstrapFixture(emulator, extraYAML: "bootstrap:\n  stackName: \(stackName)\n", qualifier: "intr\(round)")
                let journal = emulator.directory.appendingPathComponent("interrupt-\(round).jsonl").path
                var environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
                environment["MLOPSCTL_RECORD_REQUESTS"] = journal
                environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? ""

                let scratch = emulator.directory.appendingPathComponent("interrupt-\(round)-stderr")
                FileManager.default.createFile(atPath: scratch.path, contents: nil)
                let process = Process()
                process.executableURL = CommandRunner.defaultExecutable
                process.arguments = ["bootstrap"]
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = try FileHandle(forWritingTo: scratch)
                try process.run()

                // Signal once the run is changing AWS (not on a timer): the first mutating request in the journal.
                let deadline = ContinuousClock.now + .seconds(60)
                var mutating: String?
                while mutating == nil, process.isRunning, ContinuousClock.now < deadline {
                    mutating = Self.operations(journal).first { !Self.isRead($0) }
                    if mutating == nil { try await Task.sleep(for: .milliseconds(5)) }
                }
                let signalled = ContinuousClock.now
                kill(process.processIdentifier, signalNumber)
                while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                stopSeconds.append((ContinuousClock.now - signalled).seconds)
                let stderr = (try? String(contentsOf: scratch, encoding: .utf8)) ?? ""

                #expect(mutating != nil, "round \(round): the run never reached a mutating request")
                #expect(process.terminationStatus == expectedStatus, "round \(round): \(stderr)")
                let lines = stderr.split(separator: "\n")
                #expect(
                    lines.last == "interrupted; the ledger records what was done; run `mlopsctl bootstrap` again to resume", "\(stderr)")
                for trace in ["Fatal error", "Stack dump", "Backtrace"] { #expect(!stderr.contains(trace)) }

                // The ledger: sound, the run recorded as interrupted, the lock released.
                let ledger = try LedgerDatabase.open(path: fixture.ledgerPath)
                #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
                #expect(try await ledger.lockHolder() == nil, "round \(round): the lock was left held")
                let runs = try await ledger.runs()
                #expect(runs.last?.outcome == .interrupted, "round \(round): \(runs)")
                // What the interrupted run did is there: at least the stack whose creation the signal followed.
                #expect(!(try await ledger.resources()).isEmpty, "round \(round): the interrupted run recorded nothing")

                // The same command again: no held lock to report or take over, and it converges.
                let rerun = try await CommandRunner().run(["bootstrap"], environment: environment)
                #expect(rerun.status == 0, "round \(round): \(rerun.combined)")
                #expect(!rerun.combined.contains("took over") && !rerun.combined.contains("holds the ledger"), "\(rerun.combined)")
                for stage in Stage.allCases {
                    #expect(try await fixture.session(stage).cloudFormation.describeStack(stackName)?.status == .createComplete)
                }
                let again = try await CommandRunner().run(["bootstrap"], environment: environment)
                #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.combined)")
                #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            }
            try ReliabilityFigures.write(
                suite: "InterruptTests",
                fixed: ["signals": ["SIGINT", "SIGTERM"], "commands": ["bootstrap"], "interruptedRunsConverged": 2],
                run: ["secondsFromSignalToExit": stopSeconds.map { ($0 * 100).rounded() / 100 }])
        }
    }

    static func operations(_ journal: String) -> [String] {
        let text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["operation"] as? String
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
