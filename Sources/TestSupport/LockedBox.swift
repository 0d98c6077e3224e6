import Foundation

/// Mutable state shared between test fakes and the concurrent tasks that call them (recorded calls, a movable
/// clock, counters), guarded by a lock. Test-only; production code keeps its one actor instead.
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) {
        self.stored = value
    }

    /// Reads or changes the value while holding the lock.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// A snapshot of the value.
    public var value: Value { withLock { $0 } }
}
