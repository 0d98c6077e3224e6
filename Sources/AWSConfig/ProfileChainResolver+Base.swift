import Foundation

/// The first link of a chain: what a profile provides without assuming a role first.
extension ProfileChainResolver {
    /// In smithy-rs order: credential_source, web identity, IAM Identity Center, credential_process, static keys.
    static func baseSource(_ profile: Profile, config: SharedConfig, via: [String]) throws -> BaseCredentialSource {
        func failure(_ reason: ProfileResolutionError.Reason) -> ProfileResolutionError {
            ProfileResolutionError(profile: profile.name, reason: reason, via: via)
        }
        if let source = profile["credential_source"] {
            guard credentialSources.contains(source) else { throw failure(.unsupportedCredentialSource(source)) }
            return .namedSource(name: source, profile: profile.name)
        }
        if let tokenFile = profile["web_identity_token_file"] {
            guard let roleArn = profile["role_arn"] else {
                throw failure(.missingKey("role_arn", because: "web_identity_token_file"))
            }
            return .webIdentity(
                WebIdentity(profile: profile.name, roleArn: roleArn, tokenFile: tokenFile, sessionName: profile["role_session_name"]))
        }
        if let sso = try singleSignOn(profile, config: config, failure: failure) {
            return .sso(sso)
        }
        if let command = profile["credential_process"] {
            return .credentialProcess(command: command, profile: profile.name)
        }
        return .accessKey(try staticKeys(profile, failure: failure))
    }

    /// Keys usable on their own, or nil when any is missing (then the profile's other settings apply).
    static func completeStaticKeys(_ profile: Profile) -> StaticKeys? {
        try? staticKeys(profile) { ProfileResolutionError(profile: profile.name, reason: $0) }
    }

    private static func staticKeys(
        _ profile: Profile, failure: (ProfileResolutionError.Reason) -> ProfileResolutionError
    ) throws -> StaticKeys {
        let accessKey = profile["aws_access_key_id"]
        let secretKey = profile["aws_secret_access_key"]
        let token = profile["aws_session_token"]
        guard accessKey != nil || secretKey != nil || token != nil else { throw failure(.noCredentials) }
        let present = accessKey != nil ? "aws_access_key_id" : (secretKey != nil ? "aws_secret_access_key" : "aws_session_token")
        guard let accessKey else { throw failure(.missingKey("aws_access_key_id", because: present)) }
        guard let secretKey else { throw failure(.missingKey("aws_secret_access_key", because: present)) }
        return StaticKeys(
            profile: profile.name, accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token,
            accountId: profile["aws_account_id"])
    }

    /// `sso_session` + `[sso-session]` (start URL and region live in the session), or the legacy form with
    /// everything in the profile. nil when the profile has no SSO keys at all.
    private static func singleSignOn(
        _ profile: Profile, config: SharedConfig, failure: (ProfileResolutionError.Reason) -> ProfileResolutionError
    ) throws -> SingleSignOn? {
        let keys = ["sso_account_id", "sso_region", "sso_role_name", "sso_start_url", "sso_session"]
        guard keys.contains(where: { profile[$0] != nil }) else { return nil }
        var startURL = profile["sso_start_url"]
        var region = profile["sso_region"]
        let sessionName = profile["sso_session"]
        if let sessionName {
            guard let session = config.ssoSessions[sessionName] else {
                let close = NameSuggestions.closest(to: sessionName, among: config.ssoSessions.keys)
                throw failure(.missingSsoSession(sessionName, didYouMean: close))
            }
            // smithy-rs rejects these keys next to sso_session; botocore accepts them when they agree with the
            // session. Accepting agreement and rejecting conflict satisfies both.
            for (key, value) in [("sso_start_url", startURL), ("sso_region", region)] where value != nil && value != session[key] {
                throw failure(.ssoKeyBelongsInSession(key: key, session: sessionName))
            }
            startURL = session["sso_start_url"]
            region = session["sso_region"]
        }
        let accountId = profile["sso_account_id"]
        let roleName = profile["sso_role_name"]
        if accountId != nil, roleName == nil { throw failure(.ssoKeysIncomplete(set: "sso_account_id", missing: "sso_role_name")) }
        if roleName != nil, accountId == nil { throw failure(.ssoKeysIncomplete(set: "sso_role_name", missing: "sso_account_id")) }
        guard let region else { throw failure(.missingSsoKey("sso_region", session: sessionName)) }
        guard let startURL else { throw failure(.missingSsoKey("sso_start_url", session: sessionName)) }
        return SingleSignOn(
            profile: profile.name, sessionName: sessionName, startURL: startURL, region: region, accountId: accountId,
            roleName: roleName)
    }
}
