import Foundation

/// Renders `enum <type>` holding the given paths under a root: directories (ending in `/`) and files with their
/// bytes as base64 (a string literal compiles fast, unlike a large `[UInt8]` literal) and their execute bit.
/// Entries are sorted by path in byte order and nothing about the build machine (times, owners) is kept, so the
/// same files give the same source.
struct FileEmbedding {
    let type: String
    let root: URL
    let paths: [String]
    let exclusions: [String]

    init(options: GeneratorOptions) throws {
        type = try options.required("type", options.type)
        root = URL(fileURLWithPath: try options.required("root", options.root), isDirectory: true)
        paths = options.paths
        exclusions = options.exclusions
    }

    func render() throws -> String {
        let sorted = Set(paths).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var lines = [
            "// Generated at build time by EmbedGenerator (Plugins/EmbedFiles) from \(root.lastPathComponent)/. Do not edit.",
            "",
            "/// The files of `\(root.lastPathComponent)/` built into the executable, sorted by path (byte order).",
            "public enum \(type) {",
            "    public struct Entry: Sendable {",
            "        /// Relative to the folder, `/`-separated; a directory's path ends with `/`.",
            "        public let path: String",
            "        public let executable: Bool",
            "        /// The file's bytes as base64; nil for a directory.",
            "        public let base64: String?",
            "    }",
            "",
            "    /// The name patterns left out when the files were collected (as `DeterministicZip` leaves them out).",
            "    public static let exclusions: [String] = [\(exclusions.map(Self.literal).joined(separator: ", "))]",
            "",
            "    public static let entries: [Entry] = [",
        ]
        for path in sorted {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw GeneratorError("\(path): paths must be relative to the root, without '..'")
            }
            if path.hasSuffix("/") {
                lines.append("        Entry(path: \(Self.literal(path)), executable: true, base64: nil),")
                continue
            }
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw GeneratorError("cannot read \(url.path)") }
            let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0
            lines.append(
                "        Entry(path: \(Self.literal(path)), executable: \(mode & 0o111 != 0), base64: \(Self.literal(data.base64EncodedString()))),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// A Swift string literal for `text` (file names and base64 need no more than these escapes).
    static func literal(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += "\\u{\(String(scalar.value, radix: 16))}" } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return "\"\(escaped)\""
    }
}
