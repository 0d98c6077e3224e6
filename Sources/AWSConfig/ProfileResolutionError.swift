import Foundation

/// Why a profile's credential chain cannot be built. `profile` is always the profile at fault, and the
/// description names it and says how to fix it. No value that could be a secret is ever included.
public struct ProfileResolutionError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The selected profile does not exist. `didYouMean` holds close names; `available` some existing ones.
        case unknownProfile(didYouMean: [String], available: [String])
        /// `source_profile` names a profile that does not exist.
        case missingSourceProfile(String, didYouMean: [String])
        case sourceProfileAndCredentialSource
        case neitherSourceProfileNorCredentialSource
        /// Profiles visited, ending with the one seen twice.
        case cycle([String])
        /// `key` is required because `because` is set.
        case missingKey(String, because: String)
        /// Nothing in the profile yields credentials.
        case noCredentials
        case unsupportedCredentialSource(String)
        case invalidDurationSeconds(String)
        /// An SSO key written in the profile that conflicts with its `[sso-session]`.
        case ssoKeyBelongsInSession(key: String, session: String)
        /// One of `sso_account_id` / `sso_role_name` without the other.
        case ssoKeysIncomplete(set: String, missing: String)
        case missingSsoSession(String, didYouMean: [String])
        /// `sso_region` or `sso_start_url` missing; `session` names the section it should be in, if any.
        case missingSsoKey(String, session: String?)
    }

    public var profile: String
    public var reason: Reason
    /// Profiles whose `source_profile` led to `profile`, outermost first.
    public var via: [String]

    public init(profile: String, reason: Reason, via: [String] = []) {
        self.profile = profile
        self.reason = reason
        self.via = via
    }

    public var description: String {
        var subject = "profile '\(profile)'"
        if !via.isEmpty { subject += " (reached via source_profile from \(via.map { "'\($0)'" }.joined(separator: " → ")))" }
        return "\(subject) \(detail)"
    }

    private var detail: String {
        switch reason {
        case .unknownProfile(let close, let available):
            if !close.isEmpty { return "does not exist; did you mean \(Self.list(close))?" }
            if available.isEmpty { return "does not exist and no profiles are defined; create it in ~/.aws/config" }
            return "does not exist; existing profiles: \(Self.list(available))"
        case .missingSourceProfile(let name, let close):
            let hint = close.isEmpty ? "define [profile \(name)]" : "did you mean \(Self.list(close))?"
            return "sets source_profile = '\(name)', but no profile '\(name)' exists; \(hint)"
        case .sourceProfileAndCredentialSource:
            return "sets role_arn with both source_profile and credential_source; keep exactly one"
        case .neitherSourceProfileNorCredentialSource:
            return "sets role_arn without source_profile or credential_source; add exactly one of them"
        case .cycle(let path):
            return "has a source_profile cycle \(path.joined(separator: " → ")); point one of them at a profile with credentials"
        case .missingKey(let key, let because):
            return "sets \(because) but not \(key); add \(key)"
        case .noCredentials:
            return "contains no credentials; add aws_access_key_id + aws_secret_access_key, role_arn with source_profile "
                + "or credential_source, sso_session, credential_process or web_identity_token_file"
        case .unsupportedCredentialSource(let value):
            return "sets credential_source = '\(value)'; expected one of \(ProfileChainResolver.credentialSources.joined(separator: ", "))"
        case .invalidDurationSeconds(let value):
            return "sets duration_seconds = '\(value)'; expected a whole number of seconds from "
                + "\(ProfileChainResolver.durationRange.lowerBound) to \(ProfileChainResolver.durationRange.upperBound)"
        case .ssoKeyBelongsInSession(let key, let session):
            return "sets \(key) next to sso_session = '\(session)' with a different value; keep \(key) only in [sso-session \(session)]"
        case .ssoKeysIncomplete(let set, let missing):
            return "sets \(set) but not \(missing); set both or neither"
        case .missingSsoSession(let name, let close):
            let hint = close.isEmpty ? "add [sso-session \(name)] to the config file" : "did you mean \(Self.list(close))?"
            return "sets sso_session = '\(name)', but there is no [sso-session \(name)] section; \(hint)"
        case .missingSsoKey(let key, let session):
            let place = session.map { "[sso-session \($0)]" } ?? "the profile"
            return "uses IAM Identity Center but \(key) is not set; add \(key) to \(place)"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
