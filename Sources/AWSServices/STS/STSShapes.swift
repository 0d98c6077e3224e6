import Foundation

/// Who the credentials belong to (STS GetCallerIdentity).
public struct CallerIdentity: Sendable, Equatable {
    /// The 12-digit account id.
    public var account: String
    /// `arn:aws:iam::111111111111:user/cli` or `arn:aws:sts::…:assumed-role/Role/session`.
    public var arn: String
    /// `AIDA…` for users, `AROA…:session` for assumed roles.
    public var userId: String

    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}

/// The inputs of STS AssumeRole that mlopsctl sends.
public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleArn: String
    public var roleSessionName: String
    public var externalId: String?
    /// 900…43200; nil lets STS use its default of 3600.
    public var durationSeconds: Int?
    /// The MFA device (`mfa_serial`), sent with `tokenCode`.
    public var serialNumber: String?
    public var tokenCode: String?

    public init(
        roleArn: String, roleSessionName: String, externalId: String? = nil, durationSeconds: Int? = nil, serialNumber: String? = nil,
        tokenCode: String? = nil
    ) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

/// The inputs of STS AssumeRoleWithWebIdentity. `description` leaves the token out.
public struct AssumeRoleWithWebIdentityRequest: Sendable, Equatable, CustomStringConvertible {
    public var roleArn: String
    public var roleSessionName: String
    /// The OIDC token (a secret).
    public var webIdentityToken: String
    public var durationSeconds: Int?

    public init(roleArn: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.webIdentityToken = webIdentityToken
        self.durationSeconds = durationSeconds
    }

    public var description: String {
        "AssumeRoleWithWebIdentityRequest(roleArn: \(roleArn), roleSessionName: \(roleSessionName), webIdentityToken: <redacted>)"
    }
}
