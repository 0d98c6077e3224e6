/// What `bootstrap --org` did (or, with --dry-run, would do) for one stack set of one stage role.
public struct OrganizationBootstrapResult: Sendable, Codable, Equatable {
    public var stage: String
    public var stackSet: String
    public var kind: String
    /// `create`, `update`, `add-instances`, `unchanged`, … (with --dry-run: what would happen).
    public var action: String
    /// Why the stack set changes (template, parameters, tags, auto-deployment), and what was sent.
    public var detail: [String]
    public var members: Int
    public var instances: StackInstanceCounts
    /// Instances CloudFormation could not deploy, with its reason.
    public var failures: [StackInstanceFailure]
    /// Instances outside the targets (left in place; `teardown --bootstrap --org` removes them).
    public var outsideTargets: [StackInstanceKey]
    public var error: String?

    public var succeeded: Bool { error == nil && failures.isEmpty }
}

/// Stack instances by status, as `status --org` and `bootstrap --org` count them.
public struct StackInstanceCounts: Sendable, Codable, Equatable {
    public var total = 0
    public var current = 0
    public var outdated = 0
    public var failed = 0

    public init(total: Int = 0, current: Int = 0, outdated: Int = 0, failed: Int = 0) {
        self.total = total
        self.current = current
        self.outdated = outdated
        self.failed = failed
    }
}
