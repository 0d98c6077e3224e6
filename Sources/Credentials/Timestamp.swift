import Foundation

/// ISO 8601 / RFC 3339 times as written by STS, the AWS CLI SSO cache and `credential_process`:
/// `2024-05-01T12:00:00Z`, with or without fractional seconds, `+hh:mm` offsets, and the CLI's old `UTC` suffix.
enum Timestamp {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The parse strategy is lenient about fractional seconds and the `UTC` suffix but needs the `T` separator.
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed.replacingOccurrences(of: " ", with: "T"), strategy: .iso8601) { return date }
        return nil
    }
}
