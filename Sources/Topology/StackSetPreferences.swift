/// The operation preferences of every stack set operation (`organization.preferences`): how many accounts
/// CloudFormation works on at once and how many may fail before it stops. Of each count/percentage pair at most
/// one is set, as the StackSets API requires.
public struct StackSetPreferences: Sendable, Equatable {
    public enum RegionConcurrency: String, Sendable { case sequential = "SEQUENTIAL", parallel = "PARALLEL" }
    /// Strict: the failure tolerance also caps the concurrency; soft: concurrency stays as set while failures
    /// stay within the tolerance.
    public enum ConcurrencyMode: String, Sendable {
        case strictFailureTolerance = "STRICT_FAILURE_TOLERANCE", softFailureTolerance = "SOFT_FAILURE_TOLERANCE"
    }

    public var maxConcurrentCount: Int?
    public var maxConcurrentPercentage: Int?
    public var failureToleranceCount: Int?
    public var failureTolerancePercentage: Int?
    public var regionConcurrency: RegionConcurrency
    /// Regions in the order operations visit them; empty leaves the order to CloudFormation.
    public var regionOrder: [String]
    public var concurrencyMode: ConcurrencyMode

    public init(
        maxConcurrentCount: Int? = nil, maxConcurrentPercentage: Int? = nil, failureToleranceCount: Int? = nil,
        failureTolerancePercentage: Int? = nil, regionConcurrency: RegionConcurrency = .parallel, regionOrder: [String] = [],
        concurrencyMode: ConcurrencyMode = .softFailureTolerance
    ) {
        self.maxConcurrentCount = maxConcurrentCount
        self.maxConcurrentPercentage = maxConcurrentPercentage
        self.failureToleranceCount = failureToleranceCount
        self.failureTolerancePercentage = failureTolerancePercentage
        self.regionConcurrency = regionConcurrency
        self.regionOrder = regionOrder
        self.concurrencyMode = concurrencyMode
    }

    /// A quarter of the accounts at once, stopping once more than a tenth of them failed (percentages scale from 4
    /// accounts to 1,000 without editing; CloudFormation rounds a percentage down, but never below 1 account at once).
    public static let defaults = StackSetPreferences(
        maxConcurrentPercentage: 25, failureTolerancePercentage: 10, regionConcurrency: .parallel, regionOrder: [],
        concurrencyMode: .softFailureTolerance)
}
