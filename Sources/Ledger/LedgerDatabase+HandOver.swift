import Foundation
import GRDB

// MARK: - Hand-over (`mlopsctl ledger forget`): the resource stays in AWS, mlopsctl stops managing it

extension LedgerDatabase {
    /// Statuses a resource can be handed over from: those of a resource mlopsctl still manages.
    public static let handOverableStatuses: Set<ResourceStatus> = [.planned, .present, .failed, .retained]

    /// Marks resource `id` `handedOver` (its row stays, with who, when and why in `detail`), together with what goes
    /// with it: the rows a stack holds (same account, region and stack name) and the rows whose parent it is. No
    /// later command changes or deletes them.
    /// - Throws: `LedgerError.noSuchResource`; `HandOverRefusal` when the row is not managed any more, or when it
    ///   belongs to a stack mlopsctl still manages (that stack's deletion would delete it: hand over the stack).
    /// - Returns: the rows handed over, `id` first.
    @discardableResult
    public func handOver(_ id: Int64, runId: Int64, who: String, reason: String) async throws -> [TrackedResource] {
        let now = clock()
        let detail = "handed over by \(who) on \(now.formatted(.iso8601)): \(reason)"
        return try await writer.write { db in
            guard let row = try TrackedResource.fetchOne(db, id: id) else { throw LedgerError.noSuchResource(id: id) }
            guard Self.handOverableStatuses.contains(row.status) else {
                throw HandOverRefusal.notManaged(id: id, status: row.status)
            }
            if row.kind != .stack, let stack = row.stack,
                let owner = try TrackedResource.filter(
                    TrackedResource.Columns.account == row.account && TrackedResource.Columns.region == row.region
                        && TrackedResource.Columns.kind == ResourceKind.stack.rawValue && TrackedResource.Columns.physicalId == stack
                ).fetchOne(db), Self.handOverableStatuses.contains(owner.status), let ownerId = owner.id
            {
                throw HandOverRefusal.insideManagedStack(id: id, stack: stack, stackId: ownerId)
            }
            var rows = [row]
            var members = try TrackedResource.filter(TrackedResource.Columns.parentId == id).fetchAll(db)
            if row.kind == .stack, let name = row.physicalId {
                members += try TrackedResource.filter(
                    TrackedResource.Columns.account == row.account && TrackedResource.Columns.region == row.region
                        && TrackedResource.Columns.stack == name && TrackedResource.Columns.id != id
                ).fetchAll(db)
            }
            var seen: Set<Int64> = [id]
            rows += members.filter { Self.handOverableStatuses.contains($0.status) && seen.insert($0.id!).inserted }
            return try rows.map { original in
                var resource = original
                resource.status = .handedOver
                resource.detail = detail
                resource.runId = runId
                resource.updatedAt = now
                try resource.update(db)
                return resource
            }
        }
    }
}

/// Why `ledger forget` refused a row; one line naming the row and the way forward.
public enum HandOverRefusal: Error, Equatable, CustomStringConvertible {
    case notManaged(id: Int64, status: ResourceStatus)
    case insideManagedStack(id: Int64, stack: String, stackId: Int64)

    public var description: String {
        switch self {
        case .notManaged(let id, let status):
            return "ledger resource \(id) is \(status.rawValue): mlopsctl no longer manages it, so there is nothing to hand over"
        case .insideManagedStack(let id, let stack, let stackId):
            return "ledger resource \(id) belongs to stack \(stack), which mlopsctl still manages (deleting the stack deletes it); "
                + "hand over the stack instead: mlopsctl ledger forget \(stackId)"
        }
    }
}
