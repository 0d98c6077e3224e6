import Foundation
import Synchronization

/// `retry_mode = adaptive`: the SDKs' client-side rate limiter (botocore `retries/adaptive.py`, `bucket.py`,
/// `throttling.py`). Off until the first throttling answer; from then on every attempt takes a token from a bucket
/// whose fill rate follows CUBIC: cut to 70 % of the measured send rate on throttling, growing back along a cubic curve
/// (scale 0.4) on success, never above twice the measured rate. One limiter is shared by every request to one service
/// and region of a session, so concurrent stages slow down together.
public final class AdaptiveRateLimiter: Sendable {
    static let minimumFillRate = 0.5
    static let beta = 0.7
    static let scale = 0.4
    static let smoothing = 0.8
    static let bucketSeconds = 0.5

    struct State {
        var enabled = false
        // Token bucket.
        var fillRate = 1.0
        var maxCapacity = 1.0
        var capacity = 0.0
        var lastRefill: Double?
        var maxRate = 1.0
        // CUBIC.
        var wMax = 0.0
        var k = 0.0
        var lastThrottle: Double
        // Measured send rate.
        var measuredRate = 0.0
        var lastBucket: Double
        var count = 0.0
    }

    private let state: Mutex<State>
    /// Seconds on a monotonic scale; injected so tests control time.
    private let now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double = AdaptiveRateLimiter.monotonicSeconds) {
        self.now = now
        let start = now()
        var initial = State(lastThrottle: start, lastBucket: start.rounded(.down))
        initial.k = Self.zeroPoint(wMax: 0)
        state = Mutex(initial)
        state.withLock { Self.setMaxRate(1, state: &$0, at: start) }
    }

    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Whether a throttling answer has switched the limiter on.
    public var isEnabled: Bool { state.withLock { $0.enabled } }

    /// The current allowed send rate (requests per second).
    public var sendRate: Double { state.withLock { $0.maxRate } }

    /// How long to wait before the next attempt may go out (zero while the limiter is off); takes the token.
    public func delayBeforeSending() -> Duration {
        state.withLock { state in
            guard state.enabled else { return .zero }
            Self.refill(&state, at: now())
            if state.capacity >= 1 {
                state.capacity -= 1
                return .zero
            }
            // The token is taken now, paid for by the wait (the bucket goes negative, as a blocking acquire would).
            let wait = (1 - state.capacity) / state.fillRate
            state.capacity -= 1
            return .milliseconds(Int64((wait * 1000).rounded(.up)))
        }
    }

    /// Call with every answer (or transport failure): `throttled` when it was a throttling error.
    public func record(throttled: Bool) {
        let timestamp = now()
        state.withLock { state in
            let measured = Self.measure(&state, at: timestamp)
            let newRate: Double
            if throttled {
                let rateToUse = state.enabled ? min(measured, state.fillRate) : measured
                state.wMax = rateToUse
                state.k = Self.zeroPoint(wMax: rateToUse)
                state.lastThrottle = timestamp
                newRate = rateToUse * Self.beta
                state.enabled = true
            } else {
                newRate = Self.scale * pow(timestamp - state.lastThrottle - state.k, 3) + state.wMax
            }
            Self.setMaxRate(min(newRate, 2 * measured), state: &state, at: timestamp)
        }
    }

    private static func zeroPoint(wMax: Double) -> Double {
        cbrt(wMax * (1 - beta) / scale)
    }

    private static func measure(_ state: inout State, at time: Double) -> Double {
        let bucket = (time / bucketSeconds).rounded(.down) * bucketSeconds
        state.count += 1
        if bucket > state.lastBucket {
            let current = state.count / (bucket - state.lastBucket)
            state.measuredRate = current * smoothing + state.measuredRate * (1 - smoothing)
            state.count = 0
            state.lastBucket = bucket
        }
        return state.measuredRate
    }

    private static func setMaxRate(_ rate: Double, state: inout State, at time: Double) {
        refill(&state, at: time)
        state.maxRate = rate
        state.fillRate = max(rate, minimumFillRate)
        state.maxCapacity = max(rate, 1)
        state.capacity = min(state.capacity, state.maxCapacity)
    }

    private static func refill(_ state: inout State, at time: Double) {
        guard let last = state.lastRefill else {
            state.lastRefill = time
            return
        }
        state.capacity = min(state.maxCapacity, state.capacity + (time - last) * state.fillRate)
        state.lastRefill = time
    }
}
