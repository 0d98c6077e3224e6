import Foundation
import Ledger
import Testing
import TestSupport

/// The kill matrix's rounds on one `ProxiedLifecycle` (no faults injected): a command SIGKILLed once its n-th AWS
/// request has taken effect, then the checks every kill must pass, and what was done, for the figures.
final class KillRounds: @unchecked Sendable {
    let lifecycle: ProxiedLifecycle
    /// Kill points per command (its first word or two), in the order they ran.
    private(set) var points: [String: [Int]] = [:]
    /// Request counts of the unkilled reference runs, per command.
    private(set) var counts: [String: Int] = [:]
    /// Kills after which the killed run still held the lock, and the re-run took it over from the dead holder.
    private(set) var locksTakenOver = 0
    private(set) var reruns = 0

    init(_ lifecycle: ProxiedLifecycle) {
        self.lifecycle = lifecycle
    }

    /// Runs `arguments` to completion (the reference run), returning how many AWS requests it made.
    @discardableResult
    func reference(_ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let result = try await lifecycle.run(arguments)
        try #require(result.status == 0, "\(arguments.joined(separator: " ")): \(result.combined)", sourceLocation: sourceLocation)
        let count = lifecycle.proxy.requestsSinceMark
        counts[name] = count
        return count
    }

    /// SIGKILLs `arguments` after its `point`-th request, then checks: the kill landed mid-run (the process died of
    /// it, before it could finish); the ledger passes `PRAGMA integrity_check`; a re-run is not blocked by the dead
    /// run's lock (a lock timeout of 2 s: a dead holder must be taken over at once) and converges (exit 0); and no run is
    /// left `running` in the ledger.
    func kill(_ name: String, _ arguments: [String], at point: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        points[name, default: []].append(point)
        let landed = try await lifecycle.runKilled(arguments, afterRequest: point)
        #expect(landed, "\(name) at request \(point): the kill did not land (the command ended first)", sourceLocation: sourceLocation)
        #expect(try lifecycle.integrityCheck() == "ok", "\(name) at request \(point)", sourceLocation: sourceLocation)
        let ledger = lifecycle.fixture.ledger
        let heldByTheDead = try await ledger.runs().contains { $0.outcome == .running }
        if heldByTheDead { locksTakenOver += 1 }

        let rerun = try await lifecycle.run(arguments + ["--lock-timeout", "2"])
        reruns += 1
        #expect(rerun.status != 3, "\(name) at request \(point): the dead run's lock blocked the re-run: \(rerun.combined)", sourceLocation: sourceLocation)
        #expect(rerun.status == 0, "\(name) at request \(point): the re-run did not converge: \(rerun.combined)", sourceLocation: sourceLocation)
        #expect(try await ledger.runs().allSatisfy { $0.outcome != .running }, "\(name) at request \(point): a run is still running",
                sourceLocation: sourceLocation)
        #expect(try lifecycle.integrityCheck() == "ok", sourceLocation: sourceLocation)
    }

    /// `count` kill points in 1...`total`: the first and the last request, and the rest drawn by `seed` from between
    /// (all of them when `count` ≥ `total`), ascending.
    static func sample(_ count: Int, of total: Int, seed: UInt64) -> [Int] {
        guard total > 0 else { return [] }
        guard count < total else { return Array(1...total) }
        var chosen: Set<Int> = [1, total]
        var state = seed
        while chosen.count < min(count, total) {
            state = FaultSchedule.mix64(state)
            chosen.insert(1 + Int(state % UInt64(total)))
        }
        return chosen.sorted()
    }

    var figures: [String: Any] {
        Dictionary(uniqueKeysWithValues: points.map { name, points in
            (name, counts[name].map { ["points": points, "requests": $0] as [String: Any] } ?? ["points": points])
        })
    }
}
