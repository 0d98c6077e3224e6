import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LedgerDatabase {
    /// Opens (creating when missing) the ledger file at `path` in WAL mode and migrates it.
    ///
    /// A missing parent folder is created with mode 0700; the file and its `-wal`/`-shm` companions are
    /// kept at 0600, because the ledger names accounts, roles and resources of the user's organisation.
    /// Open each file once per process and share the value: it owns the file's only connection.
    /// What a user can act on, rather than SQLite's message with the statement it failed in.
    static func openFailure(_ error: any Error, path: String) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory, not a file"
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return "the file is not an SQLite database (damaged, or another file at this path); move it aside"
        case .SQLITE_CORRUPT: return "the database is damaged; restore it from a backup or move it aside"
        default: return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
    }

    public static func open(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws -> LedgerDatabase {
        let url = URL(fileURLWithPath: path)
        try createPrivateFolders(url.deletingLastPathComponent())
        try createPrivateFile(url.path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: url.path, configuration: makeConfiguration())
        } catch {
            throw LedgerError.cannotOpen(path: url.path, reason: openFailure(error, path: url.path))
        }
        let database: LedgerDatabase
        do {
            database = try LedgerDatabase(queue, path: url.path, clock: clock)
        } catch let error as DatabaseError {
            // GRDB opens lazily: a file that is not a database is found by the first read (the migrations' check).
            throw LedgerError.cannotOpen(path: url.path, reason: openFailure(error, path: url.path))
        }
        // SQLite gives -wal and -shm the database file's mode, minus the umask; make sure of it.
        for companion in [url.path + "-wal", url.path + "-shm"] where FileManager.default.fileExists(atPath: companion) {
            chmod(companion, 0o600)
        }
        return database
    }

    /// Creates each missing folder of `folder` with mode 0700. Folders that already exist are left as they are:
    /// they may be shared ones such as `/tmp` or `~/.local`.
    static func createPrivateFolders(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory) {
            missing.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LedgerError.cannotOpen(path: folder.path, reason: "\(current.path) is a file, not a folder")
        }
        for directory in missing.reversed() {
            // mkdir honours the umask, which can only remove bits from 0700; chmod makes the mode exact.
            if mkdir(directory.path, 0o700) != 0, errno != EEXIST {
                throw LedgerError.cannotOpen(path: folder.path, reason: "cannot create folder \(directory.path): \(String(cString: strerror(errno)))")
            }
            chmod(directory.path, 0o700)
        }
    }

    /// Creates the database file with mode 0600 before SQLite opens it, so it is never readable by others,
    /// not even for a moment. An existing file is tightened to 0600 with chmod, never opened here: closing any
    /// descriptor of a file drops every POSIX lock this process holds on it, including SQLite's, which corrupts
    /// a database another connection in the process is writing.
    static func createPrivateFile(_ path: String) throws {
        let descriptor = posixOpen(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            close(descriptor)
            return
        }
        guard errno == EEXIST else { throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if chmod(path, 0o600) != 0, errno != EPERM {
            throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// `open(2)`, named apart from `LedgerDatabase.open(path:)` so the call above is unambiguous.
private func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
    #else
    return Darwin.open(path, flags, mode)
    #endif
}
