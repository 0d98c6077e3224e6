/// Everything the ledger holds, as one Codable value (`mlopsctl ledger export`). It holds no secret because
/// the schema has no column that could hold one.
public struct LedgerExport: Sendable, Codable, Equatable {
    /// A run with the stack events it saw.
    public struct RunEntry: Sendable, Codable, Equatable {
        public var run: Run
        public var events: [StackEvent]
    }

    /// The applied migrations, oldest first: the schema the rows follow.
    public var migrations: [String]
    public var runs: [RunEntry]
    public var resources: [TrackedResource]
    /// Stack sets, deleted ones included, in key order.
    public var stackSets: [StackSetRecord]
    /// Stack instances, DELETED ones included, by stack set, account and region.
    public var stackInstances: [StackInstanceRecord]
    /// Who holds the lock now, if anyone.
    public var lock: LockHolder?
}
