/// How the instances of one stack set stand: what `mlopsctl status --org` shows per stage role.
public struct StackSetSummary: Sendable, Codable, Equatable {
    public var key: StackSetKey
    /// The stage role (dev, preprod, prod).
    public var stage: String
    /// The stack set's `StackSetStatus`.
    public var status: String
    /// Live instances (every status but DELETED); `current + outdated + INOPERABLE ones` make it up.
    public var total: Int
    public var current: Int
    public var outdated: Int
    /// INOPERABLE, or whose last operation FAILED or was CANCELLED (such an instance is also counted as outdated
    /// or current, by its status).
    public var failed: Int
    /// Recorded instances that are gone.
    public var deleted: Int

    public init(key: StackSetKey, stage: String, status: String, total: Int, current: Int, outdated: Int, failed: Int, deleted: Int) {
        self.key = key
        self.stage = stage
        self.status = status
        self.total = total
        self.current = current
        self.outdated = outdated
        self.failed = failed
        self.deleted = deleted
    }
}
