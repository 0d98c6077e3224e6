import Foundation

/// Folders and files held in memory, sorted by path in byte order (`a/`, `a/b.py`, `a.txt`, …): what a
/// deterministic zip holds, whether scanned from a folder on disk or built into the executable.
public struct FileTree: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public enum Content: Sendable, Equatable {
            case directory
            case file(Data, executable: Bool)
        }

        /// Relative, `/`-separated; a directory's path ends with `/`.
        public var path: String
        public var content: Content

        public init(path: String, content: Content) {
            self.path = path
            self.content = content
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// Every folder and regular file under `directory`, minus names matching `excluding` (with everything
    /// under them; `*` and `?` wildcards, matched against each path component).
    /// - Throws: `AssetError` for a missing folder, a symbolic link, a special file or an unreadable file.
    public static func scan(directory: URL, excluding: [String] = DeterministicZip.defaultExclusions) throws -> FileTree {
        FileTree(entries: try FileTreeScanner(root: directory, exclusions: excluding.map(GlobPattern.init)).scan())
    }

    /// The entries under `folder/`, relative to it; nil when the tree has no such folder.
    public func subtree(_ folder: String) -> FileTree? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard entries.contains(where: { $0.path == prefix }) else { return nil }
        return FileTree(entries: entries.compactMap { entry in
            guard entry.path.hasPrefix(prefix), entry.path != prefix else { return nil }
            return Entry(path: String(entry.path.dropFirst(prefix.count)), content: entry.content)
        })
    }

    /// The bytes of the file at `path`, or nil when there is no such file.
    public func contents(of path: String) -> Data? {
        for entry in entries where entry.path == path {
            if case .file(let data, _) = entry.content { return data }
        }
        return nil
    }
}
