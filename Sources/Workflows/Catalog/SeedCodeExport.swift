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

    /// Writes every folder (0700) and file (0600, 0700 when executable: `PrivateFiles`) and returns the relative paths
    /// of the files written. A folder that already exists keeps its mode.
    @discardableResult
    public func write() throws -> [String] {
        try check()
        try PrivateFiles.createFolders(directory)
        var written: [String] = []
        for entry in tree.entries {
            let url = directory.appendingPathComponent(entry.path)
            switch entry.content {
            case .directory:
                try PrivateFiles.createFolders(url)
            case .file(let data, let executable):
                try PrivateFiles.write(data, to: url, executable: executable)
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
}

/// Why the seed code could not be exported; names the folder and the fix.
public struct SeedCodeExportError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
