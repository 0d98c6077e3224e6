import AWSServices
import Foundation

/// What deploying a stack would do, worked out before anything is changed: `StackDeployer.review` creates the
/// change set of an update (left for `apply` to execute, or for `discard`) and lists every resource it touches.
public struct StackReview: Sendable {
    public enum Kind: Sendable, Equatable {
        case create
        case update
        case unchanged
        /// The stack cannot be updated and holds nothing worth keeping: deleted, then created.
        case recreate(RecreateReason)
    }

    public var kind: Kind
    public let deployment: StackDeployment
    /// The stack as reviewed (nil for a create).
    public let stack: StackDescription?
    /// Why the stack differs (update only).
    public let reasons: [UpdateReason]
    /// The ARN of the change set waiting to be executed; nil when nothing but termination protection changes.
    public let changeSetId: String?
    /// Every resource the deployment adds, modifies or removes, in logical id order.
    public let resourceChanges: [PlannedResourceChange]
    /// Limits of the review worth saying (e.g. a YAML template that could not be compared).
    public let notes: [String]

    public init(
        kind: Kind, deployment: StackDeployment, stack: StackDescription?, reasons: [UpdateReason] = [], changeSetId: String? = nil,
        resourceChanges: [PlannedResourceChange] = [], notes: [String] = []
    ) {
        self.kind = kind
        self.deployment = deployment
        self.stack = stack
        self.reasons = reasons
        self.changeSetId = changeSetId
        self.resourceChanges = resourceChanges
        self.notes = notes
    }

    public var stackName: String { deployment.stackName }

    /// Stateful resources the deployment would replace or delete.
    public var destructiveChanges: [PlannedResourceChange] { resourceChanges.filter(\.isDestructive) }

    /// The `StackChange` this review amounts to (for dry-run summaries).
    public var change: StackChange {
        switch kind {
        case .create: .create
        case .update: .update(reasons)
        case .unchanged: .none
        case .recreate(let reason): .recreate(reason)
        }
    }
}
