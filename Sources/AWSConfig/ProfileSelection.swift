import Foundation

/// Which profile a command uses: an explicit name (`--profile`), else `AWS_PROFILE`, else the legacy
/// `AWS_DEFAULT_PROFILE`, else `default`.
public struct ProfileSelection: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// Passed by the caller; botocore then skips the environment-variable credentials provider.
        case explicit
        /// Read from the named environment variable.
        case environment(String)
        /// Nothing chose a profile.
        case defaultProfile
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    public static func select(explicit: String? = nil, environment: EnvironmentVariables) -> ProfileSelection {
        if let explicit, !explicit.isEmpty { return ProfileSelection(name: explicit, source: .explicit) }
        for variable in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] {
            if let name = environment[variable] { return ProfileSelection(name: name, source: .environment(variable)) }
        }
        return ProfileSelection(name: "default", source: .defaultProfile)
    }
}
