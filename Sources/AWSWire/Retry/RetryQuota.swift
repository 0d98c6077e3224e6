import Foundation
import Synchronization

/// The standard-mode retry token bucket (botocore `retries/quota.py`): retries spend tokens, and
/// successes earn a few back, so a struggling service sees fewer retries from every request of
/// the client at once.
///
/// One quota is shared by all concurrent requests of a client, so it is a reference type whose
/// only state is one integer behind a `Mutex`: the critical sections are a compare and an add,
/// far too small to justify an actor hop (and the strategy's decisions are synchronous).
public final class RetryQuota: Sendable {
    /// Tokens a new bucket holds, and its ceiling.
    public static let defaultCapacity = 500

    public let capacity: Int
    private let tokens: Mutex<Int>

    /// A bucket holding `initialTokens`, which is also its ceiling (as in the SDKs).
    public init(initialTokens: Int = RetryQuota.defaultCapacity) {
        capacity = max(0, initialTokens)
        tokens = Mutex(max(0, initialTokens))
    }

    /// Tokens currently available.
    public var available: Int {
        tokens.withLock { $0 }
    }

    /// Takes `cost` tokens if the bucket can pay all of them; otherwise takes nothing.
    public func acquire(_ cost: Int) -> Bool {
        tokens.withLock { value in
            guard value >= cost else { return false }
            value -= cost
            return true
        }
    }

    /// Returns `amount` tokens, never exceeding the capacity.
    public func release(_ amount: Int) {
        tokens.withLock { value in value = min(capacity, value + amount) }
    }
}
