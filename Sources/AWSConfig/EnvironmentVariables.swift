import Foundation

/// The process environment as an injected value, so every lookup is testable and nothing reads
/// `getenv` behind the caller's back.
public struct EnvironmentVariables: Sendable, Equatable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public static var current: EnvironmentVariables { EnvironmentVariables(ProcessInfo.processInfo.environment) }

    /// The value of `name`, or nil when unset or empty (the SDKs treat an empty variable as unset).
    public subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }
}
