import Foundation

/// Turns a profile into its credential chain (a base source plus role assumptions) without any I/O,
/// following smithy-rs `repr.rs`, the reference for the cross-SDK `assume-role-tests.json`:
/// - the selected profile's `role_arn` wins over its own static keys;
/// - past the first link, complete static keys in a source profile win over that profile's `role_arn`;
/// - `source_profile` naming the profile itself means "its own keys, then its role";
/// - revisiting any other profile is a cycle.
public enum ProfileChainResolver {
    /// Values allowed for `credential_source`.
    public static let credentialSources = ["Environment", "Ec2InstanceMetadata", "EcsContainer"]
    /// STS accepts 15 minutes to 12 hours for `duration_seconds`.
    public static let durationRange = 900...43200

    public static func resolve(profile selected: String, in config: SharedConfig) throws -> ProfileChain {
        var visited: [String] = []
        var roles: [RoleAssumption] = []
        var name = selected
        while true {
            guard let profile = config.profile(named: name) else {
                throw missingProfile(name, referrer: visited, config: config)
            }
            if visited.contains(name) {
                throw ProfileResolutionError(profile: selected, reason: .cycle(visited + [name]))
            }
            let via = visited
            visited.append(name)
            if visited.count > 1, let keys = completeStaticKeys(profile) {
                return ProfileChain(base: .accessKey(keys), roles: roles.reversed())
            }
            guard let role = try roleAssumption(profile, via: via) else {
                return ProfileChain(base: try baseSource(profile, config: config, via: via), roles: roles.reversed())
            }
            roles.append(role)
            switch (profile["source_profile"], profile["credential_source"]) {
            case (_?, _?):
                throw ProfileResolutionError(profile: name, reason: .sourceProfileAndCredentialSource, via: via)
            case (nil, nil):
                throw ProfileResolutionError(profile: name, reason: .neitherSourceProfileNorCredentialSource, via: via)
            case (let source?, nil) where source != name:
                name = source
            default:
                // Self reference or credential_source: this profile also supplies the base credentials.
                return ProfileChain(base: try baseSource(profile, config: config, via: via), roles: roles.reversed())
            }
        }
    }

    private static func missingProfile(_ name: String, referrer visited: [String], config: SharedConfig) -> ProfileResolutionError {
        let close = NameSuggestions.closest(to: name, among: config.profiles.keys)
        guard let referrer = visited.last else {
            let available = Array(config.profiles.keys.sorted().prefix(8))
            return ProfileResolutionError(profile: name, reason: .unknownProfile(didYouMean: close, available: available))
        }
        return ProfileResolutionError(
            profile: referrer, reason: .missingSourceProfile(name, didYouMean: close), via: Array(visited.dropLast()))
    }

    /// The `role_arn` step of a profile, or nil when it has none (a web identity profile's `role_arn`
    /// belongs to its base source, not to a chained role).
    private static func roleAssumption(_ profile: Profile, via: [String]) throws -> RoleAssumption? {
        guard profile["web_identity_token_file"] == nil, let roleArn = profile["role_arn"] else { return nil }
        var duration: Int?
        if let text = profile["duration_seconds"] {
            guard let seconds = Int(text), durationRange.contains(seconds) else {
                throw ProfileResolutionError(profile: profile.name, reason: .invalidDurationSeconds(text), via: via)
            }
            duration = seconds
        }
        return RoleAssumption(
            profile: profile.name, roleArn: roleArn, externalId: profile["external_id"],
            sessionName: profile["role_session_name"], mfaSerial: profile["mfa_serial"], durationSeconds: duration)
    }
}
