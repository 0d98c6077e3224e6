import Foundation

/// A malformed line in a shared config or credentials file.
public struct ConfigParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as shown to the user (e.g. `~/.aws/config`).
    public var path: String
    /// 1-based line number.
    public var line: Int
    /// What the parser expected, e.g. `'[section]' or 'key = value'`.
    public var expected: String
    /// A safe rendering of what was found (see `ConfigParseError.redacted`).
    public var found: String

    public init(path: String, line: Int, expected: String, found: String) {
        self.path = path
        self.line = line
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(path) line \(line): expected \(expected), found \(found)"
    }

    /// Renders the start of a bad line without risking a secret: a malformed
    /// `aws_secret_access_key: …` line must not echo the key, so only the leading word is shown,
    /// and only when it does not look like key material (long mixed-case alphanumerics).
    static func redacted(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = trimmed.unicodeScalars.prefix { !" \t=:".unicodeScalars.contains($0) }
        let wordText = String(String.UnicodeScalarView(word))
        let rest = trimmed.unicodeScalars.count > word.count
        if wordText.isEmpty {
            let head = trimmed.unicodeScalars.first.map { String($0) } ?? ""
            return head.isEmpty ? "an empty line" : "'\(head)…'"
        }
        if looksLikeKeyMaterial(wordText) {
            return "a line of \(trimmed.count) characters (not shown: it may hold a secret)"
        }
        return rest ? "'\(wordText)…'" : "'\(wordText)'"
    }

    private static func looksLikeKeyMaterial(_ word: String) -> Bool {
        if word.count > 40 { return true }
        let hasUpper = word.contains { $0.isUppercase }
        let hasLower = word.contains { $0.isLowercase }
        let hasDigit = word.contains { $0.isNumber }
        return word.count >= 16 && hasUpper && hasLower && hasDigit
    }
}

/// A config or credentials file that exists but cannot be read (permission denied, a directory,
/// not UTF-8). A missing file is not an error: the SDKs treat it as empty.
public struct ConfigFileAccessError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot read \(path): \(reason); fix its permissions or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere"
    }
}
