import Foundation

/// The only place that writes to the terminal: results to stdout, diagnostics to stderr.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Pretty, key-sorted JSON so output is stable across runs.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // swift-corelibs-foundation pretty-prints an empty array or object as `[\n\n]`; JSON's own text is `[]`.
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        print(text.replacing(/\[\n\s*\n\s*\]/, with: "[]").replacing(/\{\n\s*\n\s*\}/, with: "{}"))
    }
}
