import Foundation

/// Where a provider's settings came from, used to name the input in error messages and descriptions.
public enum CredentialOrigin: Sendable, Equatable, CustomStringConvertible {
    /// A named profile of the shared config/credentials files.
    case profile(String)
    /// Process environment variables (`AWS_ACCESS_KEY_ID`, `AWS_WEB_IDENTITY_TOKEN_FILE`, …).
    case environment

    public var description: String {
        switch self {
        case .profile(let name): return "profile '\(name)'"
        case .environment: return "environment variables"
        }
    }

    /// The profile name, when there is one.
    public var profileName: String? {
        if case .profile(let name) = self { return name }
        return nil
    }
}
