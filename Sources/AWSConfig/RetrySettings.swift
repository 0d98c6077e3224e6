import Foundation

/// `retry_mode` and `max_attempts`, from the environment (which wins) or the profile.
public struct RetrySettings: Sendable, Equatable {
    /// `standard` (the default), `adaptive` (standard plus a client-side rate limiter after throttling) or `legacy`
    /// (botocore's older rules: 5 attempts, no retry quota, uncapped backoff).
    public enum Mode: String, Sendable, CaseIterable {
        case legacy, standard, adaptive
    }

    public static let defaultMode = Mode.standard
    /// Attempts including the first one (standard mode's default).
    public static let defaultMaxAttempts = 3
    /// Legacy mode's default (botocore `_retry.json`: 4 retries).
    public static let legacyDefaultMaxAttempts = 5

    public var mode: Mode
    public var maxAttempts: Int

    public init(mode: Mode = RetrySettings.defaultMode, maxAttempts: Int = RetrySettings.defaultMaxAttempts) {
        self.mode = mode
        self.maxAttempts = maxAttempts
    }

    /// `AWS_RETRY_MODE` > profile `retry_mode` > standard; `AWS_MAX_ATTEMPTS` > profile `max_attempts` > 3 (5 in legacy).
    /// Invalid values are errors naming the variable or profile key, as botocore does.
    public static func resolve(environment: EnvironmentVariables, profile: Profile?) throws -> RetrySettings {
        var settings = RetrySettings()
        if let (text, setting) = lookup("AWS_RETRY_MODE", "retry_mode", environment, profile) {
            guard let mode = Mode(rawValue: text) else {
                let allowed = Mode.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationValueError(setting: setting, value: text, expected: "one of \(allowed)")
            }
            settings.mode = mode
            if mode == .legacy { settings.maxAttempts = legacyDefaultMaxAttempts }
        }
        if let (text, setting) = lookup("AWS_MAX_ATTEMPTS", "max_attempts", environment, profile) {
            guard let attempts = Int(text.trimmingCharacters(in: .whitespaces)), attempts > 0 else {
                throw ConfigurationValueError(
                    setting: setting, value: text, expected: "a whole number greater than 0 (attempts including the first)")
            }
            settings.maxAttempts = attempts
        }
        return settings
    }

    private static func lookup(
        _ variable: String, _ key: String, _ environment: EnvironmentVariables, _ profile: Profile?
    ) -> (String, String)? {
        if let text = environment[variable] { return (text, variable) }
        if let profile, let text = profile[key] { return (text, ConfigurationValueError.profileKey(profile, key)) }
        return nil
    }
}
