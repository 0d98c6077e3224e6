import Deployer
import Foundation

/// What `bootstrap` did (or, with --dry-run, would do) in one stage.
public struct StageBootstrapResult: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable {
        case created, updated, unchanged
        /// The deployed bootstrap is newer than ours; never downgraded.
        case skippedNewer = "skipped-newer"
        /// Dry run: these would be created or updated.
        case wouldCreate = "would-create", wouldUpdate = "would-update", wouldRecreate = "would-recreate"
        /// The update would replace or delete stateful resources; without --allow-replace it is not applied.
        case refused
        case wouldRefuse = "would-refuse"
        /// Not applied because another stack's update was refused (the run changes all or nothing).
        case notApplied = "not-applied"
        case failed
    }

    public struct StackResult: Sendable, Codable, Equatable {
        public var stack: String
        public var action: Action
        /// Why an update is needed, or why it failed; empty when unchanged.
        public var detail: String?
        /// The plan: every resource the stack's create or update adds, modifies or removes (nil: not reviewed).
        public var changes: [PlannedResourceChange]? = nil
    }

    public var stage: String
    public var account: String
    public var region: String
    public var trustedAccounts: [String]
    public var executionPolicies: [String]
    public var stacks: [StackResult]
    public var deployedVersion: Int?
    /// Set when the stage failed; one line.
    public var error: String?
    public var warnings: [String]
    /// Drift mlopsctl put back after deploying (a trust policy edited by hand, a bucket setting): what it did, or
    /// with --dry-run what it would do. See `mlopsctl refresh`.
    public var repairs: [String] = []

    public var succeeded: Bool { error == nil }
}
