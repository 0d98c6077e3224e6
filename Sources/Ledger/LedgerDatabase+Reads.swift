import GRDB

// MARK: - Reads (each a consistent snapshot)

extension LedgerDatabase {
    /// Resources matching `filter`, ordered by stage, account, region, kind and physical id.
    public func resources(filter: ResourceFilter = .all) async throws -> [TrackedResource] {
        try await writer.read { db in try TrackedResource.all().matching(filter).orderedForListing().fetchAll(db) }
    }

    public func resource(id: Int64) async throws -> TrackedResource? {
        try await writer.read { db in try TrackedResource.fetchOne(db, id: id) }
    }

    /// Resources whose last touch was by `runId` (the run that created, adopted, changed or deleted them).
    public func resources(touchedBy runId: Int64) async throws -> [TrackedResource] {
        try await writer.read { db in
            try TrackedResource.filter(TrackedResource.Columns.runId == runId).orderedForListing().fetchAll(db)
        }
    }

    public func run(id: Int64) async throws -> Run? {
        try await writer.read { db in try Run.fetchOne(db, id: id) }
    }

    /// Every run, oldest first.
    public func runs() async throws -> [Run] {
        try await writer.read { db in try Run.order(Run.Columns.id).fetchAll(db) }
    }

    /// The stack events `runId` recorded, in CloudFormation time order.
    public func events(runId: Int64) async throws -> [StackEvent] {
        try await writer.read { db in
            try StackEvent.filter(StackEvent.Columns.runId == runId).order(StackEvent.Columns.timestamp, StackEvent.Columns.id).fetchAll(db)
        }
    }

    /// Who holds the lock now, if anyone.
    public func lockHolder() async throws -> LockHolder? {
        try await writer.read { db in try LockHolder.fetchOne(db) }
    }

    /// Everything, read in one transaction so runs, events, resources, stack sets and instances agree.
    public func export() async throws -> LedgerExport {
        try await writer.read { db in
            let runs = try Run.order(Run.Columns.id).fetchAll(db)
            let events = Dictionary(grouping: try StackEvent.order(StackEvent.Columns.timestamp, StackEvent.Columns.id).fetchAll(db), by: \.runId)
            return LedgerExport(
                migrations: try Self.migrator.appliedMigrations(db),
                runs: runs.map { LedgerExport.RunEntry(run: $0, events: $0.id.flatMap { events[$0] } ?? []) },
                resources: try TrackedResource.order(TrackedResource.Columns.id).fetchAll(db),
                stackSets: try StackSetRecord.order(
                    StackSetRecord.Columns.adminAccount, StackSetRecord.Columns.region, StackSetRecord.Columns.name
                ).fetchAll(db),
                stackInstances: try StackInstanceRecord.order(
                    StackInstanceRecord.Columns.adminAccount, StackInstanceRecord.Columns.stackSetRegion, StackInstanceRecord.Columns.stackSetName,
                    StackInstanceRecord.Columns.account, StackInstanceRecord.Columns.region
                ).fetchAll(db),
                lock: try LockHolder.fetchOne(db))
        }
    }
}
