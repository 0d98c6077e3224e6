import AWSServices
import Foundation

/// What `StackDeployer.deploy` would do to bring a stack to a `StackDeployment`.
public enum StackChange: Sendable, Equatable {
    /// No stack of that name exists.
    case create
    /// The stack exists and differs; the reasons say how (values are never included: parameters can be secret).
    case update([UpdateReason])
    /// The deployed template body is byte-equal to ours, with the same parameters, tags and
    /// termination protection: deploying makes no mutating call.
    case none
    /// The stack cannot be updated and holds nothing worth keeping: it is deleted, then created.
    case recreate(RecreateReason)
    /// Another operation is running on the stack; deploy waits for it (bounded), then plans again.
    case blocked(StackStatus)
}

public enum UpdateReason: Sendable, Equatable, CustomStringConvertible {
    case templateChanged
    /// The template is given by URL, so it cannot be compared; CloudFormation decides.
    case templateNotComparable
    case parameterChanged(String)
    case tagsChanged
    case terminationProtection(enabled: Bool)

    public var description: String {
        switch self {
        case .templateChanged: "template changed"
        case .templateNotComparable: "template given by URL (not compared)"
        case .parameterChanged(let key): "parameter \(key) changed"
        case .tagsChanged: "tags changed"
        case .terminationProtection(let enabled): "termination protection \(enabled ? "on" : "off")"
        }
    }
}

public enum RecreateReason: Sendable, Equatable, CustomStringConvertible {
    /// The first create failed and was rolled back (`ROLLBACK_COMPLETE`, `ROLLBACK_FAILED`): AWS
    /// allows only deletion of such a stack.
    case creationRolledBack(StackStatus)
    /// A change set created the stack but was never executed (`REVIEW_IN_PROGRESS`, no resources).
    case reviewInProgress

    public var description: String {
        switch self {
        case .creationRolledBack(let status): "its first creation failed (\(status))"
        case .reviewInProgress: "it is REVIEW_IN_PROGRESS with no resources (a change set was never executed)"
        }
    }
}
