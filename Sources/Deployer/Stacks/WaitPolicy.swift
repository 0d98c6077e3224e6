import Foundation

/// How the deployer polls a stack: the first delay, growing by `factor` to `maxDelay`, until the
/// operation ends or `timeout` has passed (by the injected clock).
public struct WaitPolicy: Sendable, Equatable {
    public var initialDelay: Duration
    public var maxDelay: Duration
    public var factor: Double
    /// CloudFormation's own create timeout is unbounded; an hour covers real bootstrap stacks
    /// and stops a stack an emulator left `CREATE_IN_PROGRESS` forever.
    public var timeout: Duration

    public init(initialDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(5), factor: Double = 2, timeout: Duration = .seconds(3600)) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.factor = factor
        self.timeout = timeout
    }

    /// The delay after `delay`.
    func next(after delay: Duration) -> Duration {
        min(delay * factor, maxDelay)
    }

    var timeoutSeconds: TimeInterval {
        TimeInterval(timeout.components.seconds) + TimeInterval(timeout.components.attoseconds) / 1e18
    }
}
