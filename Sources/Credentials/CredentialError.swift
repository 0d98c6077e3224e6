import Foundation

/// A credential source failed. `description` is one line that names the input (profile, file, variable) and the
/// fix; it never contains a secret (secret key, session token, SSO access token, web identity token, process output).
public struct CredentialError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for callers that branch on it (tests, the CLI's exit handling).
    public enum Kind: String, Sendable, Equatable {
        case environmentKeysMissing
        case unsupportedCredentialSource
        case mfaCodeRequired
        case invalidMFACode
        case roleAssumptionFailed
        case webIdentityTokenUnreadable
        case webIdentityConfigIncomplete
        case ssoConfigIncomplete
        case ssoTokenMissing
        case ssoTokenExpired
        case ssoTokenInvalid
        case ssoRoleCredentialsFailed
        case credentialProcessFailed
        case credentialProcessTimedOut
        case credentialProcessOutputInvalid
        case credentialProcessExpired
        case credentialSourceTimedOut
        case profileNotFound
        case noCredentials
    }

    public let kind: Kind
    /// Where the failing settings came from.
    public let origin: CredentialOrigin?
    /// The one-line, secret-free message.
    public let description: String

    public init(_ kind: Kind, origin: CredentialOrigin?, message: String) {
        self.kind = kind
        self.origin = origin
        // One line, always: callers print it after "Error: ".
        self.description = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension CredentialError {
    /// The first line of an underlying error, bounded, for wrapping errors of injected collaborators.
    static func summary(of error: any Error, limit: Int = 200) -> String {
        let text = String(describing: error)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return firstLine.count > limit ? String(firstLine.prefix(limit)) + "…" : firstLine
    }
}
