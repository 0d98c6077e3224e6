import Foundation

/// What `FaultProxy` does with one request instead of (or besides) passing it on.
public enum FaultKind: String, Sendable, CaseIterable, Codable {
    /// Throttled, in the request's protocol: S3 503 `SlowDown`, query 400 `Throttling`, JSON 1.1 400 `ThrottlingException`.
    case throttle
    /// 500 `InternalError` (S3) / `InternalFailure` (query, JSON), not forwarded.
    case internalError
    /// The connection is reset (SO_LINGER 0) after the request was read; nothing reached the server.
    case reset
    /// Nothing is answered for `FaultMix.delay` (past the client's read timeout), then the connection is reset;
    /// nothing reached the server.
    case delay
    /// The request is forwarded and takes effect, then the client's connection is reset: it never hears the answer.
    case forwardThenLose
}

/// How often the proxy injects faults and which: `rate` of all requests get a fault, its kind drawn by `weights`.
public struct FaultMix: Sendable, Equatable {
    public var rate: Double
    public var weights: [FaultKind: Double]
    /// How long a `delay` fault holds the request (set it past the client's read timeout).
    public var delay: Duration

    public init(rate: Double, weights: [FaultKind: Double] = FaultMix.equalWeights, delay: Duration = .seconds(3)) {
        self.rate = rate
        self.weights = weights
        self.delay = delay
    }

    public static let equalWeights = Dictionary(uniqueKeysWithValues: FaultKind.allCases.map { ($0, 1.0) })
    /// Passes every request on untouched (for counting requests, and for the kill matrix).
    public static let none = FaultMix(rate: 0)

    /// The kinds that can be drawn, in a fixed order (so a seed draws the same kinds whatever the dictionary's order).
    var drawable: [(FaultKind, Double)] {
        FaultKind.allCases.compactMap { kind in weights[kind].flatMap { $0 > 0 ? (kind, $0) : nil } }
    }
}
