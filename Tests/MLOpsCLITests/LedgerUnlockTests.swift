import Foundation
import Ledger
import TestSupport
import Testing

/// `mlopsctl ledger unlock` in a child process, against a lock this test process holds: the cross-process case.
@Suite struct LedgerUnlockTests {
    @Test func withoutATerminalItNeedsYesAndThenRemovesTheLockItNames() async throws {
        // Given a lock held by a run of this process
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let held = try await seeded.ledger.acquireLock(.current(command: "teardown", arguments: [], environment: ["USER": "alice"]))
        let holder = try #require(try await seeded.ledger.lockHolder())

        // When another process asks to unlock without --yes (its stdin is not a terminal)
        let refused = try await CommandRunner().run(["ledger", "unlock", "--ledger", seeded.path])
        // Then it refuses with a usage error naming the holder, and the lock stays
        #expect(refused.status == 64, "\(refused.combined)")
        for text in [holder.who, "pid \(holder.pid)", "run \(held.runId)", "mlopsctl teardown", "--yes"] {
            #expect(refused.stderr.contains(text), "missing '\(text)' in: \(refused.stderr)")
        }
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try await seeded.ledger.lockHolder() == holder)

        // When it is run with --yes
        let removed = try await CommandRunner().run(["ledger", "unlock", "--yes", "--ledger", seeded.path])
        // Then the lock is gone, the holder was printed, and its run is marked interrupted
        #expect(removed.status == 0, "\(removed.combined)")
        #expect(removed.stdout.contains("removed the lock held by \(holder.who)"), "\(removed.stdout)")
        #expect(try await seeded.ledger.lockHolder() == nil)
        #expect(try await seeded.ledger.run(id: held.runId)?.outcome == .interrupted)

        // And unlocking again is a harmless no-op
        let again = try await CommandRunner().run(["ledger", "unlock", "--yes", "--ledger", seeded.path])
        #expect(again.status == 0 && again.stdout.contains("not locked"), "\(again.combined)")
    }

    @Test func aMissingLedgerHasNothingToUnlockAndIsNotCreated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-none-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner().run(["ledger", "unlock", "--ledger", folder.appendingPathComponent("l.sqlite").path])
        #expect(result.status == 0 && result.stdout.contains("does not exist"), "\(result.combined)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func rootHelpListsTheLedgerVerbs() async throws {
        let root = try await CommandRunner().run(["--help"])
        #expect(root.stdout.contains("ledger"))
        let ledger = try await CommandRunner().run(["ledger", "--help"])
        for verb in ["list", "show", "export", "unlock"] { #expect(ledger.stdout.contains(verb), "missing \(verb)") }
    }
}
