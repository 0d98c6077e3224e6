import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where mlopsctl writes files (synth output, seed-code export, the topology of `init`): each file is created 0600
/// (0700 when executable) and each folder it creates 0700, whatever the umask, because they name accounts, roles and
/// resources of the user's organisation. Folders that already exist keep their mode (they may be shared ones). The
/// process also sets umask 0077 at start (main.swift); this makes the mode explicit where the file is made, so it
/// holds for code run in process too (the tests). The ledger and the request journal do the same in their modules.
public enum PrivateFiles {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates each missing folder of `folder` (and the folder) with mode 0700.
    public static func createFolders(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) {
            missing.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        for directory in missing.reversed() {
            // mkdir honours the umask, which can only remove bits from 0700; chmod makes the mode exact.
            if mkdir(directory.path, 0o700) != 0, errno != EEXIST {
                throw WriteError(path: directory.path, reason: String(cString: strerror(errno)))
            }
            chmod(directory.path, 0o700)
        }
    }

    /// Writes `data` to `url` atomically: a private temporary file in the same folder (created 0600 or 0700, never
    /// readable by others even for a moment), then renamed over the target. Missing folders are created 0700.
    public static func write(_ data: Data, to url: URL, executable: Bool = false) throws {
        let folder = url.deletingLastPathComponent()
        try createFolders(folder)
        let mode: mode_t = executable ? 0o700 : 0o600
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, mode)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            unlink(temporary)
            throw WriteError(path: url.path, reason: String(describing: error))
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: url.path, reason: reason)
        }
    }
}
