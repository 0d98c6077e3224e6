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

    @Test func aSignalMidBootstrapOrTeardownStopsCleanlyAndTheRerunConverges() async throws {
        try await withEmulator { emulator in
            var stopSeconds: [Double] = []
            var converged = 0
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
                if rerun.status == 0 && process.terminationStatus == expectedStatus { converged += 1 }
                #expect(!rerun.combined.contains("took over") && !rerun.combined.contains("holds the ledger"), "\(rerun.combined)")
                for stage in Stage.allCases {
                    #expect(try await fixture.session(stage).cloudFormation.describeStack(stackName)?.status == .createComplete)
                }
                let again = try await CommandRunner().run(["bootstrap"], environment: environment)
                #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.combined)")
                #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            }
            // A second signal stops at once: no safe point, yet SQLite leaves the ledger sound, and the next run takes
            // the dead run's lock over and converges.
            let fixture = try BootstrapFixture(emulator, extraYAML: "bootstrap:\n  stackName: InterruptTwice\n", qualifier: "intr2")
            let journal = emulator.directory.appendingPathComponent("interrupt-twice.jsonl").path
            var environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            environment["MLOPSCTL_RECORD_REQUESTS"] = journal
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? ""
            let process = Process()
            process.executableURL = CommandRunner.defaultExecutable
            process.arguments = ["bootstrap"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = ContinuousClock.now + .seconds(60)
            while !Self.operations(journal).contains(where: { !Self.isRead($0) }), process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            kill(process.processIdentifier, SIGINT)
            kill(process.processIdentifier, SIGINT)
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
            let ledger = try LedgerDatabase.open(path: fixture.ledgerPath)
            #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            let rerun = try await CommandRunner().run(["bootstrap"], environment: environment)
            #expect(rerun.status == 0, "\(rerun.combined)")
            for stage in Stage.allCases {
                #expect(try await fixture.session(stage).cloudFormation.describeStack("InterruptTwice")?.status == .createComplete)
            }
            if rerun.status == 0 && process.terminationStatus == 130 { converged += 1 }

            if try await Self.interruptTeardown(emulator) { converged += 1 }
            try ReliabilityFigures.write(
                suite: "InterruptTests",
                fixed: ["signals": ["SIGINT", "SIGTERM"], "commands": ["bootstrap", "teardown"], "interruptedRunsConverged": converged, "doubleSignalRuns": 1],
                run: ["secondsFromSignalToExit": stopSeconds.map { ($0 * 100).rounded() / 100 }])
        }
    }

    /// Starts the binary with `arguments`, sends `signalNumber` once the journal shows its first mutating request,
    /// and returns how it ended.
    static func interrupt(_ arguments: [String], environment: [String: String], journal: String, signal signalNumber: Int32) async throws
        -> (status: Int32, stderr: String, mutating: String?)
    {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: scratch.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = CommandRunner.defaultExecutable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "", "MLOPSCTL_RECORD_REQUESTS": journal]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: scratch)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        var mutating: String?
        while mutating == nil, process.isRunning, ContinuousClock.now < deadline {
            mutating = operations(journal).first { !isRead($0) }
            if mutating == nil { try await Task.sleep(for: .milliseconds(5)) }
        }
        kill(process.processIdentifier, signalNumber)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: scratch, encoding: .utf8)) ?? "", mutating)
    }

    /// SIGINT in the middle of `teardown --all`: the same guarantees, and the re-run deletes the rest.
    /// - Returns: whether it stopped with 130 and the re-run finished.
    static func interruptTeardown(_ emulator: Emulator) async throws -> Bool {
        do {
            let fixture = try BootstrapFixture(emulator, extraYAML: "bootstrap:\n  stackName: InterruptTeardown\n", qualifier: "intrtd")
            _ = try await fixture.workflow().run()
            let environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            let arguments = ["teardown", "--all", "--yes", "--confirm-prod", fixture.topology[.prod].account]
            let journal = emulator.directory.appendingPathComponent("interrupt-teardown.jsonl").path
            let outcome = try await Self.interrupt(arguments, environment: environment, journal: journal, signal: SIGINT)

            #expect(outcome.mutating != nil, "the teardown never reached a mutating request")
            #expect(outcome.status == 130, "\(outcome.stderr)")
            #expect(
                outcome.stderr.split(separator: "\n").last
                    == "interrupted; the ledger records what was done; run `mlopsctl \(arguments.joined(separator: " "))` again to resume",
                "\(outcome.stderr)")
            let ledger = fixture.ledger
            #expect(try await ledger.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            #expect(try await ledger.lockHolder() == nil)
            #expect(try await ledger.runs().last?.outcome == .interrupted)
            #expect(try await ledger.resources().contains { $0.status != .deleted }, "nothing was left to resume")

            let rerun = try await CommandRunner().run(arguments, environment: environment)
            #expect(rerun.status == 0, "\(rerun.combined)")
            let rows = try await ledger.resources()
            #expect(rows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(rows.filter { $0.status != .deleted })")
            for stage in Stage.allCases {
                #expect(try await fixture.session(stage).cloudFormation.describeStack("InterruptTeardown") == nil)
            }
            return outcome.status == 130 && rerun.status == 0
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
