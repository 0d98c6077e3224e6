import AWSConfig
import Foundation

// Every message in one place so that the wording stays uniform: "<origin>: <what happened>; <fix>".
// None of these take a secret as a parameter, which is what keeps secrets out of error text.
extension CredentialError {
    static func environmentKeyMissing(_ variable: String, profile: String?) -> CredentialError {
        let origin: CredentialOrigin = profile.map { .profile($0) } ?? .environment
        let prefix = profile.map { "profile '\($0)' uses credential_source = Environment but" } ?? "environment variables:"
        return CredentialError(
            .environmentKeysMissing, origin: origin,
            message: "\(prefix) \(variable) is not set; export both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    }

    static func unsupportedCredentialSource(_ name: String, profile: String) -> CredentialError {
        let known = ["Ec2InstanceMetadata", "EcsContainer"].contains(name)
        let what = known
            ? "credential_source = \(name) is not supported by mlopsctl"
            : "credential_source = '\(name)' is not a recognised value"
        return CredentialError(
            .unsupportedCredentialSource, origin: .profile(profile),
            message: "profile '\(profile)': \(what); use credential_source = Environment or a source_profile")
    }

    static func mfaCodeRequired(profile: String, serial: String) -> CredentialError {
        CredentialError(
            .mfaCodeRequired, origin: .profile(profile),
            message: "profile '\(profile)' needs an MFA code for \(serial) but stdin is not a terminal; "
                + "run mlopsctl interactively so it can prompt for the code")
    }

    static func mfaCodeNotEntered(profile: String, serial: String) -> CredentialError {
        CredentialError(
            .mfaCodeRequired, origin: .profile(profile),
            message: "profile '\(profile)': no MFA code for \(serial) was entered within \(TerminalMFACodePrompt.answerLimit.messageText); "
                + "run mlopsctl again and enter the current code from the device")
    }

    static func invalidMFACode(profile: String, serial: String) -> CredentialError {
        CredentialError(
            .invalidMFACode, origin: .profile(profile),
            message: "profile '\(profile)': the MFA code for \(serial) must be exactly 6 digits; enter the current code from the device")
    }

    static func roleAssumptionFailed(_ step: RoleAssumption, underlying: any Error) -> CredentialError {
        CredentialError(
            .roleAssumptionFailed, origin: .profile(step.profile),
            message: "profile '\(step.profile)': assuming role \(step.roleArn) failed: \(summary(of: underlying)); "
                + "check that the source credentials are allowed to call sts:AssumeRole on it")
    }

    static func webIdentityAssumptionFailed(_ origin: CredentialOrigin, roleArn: String, underlying: any Error) -> CredentialError {
        CredentialError(
            .roleAssumptionFailed, origin: origin,
            message: "\(origin): AssumeRoleWithWebIdentity for \(roleArn) failed: \(summary(of: underlying)); "
                + "check the role's trust policy accepts this token's issuer and audience")
    }

    static func webIdentityTokenUnreadable(_ origin: CredentialOrigin, file: String, empty: Bool) -> CredentialError {
        let setting = origin == .environment ? "AWS_WEB_IDENTITY_TOKEN_FILE" : "web_identity_token_file"
        let problem = empty ? "is empty" : "cannot be read"
        return CredentialError(
            .webIdentityTokenUnreadable, origin: origin,
            message: "\(origin): \(setting) '\(file)' \(problem); check that the file exists and holds the token")
    }

    static func webIdentityRoleMissing() -> CredentialError {
        CredentialError(
            .webIdentityConfigIncomplete, origin: .environment,
            message: "environment variables: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; export AWS_ROLE_ARN too")
    }

    static func ssoSettingMissing(_ key: String, profile: String) -> CredentialError {
        CredentialError(
            .ssoConfigIncomplete, origin: .profile(profile),
            message: "profile '\(profile)' uses IAM Identity Center but has no \(key); add \(key) to the profile")
    }

    static func ssoTokenMissing(_ sso: SingleSignOn, cacheFile: URL) -> CredentialError {
        CredentialError(
            .ssoTokenMissing, origin: .profile(sso.profile),
            message: "profile '\(sso.profile)': no cached SSO token for \(sso.tokenSubject) (\(cacheFile.path)); "
                + "run `\(sso.loginCommand)`")
    }

    static func ssoTokenExpired(_ sso: SingleSignOn, expiredAt: Date) -> CredentialError {
        let when = expiredAt.formatted(.iso8601)
        return CredentialError(
            .ssoTokenExpired, origin: .profile(sso.profile),
            message: "profile '\(sso.profile)': the SSO token for \(sso.tokenSubject) expired at \(when); run `\(sso.loginCommand)`")
    }

    static func ssoTokenInvalid(_ sso: SingleSignOn, cacheFile: URL, problem: String) -> CredentialError {
        CredentialError(
            .ssoTokenInvalid, origin: .profile(sso.profile),
            message: "profile '\(sso.profile)': the cached SSO token \(cacheFile.path) \(problem); run `\(sso.loginCommand)` to renew it")
    }

    static func ssoRoleCredentialsFailed(_ sso: SingleSignOn, accountId: String, roleName: String, underlying: any Error)
        -> CredentialError
    {
        CredentialError(
            .ssoRoleCredentialsFailed, origin: .profile(sso.profile),
            message: "profile '\(sso.profile)': SSO GetRoleCredentials for account \(accountId) role \(roleName) failed: "
                + "\(summary(of: underlying)); run `\(sso.loginCommand)` if the session was revoked")
    }

    /// The command as configured, quoted and bounded: it comes from the user's own config file (not a secret the
    /// helper returned), and naming it is what tells which helper to fix.
    static func quoted(command: String) -> String {
        let oneLine = command.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (oneLine.count > 160 ? String(oneLine.prefix(160)) + "…" : oneLine) + "\""
    }

    static func credentialProcessFailed(profile: String, command: String, problem: String) -> CredentialError {
        CredentialError(
            .credentialProcessFailed, origin: .profile(profile),
            message: "profile '\(profile)': credential_process \(quoted(command: command)) \(problem); run the command yourself to see why")
    }

    static func credentialProcessTimedOut(profile: String, command: String, timeout: Duration) -> CredentialError {
        CredentialError(
            .credentialProcessTimedOut, origin: .profile(profile),
            message: "profile '\(profile)': credential_process \(quoted(command: command)) did not finish within \(timeout.messageText) "
                + "(stopped); fix the helper (it must not wait for input) or raise \(CredentialTimeLimit.optionAndVariable)")
    }

    static func credentialProcessOutputTooLarge(profile: String, command: String, limit: Int) -> CredentialError {
        CredentialError(
            .credentialProcessOutputInvalid, origin: .profile(profile),
            message: "profile '\(profile)': credential_process \(quoted(command: command)) printed more than \(limit / 1024) KiB "
                + "(stopped); it must print one small JSON document")
    }

    static func credentialProcessOutputInvalid(profile: String, command: String, problem: String) -> CredentialError {
        CredentialError(
            .credentialProcessOutputInvalid, origin: .profile(profile),
            message: "profile '\(profile)': the output of credential_process \(quoted(command: command)) \(problem); it must print JSON with "
                + "\"Version\": 1, \"AccessKeyId\", \"SecretAccessKey\" and optional \"SessionToken\", \"Expiration\"")
    }

    static func credentialProcessExpired(profile: String, command: String, expiredAt: Date) -> CredentialError {
        CredentialError(
            .credentialProcessExpired, origin: .profile(profile),
            message: "profile '\(profile)': credential_process \(quoted(command: command)) returned credentials that expired at "
                + "\(expiredAt.formatted(.iso8601)); renew the helper's own login (or its cache) and try again")
    }

    static func credentialSourceTimedOut(profile: String, what: String, timeout: Duration) -> CredentialError {
        CredentialError(
            .credentialSourceTimedOut, origin: .profile(profile),
            message: "profile '\(profile)': \(what) did not finish within \(timeout.messageText) (stopped); check the network and "
                + "the endpoint, or raise \(CredentialTimeLimit.optionAndVariable)")
    }

    static func profileNotFound(_ profile: String) -> CredentialError {
        CredentialError(
            .profileNotFound, origin: .profile(profile),
            message: "profile '\(profile)' does not provide credentials; check the name or run `aws configure --profile \(profile)`")
    }

    static func noCredentials(profile: String) -> CredentialError {
        CredentialError(
            .noCredentials, origin: .profile(profile),
            message: "no AWS credentials: AWS_ACCESS_KEY_ID is not set and profile '\(profile)' does not provide credentials; "
                + "give the profile keys (`aws configure --profile \(profile)`), or name another profile in the topology")
    }
}

extension Duration {
    /// The duration as a `TimeInterval`, for arithmetic with `Date`.
    var timeInterval: TimeInterval { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// Seconds for messages: "60 s", "0.3 s".
    var messageText: String {
        let seconds = timeInterval
        return seconds == seconds.rounded() ? "\(Int64(seconds)) s" : "\((seconds * 10).rounded() / 10) s"
    }
}
