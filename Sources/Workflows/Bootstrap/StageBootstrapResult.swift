import Foundation

/// What `bootstrap` did (or, with --dry-run, would do) in one stage.
public struct StageBootstrapResult: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable {
        case created, updated, unchanged
        /// The deployed bootstrap is newer than ours; never downgraded.
        case skippedNewer = "skipped-newer"
        /// Dry run: these would be created or updated.
        case wouldCreate = "would-create", wouldUpdate = "would-update", wouldRecreate = "would-recreate"
        case failed
    }

    public struct StackResult: Sendable, Codable, Equatable {
        public var stack: String
        public var action: Action
        /// Why an update is needed, or why it failed; empty when unchanged.
        public var detail: String?
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

    public var succeeded: Bool { error == nil }
}
