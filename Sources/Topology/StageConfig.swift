/// The fully resolved settings of one stage: its account, the shared-config profile to reach it,
/// and its region (the stage's own `region`, else the file's top-level one).
public struct StageConfig: Sendable, Equatable, Hashable {
    public var stage: Stage
    /// A 12-digit AWS account id, kept as text so leading zeros survive.
    public var account: String
    /// A profile name from the AWS shared config/credentials files. For a stage reached through the organization,
    /// the organization's profile, whose credentials assume `organizationRole` in `account`.
    public var profile: String
    /// The resolved region, e.g. `us-east-1`.
    public var region: String
    /// The role assumed in `account` with `profile`'s credentials, for a stage written without a profile of its own
    /// in a topology with an `organization:` section; nil when `profile` reaches the account by itself.
    public var organizationRole: String?

    public init(stage: Stage, account: String, profile: String, region: String, organizationRole: String? = nil) {
        self.stage = stage
        self.account = account
        self.profile = profile
        self.region = region
        self.organizationRole = organizationRole
    }
}
