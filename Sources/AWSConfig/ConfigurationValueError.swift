import Foundation

/// A setting whose value is not allowed, e.g. `AWS_MAX_ATTEMPTS = '0'` or a profile's `endpoint_url`.
/// Only used for settings that never hold secrets, so the value is shown.
public struct ConfigurationValueError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Where the value came from: `AWS_MAX_ATTEMPTS`, `profile 'dev' max_attempts`, `[services x] s3.endpoint_url`.
    public var setting: String
    public var value: String
    /// What would be accepted, e.g. `one of legacy, standard, adaptive`.
    public var expected: String

    public init(setting: String, value: String, expected: String) {
        self.setting = setting
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "\(setting) = '\(value)' is invalid; expected \(expected)"
    }

    /// Where a profile key lives, for `setting`.
    static func profileKey(_ profile: Profile, _ key: String) -> String {
        "profile '\(profile.name)' \(key)"
    }

    /// `true`/`false` in any case, as smithy-rs accepts; anything else is an error rather than a silent false.
    static func parseBool(_ text: String, setting: String) throws -> Bool {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ConfigurationValueError(setting: setting, value: text, expected: "true or false")
        }
    }
}
