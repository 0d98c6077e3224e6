/// A small JSON serializer with byte-stable output on every platform: keys sorted by their UTF-8 bytes,
/// two-space indentation (or none), `"key": value`, `/` and non-ASCII left as is, control characters
/// escaped. Written by hand because `JSONSerialization` differs between Darwin and Linux Foundation in
/// escaping and number formatting, and golden files must not.
struct JSONWriter {
    var pretty: Bool

    func write(_ node: JSONNode) -> String {
        var output = ""
        write(node, indent: 0, into: &output)
        return output
    }

    private func write(_ node: JSONNode, indent: Int, into output: inout String) {
        switch node {
        case .string(let text): Self.writeString(text, into: &output)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, into: &output)
                write(item, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, key) in Self.sortedKeys(members).enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, into: &output)
                Self.writeString(key, into: &output)
                output += pretty ? ": " : ":"
                write(members[key]!, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output += "}"
        }
    }

    private func newline(_ indent: Int, into output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Byte order of the UTF-8 encoding: the same on every platform and locale.
    static func sortedKeys(_ members: [String: JSONNode]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
