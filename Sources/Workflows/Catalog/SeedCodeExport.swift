import Assets
import Foundation
import SeedCode

/// `mlopsctl seed-code export DIR`: writes the seed code built into the executable to a folder, as a starting
/// point for a team's own (then used with `--seed-code DIR`). Everything is checked before the first write.
public struct SeedCodeExport: Sendable {
    public let directory: URL
    /// Write into a folder that already holds files: the seed code's files are replaced, any other file is kept.
    public let force: Bool
    public let tree: FileTree

    public init(directory: URL, force: Bool, tree: FileTree = EmbeddedSeedCode.tree) {
        self.directory = directory.standardizedFileURL
        self.force = force
        self.tree = tree
    }

    /// Writes every folder (0755) and file (0644, 0755 when executable; tighter if the umask says so) and returns
    /// the relative paths of the files written.
    @discardableResult
    public func write() throws -> [String] {
        try check()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for entry in tree.entries {
            let url = directory.appendingPathComponent(entry.path)
            switch entry.content {
            case .directory:
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try Self.limitMode(of: url, to: 0o755)
            case .file(let data, let executable):
                try data.write(to: url, options: .atomic)
                try Self.limitMode(of: url, to: executable ? 0o755 : 0o644)
                written.append(entry.path)
            }
        }
        return written
    }

    /// The refusals, before anything is written: a folder with files in it (unless `force`), and any path that
    /// is in the way (a file where a folder goes, a folder where a file goes, a symbolic link anywhere).
    func check() throws {
        guard let kind = Self.kind(directory.path) else { return }
        guard kind == .typeDirectory else {
            throw SeedCodeExportError("\(directory.path) exists and is not a folder; pick a new or empty folder")
        }
        let existing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        if existing.isEmpty { return }
        guard force else {
            throw SeedCodeExportError(
                "\(directory.path) is not empty; pick a new or empty folder, or pass --force to write the seed code over it "
                    + "(its other files are kept)")
        }
        for entry in tree.entries {
            let path = directory.appendingPathComponent(entry.path).path
            guard let found = Self.kind(path) else { continue }
            let wanted: FileAttributeType = entry.path.hasSuffix("/") ? .typeDirectory : .typeRegular
            if found != wanted {
                throw SeedCodeExportError(
                    "\(path) is in the way (\(found == .typeSymbolicLink ? "a symbolic link" : "not a \(wanted == .typeDirectory ? "folder" : "file")")); "
                        + "move it away or export into a new folder")
            }
        }
    }

    /// The type of what is at `path` itself (a link is not followed), or nil when nothing is.
    static func kind(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    /// Sets the mode to `mode` without granting anything the umask withheld at creation.
    static func limitMode(of url: URL, to mode: Int) throws {
        let current = ((try FileManager.default.attributesOfItem(atPath: url.path))[.posixPermissions] as? NSNumber)?.intValue ?? mode
        try FileManager.default.setAttributes([.posixPermissions: NSNumber(value: current & mode)], ofItemAtPath: url.path)
    }
}

/// Why the seed code could not be exported; names the folder and the fix.
public struct SeedCodeExportError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
