import Foundation
import GRDB

// MARK: - Stack sets and their instances (organization scale: thousands of instances, each read in milliseconds)

extension LedgerDatabase {
    /// The failed-instance condition, spelled exactly as the partial index `stackInstance_failed` is, so SQLite uses it.
    static let failedInstanceCondition = "(status = 'INOPERABLE' OR detailedStatus IN ('FAILED', 'CANCELLED'))"

    /// Records stack set `key` as `runId` left it: inserts it, or updates the row (keeping its creation time, and its
    /// stack set id when `stackSetId` is nil).
    /// - Throws: `LedgerError.unknownStackSetStatus` for a status outside `StackSetStatus.all`; `.noSuchRun`.
    @discardableResult
    public func recordStackSet(
        _ key: StackSetKey, stage: String, stackSetId: String?, permissionModel: String, status: String, runId: Int64
    ) async throws -> StackSetRecord {
        guard StackSetStatus.all.contains(status) else { throw LedgerError.unknownStackSetStatus(status) }
        let now = clock()
        return try await writer.write { db in
            guard try Run.exists(db, id: runId) else { throw LedgerError.noSuchRun(id: runId) }
            if var record = try StackSetRecord.matching(key).fetchOne(db) {
                record.stage = stage
                record.stackSetId = stackSetId ?? record.stackSetId
                record.permissionModel = permissionModel
                record.status = status
                record.runId = runId
                record.updatedAt = now
                try record.update(db)
                return record
            }
            let record = StackSetRecord(
                adminAccount: key.adminAccount, region: key.region, name: key.name, stage: stage, stackSetId: stackSetId,
                permissionModel: permissionModel, status: status, runId: runId, createdAt: now, updatedAt: now)
            try record.insert(db)
            return record
        }
    }

    /// Every stack set, by stage, name, region and administrator account; deleted ones only when asked.
    public func stackSets(includeDeleted: Bool = false) async throws -> [StackSetRecord] {
        try await writer.read { db in
            var request = StackSetRecord.all()
            if !includeDeleted { request = request.filter(StackSetRecord.Columns.status != StackSetStatus.deleted) }
            return try request.order(
                StackSetRecord.Columns.stage, StackSetRecord.Columns.name, StackSetRecord.Columns.region, StackSetRecord.Columns.adminAccount
            ).fetchAll(db)
        }
    }

    public func stackSet(_ key: StackSetKey) async throws -> StackSetRecord? {
        try await writer.read { db in try StackSetRecord.matching(key).fetchOne(db) }
    }

    /// Makes the ledger's instances of `key` exactly `observed` (what ListStackInstances returned, every page), in ONE
    /// transaction: every observed instance is inserted or updated, and every live recorded one that was not observed
    /// becomes DELETED (its detailed status and reason cleared). Rows that already say what was observed are not
    /// written, so their `runId` stays the run that last changed them. When `observed` names an (account, region)
    /// twice, the last one wins.
    /// - Throws: `LedgerError.noSuchStackSet` when `key` was never recorded; `.noSuchRun`.
    @discardableResult
    public func syncStackInstances(_ key: StackSetKey, observed: [StackInstanceObservation], runId: Int64) async throws -> StackInstanceSyncCounts {
        let now = clock()
        return try await writer.write { db in
            guard try Run.exists(db, id: runId) else { throw LedgerError.noSuchRun(id: runId) }
            guard try StackSetRecord.matching(key).fetchCount(db) > 0 else { throw LedgerError.noSuchStackSet(key) }
            var recorded = [Place: StackInstanceRecord]()
            for row in try StackInstanceRecord.of(key).fetchAll(db) { recorded[Place(account: row.account, region: row.region)] = row }
            var latest = [Place: StackInstanceObservation](minimumCapacity: observed.count)
            for observation in observed { latest[Place(account: observation.account, region: observation.region)] = observation }

            var counts = StackInstanceSyncCounts()
            for (place, observation) in latest {
                let fresh = StackInstanceRecord(
                    stackSet: key, account: observation.account, region: observation.region, status: observation.status,
                    detailedStatus: observation.detailedStatus, statusReason: observation.statusReason,
                    organizationalUnitId: observation.organizationalUnitId, runId: runId, updatedAt: now)
                guard let old = recorded.removeValue(forKey: place) else {
                    try fresh.insert(db)
                    counts.inserted += 1
                    continue
                }
                if old.status == StackInstanceStatus.deleted {
                    counts.inserted += 1
                } else if old.says(observation) {
                    counts.unchanged += 1
                    continue
                } else {
                    counts.changed += 1
                }
                try fresh.update(db)
            }
            for var gone in recorded.values where gone.status != StackInstanceStatus.deleted {
                gone.status = StackInstanceStatus.deleted
                gone.detailedStatus = nil
                gone.statusReason = nil
                gone.runId = runId
                gone.updatedAt = now
                try gone.update(db)
                counts.deleted += 1
            }
            return counts
        }
    }

