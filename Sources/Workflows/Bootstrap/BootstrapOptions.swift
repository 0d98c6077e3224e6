import Topology

/// What the user asked `bootstrap` for, beyond the topology.
public struct BootstrapOptions: Sendable {
    /// The stages to bootstrap; all of them when empty.
    public var stages: [Stage]
    /// Print what would change and make no mutating call (no ledger writes either).
    public var dryRun: Bool
    /// Allow `arn:…:policy/AdministratorAccess` as an execution policy.
    public var allowAdminExecutionPolicy: Bool
    /// Overwrite a bootstrap stack of another variant, or one newer than ours (the CDK CLI's `--force`).
    public var force: Bool
    /// Apply an update even when it replaces or deletes a stateful resource (bucket, key, repository, role, …).
    public var allowReplace: Bool

    public init(
        stages: [Stage] = [], dryRun: Bool = false, allowAdminExecutionPolicy: Bool = false, force: Bool = false, allowReplace: Bool = false
    ) {
        self.stages = stages
        self.dryRun = dryRun
        self.allowAdminExecutionPolicy = allowAdminExecutionPolicy
        self.force = force
        self.allowReplace = allowReplace
    }
}
