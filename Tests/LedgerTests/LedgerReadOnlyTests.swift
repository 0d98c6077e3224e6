import Foundation
import Ledger
import Testing

/// `openReadOnly`, for dry runs: the same reads as `open`, no write possible, and the file left byte for byte.
@Suite struct LedgerReadOnlyTests {
    @Test func aReadOnlyLedgerReadsEverythingWritesNothingAndLeavesTheFileAsItWas() async throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("ledger.sqlite").path
        do {
            let ledger = try LedgerDatabase.open(path: path)
            try await ledger.withLock(Fixture.request(), isAlive: { _ in true }) { lock in
                _ = try await ledger.plan(Fixture.intent(), runId: lock.runId)
            }
        }
        let before = FileManager.default.contents(atPath: path)
        #expect(before != nil && FileManager.default.contents(atPath: path + "-wal")?.isEmpty != false, "closed, the log is folded in")

        do {
            let ledger = try LedgerDatabase.openReadOnly(path: path)
            #expect(try await ledger.resources().map(\.physicalId) == ["acme-artifacts"])
            #expect(try await ledger.runs().map(\.outcome) == [.succeeded])
            await #expect(throws: (any Error).self) { try await Fixture.startRun(ledger) }
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(FileManager.default.contents(atPath: path + "-wal")?.isEmpty != false, "a read-only connection writes no log")
    }
}
