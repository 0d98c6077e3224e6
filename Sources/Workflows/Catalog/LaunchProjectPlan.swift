import Deployer

/// What `launch-project --dry-run` found: the project it would create (or that is already there), in the plan format
/// of the other verbs (`would-create`, `would-update`, `unchanged`, with the stack's resource changes).
public struct LaunchProjectPlan: Sendable, Codable, Equatable {
    public var name: String
    public var id: String
    public var via: String
    public var account: String
    public var region: String
    /// The project stack (direct deploy), or `sagemaker-project/<name>` for a project SageMaker would create.
    public var target: String
    public var action: StageBootstrapResult.Action
    /// Why an update is needed, what SageMaker would be asked, or that the project already exists.
    public var detail: String?
    /// Every resource the stack's create or update adds, modifies or removes (direct deploy only).
    public var changes: [PlannedResourceChange]
    /// Drift in the project's stack a launch would put back (see `mlopsctl refresh`).
    public var repairs: [String] = []
}
