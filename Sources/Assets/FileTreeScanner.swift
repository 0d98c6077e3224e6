import Foundation

/// Reads what goes into a `FileTree`: every directory and regular file under `root`, minus the excluded names.
struct FileTreeScanner {
    let root: URL
    let exclusions: [GlobPattern]

    func scan() throws -> [FileTree.Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AssetError.notADirectory(path: root.path)
        }
        var entries: [FileTree.Entry] = []
        try walk(root, prefix: "", into: &entries)
        return entries
    }

    private func walk(_ directory: URL, prefix: String, into entries: inout [FileTree.Entry]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw AssetError.unreadableFile(path: directory.path)
        }
        for name in names where !exclusions.contains(where: { $0.matches(name) }) {
            let url = directory.appendingPathComponent(name)
            let path = prefix + name
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            } catch {
                throw AssetError.unreadableFile(path: url.path)
            }
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                entries.append(FileTree.Entry(path: path + "/", content: .directory))
                try walk(url, prefix: path + "/", into: &entries)
            case .typeRegular?:
                // Any execute bit makes it an executable (scripts keep working after unzip).
                let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value ?? 0
                guard let data = FileManager.default.contents(atPath: url.path) else { throw AssetError.unreadableFile(path: url.path) }
                entries.append(FileTree.Entry(path: path, content: .file(data, executable: mode & 0o111 != 0)))
            case .typeSymbolicLink?:
                // A link's meaning depends on the machine it is unzipped on; refuse rather than guess.
                throw AssetError.symbolicLink(path: url.path)
            default:
                throw AssetError.unsupportedFileType(path: url.path)
            }
        }
    }
}

/// A shell-style name pattern: `*` any run of characters, `?` one character, everything else literal.
struct GlobPattern: Equatable {
    let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    func matches(_ name: String) -> Bool {
        Self.match(Array(pattern.unicodeScalars), Array(name.unicodeScalars))
    }

    /// Iterative matching with backtracking to the last `*` (linear for the usual patterns).
    private static func match(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0, t = 0
        var star: Int?, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
