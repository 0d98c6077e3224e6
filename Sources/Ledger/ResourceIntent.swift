/// What a run is about to create or adopt: the input of `LedgerDatabase.plan(_:runId:)`.
public struct ResourceIntent: Sendable, Equatable {
    public var stage: String
    public var account: String
    public var region: String
    public var kind: ResourceKind
    /// Known up front for everything mlopsctl names itself; nil when AWS assigns it (settle fills it in).
    public var physicalId: String?
    public var logicalId: String?
    public var stack: String?
    public var parentId: Int64?
    public var project: String?
    public var ownership: Ownership

    public init(
        stage: String, account: String, region: String, kind: ResourceKind, physicalId: String?, logicalId: String? = nil,
        stack: String? = nil, parentId: Int64? = nil, project: String? = nil, ownership: Ownership = .created
    ) {
        self.stage = stage
        self.account = account
        self.region = region
        self.kind = kind
        self.physicalId = physicalId
        self.logicalId = logicalId
        self.stack = stack
        self.parentId = parentId
        self.project = project
        self.ownership = ownership
    }
}
