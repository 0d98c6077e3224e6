import Foundation

/// A manual clock: `now` only moves when a test advances it or when code sleeps through `sleep`,
/// which records each requested duration instead of waiting.
public final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recordedSleeps: [Duration] = []

    /// Defaults to 2026-11-29T00:00:00Z.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_910_400)) {
        current = start
    }

    public var now: Date {
        lock.withLock { current }
    }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    /// Every duration passed to `sleep`, in order.
    public var sleeps: [Duration] {
        lock.withLock { recordedSleeps }
    }

    /// Pass as an `@Sendable () -> Date` clock.
    public var clock: @Sendable () -> Date {
        { [self] in now }
    }

    /// Pass as an `@Sendable (Duration) async throws -> Void` sleeper: records and advances, no waiting.
    public var sleeper: @Sendable (Duration) async throws -> Void {
        { [self] duration in
            try Task.checkCancellation()
            let (seconds, attoseconds) = duration.components
            lock.withLock {
                recordedSleeps.append(duration)
                current = current.addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
            }
        }
    }
}