    /// The instances of `key`, ordered by account and region; only those whose status is in `statuses` when given
    /// (e.g. `[StackInstanceStatus.deleted]`, or every live status).
    public func stackInstances(_ key: StackSetKey, statuses: Set<String>? = nil) async throws -> [StackInstanceRecord] {
        try await writer.read { db in
            var request = StackInstanceRecord.of(key)
            if let statuses { request = request.filter(statuses.contains(StackInstanceRecord.Columns.status)) }
            return try request.fetchAll(db)
        }
    }

    /// Per stack set, its instances counted by status: one GROUP BY over an index, whatever the number of instances.
    /// Ordered like `stackSets`; deleted stack sets only when asked.
    public func stackSetSummaries(includeDeleted: Bool = false) async throws -> [StackSetSummary] {
        let sql = Self.summarySQL(includeDeleted: includeDeleted)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                StackSetSummary(
                    key: StackSetKey(adminAccount: row["adminAccount"], region: row["region"], name: row["name"]), stage: row["stage"],
                    status: row["status"], total: row["total"], current: row["current"], outdated: row["outdated"], failed: row["failed"],
                    deleted: row["deleted"])
            }
        }
    }

    /// One row per stack set, its instances counted by status (`stackSetSummaries`).
    static func summarySQL(includeDeleted: Bool) -> String {
        """
        SELECT s.adminAccount, s.region, s.name, s.stage, s.status,
            COUNT(CASE WHEN i.status <> 'DELETED' THEN 1 END) AS total,
            COUNT(CASE WHEN i.status = 'CURRENT' THEN 1 END) AS current,
            COUNT(CASE WHEN i.status = 'OUTDATED' THEN 1 END) AS outdated,
            COUNT(CASE WHEN i.status = 'INOPERABLE' OR i.detailedStatus IN ('FAILED', 'CANCELLED') THEN 1 END) AS failed,
            COUNT(CASE WHEN i.status = 'DELETED' THEN 1 END) AS deleted
        FROM stackSet s
        LEFT JOIN stackInstance i ON i.adminAccount = s.adminAccount AND i.stackSetRegion = s.region AND i.stackSetName = s.name
        \(includeDeleted ? "" : "WHERE s.status <> 'deleted'")
        GROUP BY s.adminAccount, s.region, s.name
        ORDER BY s.stage, s.name, s.region, s.adminAccount
        """
    }

    /// The failed instances of a stack set, in listing order; arguments: the key's three parts and a limit (-1: none).
    /// INDEXED BY: without statistics SQLite would range over the whole stack set by primary key instead; with it, a
    /// schema change that made the index unusable fails loudly rather than slowly.
    static let failedInstancesSQL = """
        SELECT * FROM stackInstance INDEXED BY stackInstance_failed
        WHERE adminAccount = ? AND stackSetRegion = ? AND stackSetName = ? AND \(failedInstanceCondition)
        ORDER BY account, region LIMIT ?
        """

    /// The failed instances of `key` (INOPERABLE, or whose last operation FAILED or was CANCELLED), ordered by
    /// account and region, at most `limit` of them. Reads only failed rows (a partial index holds just those).
    public func failedStackInstances(_ key: StackSetKey, limit: Int?) async throws -> [StackInstanceRecord] {
        try await writer.read { db in
            try StackInstanceRecord.fetchAll(
                db,
                sql: Self.failedInstancesSQL,
                arguments: [key.adminAccount, key.region, key.name, limit ?? -1])
        }
    }
}

/// Where one instance of a stack set deploys.
private struct Place: Hashable {
    var account: String
    var region: String
}

extension StackInstanceRecord {
    /// Whether this live row already records exactly `observation`.
    fileprivate func says(_ observation: StackInstanceObservation) -> Bool {
        status == observation.status && detailedStatus == observation.detailedStatus && statusReason == observation.statusReason
            && organizationalUnitId == observation.organizationalUnitId
    }
}
