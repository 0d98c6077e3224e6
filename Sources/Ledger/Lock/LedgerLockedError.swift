import Foundation

/// Another run held the ledger lock for longer than the caller would wait.
public struct LedgerLockedError: Error, CustomStringConvertible, Equatable {
    public let holder: LockHolder
    /// The ledger file, or nil in memory.
    public let path: String?
    public let waited: Duration

    public init(holder: LockHolder, path: String?, waited: Duration) {
        self.holder = holder
        self.path = path
        self.waited = waited
    }

    /// One line: which ledger, who holds it with what, since when, and how to clear it if that run is gone.
    public var description: String {
        let since = holder.since.formatted(.iso8601)
        let ledger = path.map { "ledger \($0)" } ?? "ledger"
        return "\(ledger) is locked by \(holder.who) (pid \(holder.pid), run \(holder.runId), `mlopsctl \(holder.command)`) since \(since); "
            + "waited \(Self.seconds(waited)); wait for that run to finish, "
            + "or if it is no longer running, clear the lock with `mlopsctl ledger unlock`"
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = Int64((Double(attoseconds) / 1e17).rounded(.down))
        return "\(seconds).\(tenths)s"
    }
}
