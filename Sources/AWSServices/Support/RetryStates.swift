import AWSWire
import Foundation
import Synchronization

/// The retry quota and adaptive rate limiter of each service and region of one session. The SDKs keep them per client;
/// our clients are cheap values made per call, so the session keeps them here and every client of the same service and
/// region shares them: throttling seen by one stage's poll slows that stage's other calls too.
final class RetryStates: Sendable {
    struct Shared: Sendable {
        let quota: RetryQuota
        let rateLimiter: AdaptiveRateLimiter
    }

    private let states = Mutex<[String: Shared]>([:])

    init() {}

    func shared(serviceId: String, region: String) -> Shared {
        states.withLock { states in
            let key = "\(serviceId) \(region)"
            if let known = states[key] { return known }
            let made = Shared(quota: RetryQuota(), rateLimiter: AdaptiveRateLimiter())
            states[key] = made
            return made
        }
    }
}
