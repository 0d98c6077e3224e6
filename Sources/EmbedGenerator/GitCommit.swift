import Foundation

/// Reads the commit HEAD points at from the files git keeps, without running git (it may not be installed where
/// mlopsctl is built): `HEAD` holds a hash or `ref: refs/heads/NAME`; the ref is a loose file or a `packed-refs`
/// line. The plugin finds the folders (a linked worktree keeps HEAD in one and the refs in another).
enum GitCommit {
    /// The commit hash, or nil when HEAD cannot be read or resolved.
    static func resolve(gitDir: URL, commonDir: URL) -> String? {
        guard let head = read(gitDir.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref: ") else { return isHash(head) ? head : nil }
        let ref = String(head.dropFirst("ref: ".count))
        for directory in [gitDir, commonDir] {
            if let loose = read(directory.appendingPathComponent(ref)), isHash(loose) { return loose }
        }
        for directory in [gitDir, commonDir] {
            guard let packed = read(directory.appendingPathComponent("packed-refs")) else { continue }
            for line in packed.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count == 2, fields[1] == ref, isHash(String(fields[0])) { return String(fields[0]) }
            }
        }
        return nil
    }

    static func read(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// SHA-1 (40) or SHA-256 (64) hex.
    static func isHash(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }
}
