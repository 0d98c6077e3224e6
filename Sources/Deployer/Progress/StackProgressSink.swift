import AWSServices
import Foundation

/// Receives what a stack operation does, as it happens: each new stack event once, in order, and
/// each phase change. Implementations must not block (they are called from the polling loop).
public protocol StackProgressSink: Sendable {
    func phaseChanged(_ phase: StackPhase, progress: StackProgress)
    func received(_ event: StackEvent, progress: StackProgress)
}

/// Where a sink's text goes (stderr, stdout, a test buffer). Each call is a complete piece of output.
public typealias ProgressWriter = @Sendable (String) -> Void

/// The steps of a deploy or delete, in the order they can happen.
public enum StackPhase: Sendable, Equatable {
    /// Another operation holds the stack; waiting for it to end.
    case waitingForOtherOperation(StackStatus)
    /// Deleting a stack that cannot be updated before creating it again.
    case deletingForRecreate(RecreateReason)
    case started(StackOperation)
    /// The operation reached its success status.
    case finished(StackOperation, StackStatus)
    /// The operation ended in a failure status (a `StackDeployError` follows).
    case failed(StackOperation, StackStatus)
    /// Nothing to do: the stack already matches.
    case unchanged
    /// `delete` found no stack.
    case notFound
    /// Something that did not fail the operation but needs attention.
    case warning(String)
}

/// Where an operation stands, for display.
public struct StackProgress: Sendable, Equatable {
    public var stackName: String
    public var operation: StackOperation?
    /// Resources whose latest event is `*_COMPLETE` (or `DELETE_SKIPPED`).
    public var resourcesDone: Int
    /// The template's resource count, when known.
    public var resourcesTotal: Int?
    /// The logical id and status of the most recent resource event.
    public var currentResource: String?
    public var currentStatus: ResourceStatus?
    /// Seconds since the operation (or the deploy call) started, by the deployer's clock.
    public var elapsed: TimeInterval

    public init(
        stackName: String, operation: StackOperation? = nil, resourcesDone: Int = 0, resourcesTotal: Int? = nil,
        currentResource: String? = nil, currentStatus: ResourceStatus? = nil, elapsed: TimeInterval = 0
    ) {
        self.stackName = stackName
        self.operation = operation
        self.resourcesDone = resourcesDone
        self.resourcesTotal = resourcesTotal
        self.currentResource = currentResource
        self.currentStatus = currentStatus
        self.elapsed = elapsed
    }

    /// `3/7` (or `3` when the total is unknown).
    var countText: String {
        resourcesTotal.map { "\(resourcesDone)/\($0)" } ?? "\(resourcesDone)"
    }

    /// `0:42`, `12:05`, `1:02:05`.
    var elapsedText: String {
        let seconds = max(0, Int(elapsed))
        let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}

/// A sink that drops everything (the default).
public struct SilentProgressSink: StackProgressSink {
    public init() {}
    public func phaseChanged(_ phase: StackPhase, progress: StackProgress) {}
    public func received(_ event: StackEvent, progress: StackProgress) {}
}

extension StackPhase {
    /// Short human text shared by the text sinks.
    var summary: String {
        switch self {
        case .waitingForOtherOperation(let status): "waiting for the running \(status) to finish"
        case .deletingForRecreate(let reason): "deleting before re-creating: \(reason)"
        case .started(let operation): operation.gerund
        case .finished(_, let status): "\(status)"
        case .failed(_, let status): "failed: \(status)"
        case .unchanged: "no changes"
        case .notFound: "not deployed, nothing to delete"
        case .warning(let text): "warning: \(text)"
        }
    }

    /// True for phases that end a line of live output.
    var isFinal: Bool {
        switch self {
        case .finished, .failed, .unchanged, .notFound, .warning: true
        default: false
        }
    }
}
