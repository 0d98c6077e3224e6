/// Problems with the ledger itself (not with AWS). Each description is one line naming the file or row and the fix.
public enum LedgerError: Error, CustomStringConvertible, Equatable {
    /// The file or its folder could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file holds migrations this binary does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A write named a row that does not exist.
    case noSuchResource(id: Int64)
    case noSuchRun(id: Int64)
    /// `settle` gave a physical id that another row already tracks.
    case duplicateResource(id: Int64, existingId: Int64, kind: ResourceKind, physicalId: String)
    /// Instances were synced for a stack set never recorded with `recordStackSet`.
    case noSuchStackSet(StackSetKey)
    /// `recordStackSet` was given a status outside `StackSetStatus.all`.
    case unknownStackSetStatus(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open ledger \(path): \(reason); check the path (--ledger or MLOPSCTL_LEDGER) and its permissions"
        case .newerSchema(let path, let unknown):
            return "ledger \(path) was written by a newer mlopsctl (unknown migrations: \(unknown.joined(separator: ", "))); "
                + "upgrade mlopsctl to use it"
        case .noSuchResource(let id):
            return "ledger has no resource with id \(id); list resources with `mlopsctl ledger list`"
        case .noSuchRun(let id):
            return "ledger has no run with id \(id); list runs with `mlopsctl ledger export`"
        case .duplicateResource(let id, let existingId, let kind, let physicalId):
            return "ledger resource \(id) cannot take physical id \(physicalId): resource \(existingId) already tracks that \(kind.rawValue); "
                + "settle \(existingId) instead"
        case .noSuchStackSet(let key):
            return "ledger has no \(key); record it with recordStackSet before syncing its instances"
        case .unknownStackSetStatus(let status):
            return "stack set status \(status) is not one of \(StackSetStatus.all.sorted().joined(separator: ", "))"
        }
    }
}
