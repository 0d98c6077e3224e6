import Foundation

/// How credentials for a profile are obtained, without touching the network: one base source,
/// then zero or more role assumptions applied in order (the shape of the cross-SDK
/// `assume-role-tests.json` conformance data).
public struct ProfileChain: Sendable, Equatable {
    public var base: BaseCredentialSource
    public var roles: [RoleAssumption]

    public init(base: BaseCredentialSource, roles: [RoleAssumption] = []) {
        self.base = base
        self.roles = roles
    }
}

/// The first link of a profile chain.
public enum BaseCredentialSource: Sendable, Equatable {
    /// Keys written in a profile (`aws_access_key_id`, …). `profile` names where they came from.
    case accessKey(StaticKeys)
    /// `credential_source = Environment | Ec2InstanceMetadata | EcsContainer`.
    case namedSource(name: String, profile: String)
    /// `web_identity_token_file` + `role_arn` in a profile.
    case webIdentity(WebIdentity)
    /// IAM Identity Center, with an `sso_session` or the legacy in-profile `sso_start_url`.
    case sso(SingleSignOn)
    /// `credential_process`.
    case credentialProcess(command: String, profile: String)
}

public struct StaticKeys: Sendable, Equatable {
    public var profile: String
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var accountId: String?

    public init(profile: String, accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, accountId: String? = nil) {
        self.profile = profile
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.accountId = accountId
    }
}

public struct WebIdentity: Sendable, Equatable {
    public var profile: String
    public var roleArn: String
    public var tokenFile: String
    public var sessionName: String?

    public init(profile: String, roleArn: String, tokenFile: String, sessionName: String? = nil) {
        self.profile = profile
        self.roleArn = roleArn
        self.tokenFile = tokenFile
        self.sessionName = sessionName
    }
}

public struct SingleSignOn: Sendable, Equatable {
    public var profile: String
    /// Name of the `[sso-session NAME]` section; nil for the legacy form.
    public var sessionName: String?
    public var startURL: String
    public var region: String
    public var accountId: String?
    public var roleName: String?

    public init(profile: String, sessionName: String?, startURL: String, region: String, accountId: String?, roleName: String?) {
        self.profile = profile
        self.sessionName = sessionName
        self.startURL = startURL
        self.region = region
        self.accountId = accountId
        self.roleName = roleName
    }
}

/// One `role_arn` step of a chain.
public struct RoleAssumption: Sendable, Equatable {
    /// The profile that declared `role_arn`; its endpoint and region settings are used for the STS call.
    public var profile: String
    public var roleArn: String
    public var externalId: String?
    public var sessionName: String?
    public var mfaSerial: String?
    public var durationSeconds: Int?

    public init(
        profile: String, roleArn: String, externalId: String? = nil, sessionName: String? = nil, mfaSerial: String? = nil,
        durationSeconds: Int? = nil
    ) {
        self.profile = profile
        self.roleArn = roleArn
        self.externalId = externalId
        self.sessionName = sessionName
        self.mfaSerial = mfaSerial
        self.durationSeconds = durationSeconds
    }
}
