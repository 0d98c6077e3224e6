import Foundation

/// One `[header]` occurrence and the properties written under it, before section names are validated.
/// Values are raw: a continued value is joined with `\n`, and a sub-property block starts with `\n`.
struct RawSection: Equatable {
    var header: String
    var line: Int
    var keys: [String] = []
    var values: [String: String] = [:]

    mutating func set(_ key: String, _ value: String) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
    }
}

/// Line-level reader for the AWS shared config/credentials format, following the smithy-rs parser
/// (the reference for the cross-SDK `profile-parser-tests.json`). It accepts anything well-formed at the
/// line level; `SharedConfig` later drops invalid section and key names, as the SDKs do.
enum ConfigFileParser {
    typealias Scalars = Substring.UnicodeScalarView

    static func parse(_ text: String, path: String) throws -> [RawSection] {
        var parser = State(path: path)
        for (index, line) in lines(of: text).enumerated() {
            try parser.read(line, number: index + 1)
        }
        return parser.sections
    }

    /// Splits on `\n` and drops one trailing `\r`, working on scalars because Swift treats `\r\n` as one Character.
    static func lines(of text: String) -> [Scalars] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }  // a BOM from Windows editors
        return scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    private struct State {
        let path: String
        var sections: [RawSection] = []
        /// The key that indented lines continue, and whether it opened a sub-property block (`key =` + indent).
        var property: (key: String, isSubProperty: Bool)?

        init(path: String) { self.path = path }

        mutating func read(_ line: Scalars, number: Int) throws {
            // A NUL byte makes no sense in a text file and splits names and values differently in other tools: the
            // file is damaged, and guessing what it meant could send calls to the wrong profile or endpoint.
            if line.contains("\u{0}") { throw error(number, expected: "text", found: "a NUL byte (the file looks damaged)") }
            guard let first = line.first, !isBlank(line), first != "#", first != ";" else { return }
            if first == "[" {
                try readHeader(line, number: number)
            } else if isSpaceOrTab(first) {
                try readContinuation(line, number: number)
            } else {
                try readProperty(line, number: number)
            }
        }

        private mutating func readHeader(_ line: Scalars, number: Int) throws {
            // Comments may touch the closing bracket: `[profile foo]; note`.
            let prepared = prepareLine(line, commentsNeedWhitespace: false)
            guard prepared.last == "]" else {
                let shown = String(String(Substring(prepared)).prefix(80))
                throw error(number, expected: "']' closing the section header", found: "'\(shown)'")
            }
            let inner = prepared.dropFirst().dropLast()
            sections.append(RawSection(header: String(Substring(inner)), line: number))
            property = nil
        }

        private mutating func readProperty(_ line: Scalars, number: Int) throws {
            guard !sections.isEmpty else {
                throw error(number, expected: "a '[section]' header before the first 'key = value'", found: redacted(line))
            }
            let (key, value) = try splitProperty(line, number: number, context: nil)
            sections[sections.count - 1].set(key, value)
            property = (key, value.isEmpty)
        }

        private mutating func readContinuation(_ line: Scalars, number: Int) throws {
            guard !sections.isEmpty else {
                throw error(number, expected: "a '[section]' header before indented lines", found: "an indented line")
            }
            guard let property else {
                throw error(number, expected: "'key = value' before an indented continuation line", found: "an indented line")
            }
            if property.isSubProperty {
                _ = try splitProperty(line, number: number, context: property.key)
            }
            let index = sections.count - 1
            let previous = sections[index].values[property.key] ?? ""
            sections[index].set(property.key, previous + "\n" + String(Substring(trimSpaceAndTab(line))))
        }

        /// `key = value` with the key ASCII-lower-cased (sub-property names keep their case later on).
        private func splitProperty(_ line: Scalars, number: Int, context: String?) throws -> (String, String) {
            let prepared = prepareLine(line, commentsNeedWhitespace: true)
            let what = context.map { "a sub-property of '\($0)'" } ?? "a property"
            guard let equals = prepared.firstIndex(of: "=") else {
                let expected = context == nil ? "'[section]' or 'key = value'" : "'name = value' as \(what)"
                throw error(number, expected: expected, found: redacted(line))
            }
            let key = trimSpaceAndTab(prepared[..<equals])
            let value = trimSpaceAndTab(prepared[prepared.index(after: equals)...])
            guard !key.isEmpty else {
                throw error(number, expected: "a name before '=' in \(what)", found: redacted(line))
            }
            return (asciiLowercased(key), String(Substring(value)))
        }

        private func error(_ line: Int, expected: String, found: String) -> ConfigParseError {
            ConfigParseError(path: path, line: line, expected: expected, found: found)
        }

        private func redacted(_ line: Scalars) -> String {
            ConfigParseError.redacted(String(Substring(line)))
        }
    }
}

// MARK: - Scalar helpers (the format's whitespace is exactly space and tab)

extension ConfigFileParser {
    static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func isBlank(_ line: Scalars) -> Bool { line.allSatisfy(isSpaceOrTab) }

    static func trimSpaceAndTab(_ text: Scalars) -> Scalars {
        var result = text
        while let first = result.first, isSpaceOrTab(first) { result = result.dropFirst() }
        while let last = result.last, isSpaceOrTab(last) { result = result.dropLast() }
        return result
    }

    /// Trims and cuts a trailing `#`/`;` comment. In property lines a comment needs whitespace before it
    /// (`value#x` keeps the `#`); in section headers it does not.
    static func prepareLine(_ line: Scalars, commentsNeedWhitespace: Bool) -> Scalars {
        let trimmed = trimSpaceAndTab(line)
        var previousWasWhitespace = false
        for index in trimmed.indices {
            let scalar = trimmed[index]
            if (scalar == "#" || scalar == ";") && (previousWasWhitespace || !commentsNeedWhitespace) {
                return trimSpaceAndTab(trimmed[..<index])
            }
            previousWasWhitespace = scalar.properties.isWhitespace
        }
        return trimmed
    }

    static func asciiLowercased(_ text: Scalars) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text {
            if ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) {
                result.append(lower)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
