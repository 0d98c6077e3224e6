import Foundation
import GRDB

extension LedgerDatabase {
    /// Opens an existing ledger for reading only, for dry runs: SQLite in read-only mode, no migration and no
    /// bookkeeping (`open` marks dead runs interrupted, a write), so the file is left byte for byte as it was.
    /// A ledger whose schema is not this mlopsctl's (older: it needs migrating; newer: refused) is opened with `open`.
    public static func openReadOnly(path: String) throws -> LedgerDatabase {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            guard try queue.read({ db in try migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db) }) else {
                return try open(path: path)
            }
        } catch let error as DatabaseError {
            throw LedgerError.cannotOpen(path: path, reason: openFailure(error, path: path))
        }
        return LedgerDatabase(readOnly: queue, path: path)
    }

    private init(readOnly queue: DatabaseQueue, path: String) {
        self.writer = queue
        self.path = path
        self.clock = { Date() }
    }
}
