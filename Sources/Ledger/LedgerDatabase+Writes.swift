import Foundation
import GRDB

// MARK: - Writes: resources and events (terraform's persist-as-you-go: one transaction per change)

extension LedgerDatabase {
    /// Records that `runId` is about to create, update or adopt a resource. Call it BEFORE the AWS call, so a
    /// crash in between leaves a `planned` row teardown can check, never an unknown resource.
    ///
    /// Reuses the row with the same (account, region, kind, physicalId); without a physical id, reuses a row of
    /// the same stage, kind, logical id and stack that never got one. A reused row keeps its creation time and
    /// ownership (a resource mlopsctl created stays `created` when a later run adopts it), unless it had been
    /// deleted, in which case it starts a new life with the intent's ownership.
    /// - Returns: the row, with status `planned`.
    @discardableResult
    public func plan(_ intent: ResourceIntent, runId: Int64) async throws -> TrackedResource {
        let now = clock()
        return try await writer.write { db in
            guard try Run.exists(db, id: runId) else { throw LedgerError.noSuchRun(id: runId) }
            var resource: TrackedResource
            if var existing = try Self.existingRow(db, for: intent) {
                if existing.status == .deleted { existing.ownership = intent.ownership }
                existing.runId = runId
                existing.logicalId = intent.logicalId ?? existing.logicalId
                existing.stack = intent.stack ?? existing.stack
                existing.parentId = intent.parentId ?? existing.parentId
                existing.project = intent.project ?? existing.project
                existing.status = .planned
                existing.detail = nil
                existing.updatedAt = now
                try existing.update(db)
                resource = existing
            } else {
                resource = TrackedResource(
                    id: nil, runId: runId, stage: intent.stage, account: intent.account, region: intent.region, kind: intent.kind,
                    physicalId: intent.physicalId, logicalId: intent.logicalId, stack: intent.stack, parentId: intent.parentId,
                    project: intent.project, ownership: intent.ownership, status: .planned, detail: nil, createdAt: now, updatedAt: now)
                try resource.insert(db)
            }
            return resource
        }
    }

    /// Records the outcome of the AWS call for resource `id` (AFTER the call): `present`, `failed`, `deleting`,
    /// `deleted` or `retained`, with the physical id AWS assigned (when it was not known at plan time) and a
    /// short detail (why it failed or was retained; nil clears it).
    /// - Throws: `LedgerError.noSuchResource`, or `.duplicateResource` when another row already tracks `physicalId`.
    @discardableResult
    public func settle(_ id: Int64, status: ResourceStatus, physicalId: String? = nil, detail: String? = nil) async throws -> TrackedResource {
        let now = clock()
        return try await writer.write { db in
            guard var resource = try TrackedResource.fetchOne(db, id: id) else { throw LedgerError.noSuchResource(id: id) }
            if let physicalId, physicalId != resource.physicalId {
                if let other = try TrackedResource.filter(
                    TrackedResource.Columns.account == resource.account && TrackedResource.Columns.region == resource.region
                        && TrackedResource.Columns.kind == resource.kind && TrackedResource.Columns.physicalId == physicalId
                ).fetchOne(db), let otherId = other.id {
                    throw LedgerError.duplicateResource(id: id, existingId: otherId, kind: resource.kind, physicalId: physicalId)
                }
                resource.physicalId = physicalId
            }
            resource.status = status
            resource.detail = detail
            resource.updatedAt = now
            try resource.update(db)
            return resource
        }
    }

    /// Stores stack events seen by `runId`; an event already stored (same EventId) is skipped, so pages that
    /// overlap are harmless. - Returns: how many were new.
    @discardableResult
    public func record(events: [StackEvent]) async throws -> Int {
        try await writer.write { db in
            var added = 0
            for var event in events {
                event.id = nil
                try event.insert(db, onConflict: .ignore)
                if db.changesCount > 0 { added += 1 }
            }
            return added
        }
    }

    /// Sets the caller identity of a run once STS has told it.
    public func setOperator(runId: Int64, arn: String) async throws {
        try await writer.write { db in
            let changed = try Run.filter(id: runId).updateAll(db, Run.Columns.operatorArn.set(to: arn))
            if changed == 0 { throw LedgerError.noSuchRun(id: runId) }
        }
    }

    private static func existingRow(_ db: Database, for intent: ResourceIntent) throws -> TrackedResource? {
        let sameScope = TrackedResource.filter(
            TrackedResource.Columns.account == intent.account && TrackedResource.Columns.region == intent.region
                && TrackedResource.Columns.kind == intent.kind)
        if let physicalId = intent.physicalId {
            return try sameScope.filter(TrackedResource.Columns.physicalId == physicalId).fetchOne(db)
        }
        // No id yet: only an earlier attempt at the same logical resource that never got one is the same row.
        guard let logicalId = intent.logicalId else { return nil }
        return try sameScope
            .filter(TrackedResource.Columns.physicalId == nil)
            .filter(TrackedResource.Columns.stage == intent.stage)
            .filter(TrackedResource.Columns.logicalId == logicalId)
            .filter(TrackedResource.Columns.stack == intent.stack)
            .fetchOne(db)
    }
}
