import Topology

/// What the organization path deploys for one stage role: the execution-policy stack set (when the stage uses a
/// policy document), then the bootstrap stack set, to the role's targets in every organization region.
public struct OrganizationRolePlan: Sendable, Equatable {
    public let stage: Stage
    public let target: OrganizationTarget
    public let policy: StackSetSpec?
    public let bootstrap: StackSetSpec

    /// In deployment order (the bootstrap's execution role attaches the policy, so the policy comes first).
    public var stackSets: [StackSetSpec] { (policy.map { [$0] } ?? []) + [bootstrap] }
}
