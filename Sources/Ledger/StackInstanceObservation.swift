/// One stack instance as ListStackInstances returned it: the input of `LedgerDatabase.syncStackInstances`.
public struct StackInstanceObservation: Sendable, Equatable {
    public var account: String
    public var region: String
    /// CURRENT, OUTDATED or INOPERABLE.
    public var status: String
    public var detailedStatus: String?
    public var statusReason: String?
    public var organizationalUnitId: String?

    public init(
        account: String, region: String, status: String, detailedStatus: String? = nil, statusReason: String? = nil,
        organizationalUnitId: String? = nil
    ) {
        self.account = account
        self.region = region
        self.status = status
        self.detailedStatus = detailedStatus
        self.statusReason = statusReason
        self.organizationalUnitId = organizationalUnitId
    }
}

/// What one `syncStackInstances` changed.
public struct StackInstanceSyncCounts: Sendable, Equatable, Codable {
    /// Observed instances the ledger had no live row for: new ones, and ones back after being DELETED.
    public var inserted: Int
    /// Live rows whose status, detailed status, reason or OU changed.
    public var changed: Int
    /// Live rows not observed any more, now DELETED.
    public var deleted: Int
    /// Observed instances whose row already said exactly that (left untouched).
    public var unchanged: Int

    public init(inserted: Int = 0, changed: Int = 0, deleted: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.changed = changed
        self.deleted = deleted
        self.unchanged = unchanged
    }
}
