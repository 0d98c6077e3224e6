/// The optional `organization:` section: stage roles fanned out to member accounts through CloudFormation StackSets
/// with service-managed permissions, driven from the management account or a delegated administrator.
public struct OrganizationSettings: Sendable, Equatable {
    /// The role AWS Organizations creates in every account it creates.
    public static let defaultAccessRole = "OrganizationAccountAccessRole"

    /// The management or delegated-administrator profile.
    public var profile: String
    /// The role assumed in member accounts (`arn:<partition>:iam::<account>:role/<accessRole>`).
    public var accessRole: String
    /// Never empty once loaded: `regions:`, else the top-level region, else the governance stage's region.
    public var regions: [String]
    /// Whether StackSets deploys to accounts added to a target OU later (and removes from accounts that leave).
    public var autoDeployment: Bool
    /// With auto-deployment, whether an account leaving the OU keeps its stack.
    public var retainStacksOnAccountRemoval: Bool
    public var preferences: StackSetPreferences
    /// In `Stage` order; only dev, preprod and prod, each at most once.
    public var targets: [OrganizationTarget]

    public init(
        profile: String, accessRole: String = OrganizationSettings.defaultAccessRole, regions: [String],
        autoDeployment: Bool = true, retainStacksOnAccountRemoval: Bool = false,
        preferences: StackSetPreferences = .defaults, targets: [OrganizationTarget]
    ) {
        self.profile = profile
        self.accessRole = accessRole
        self.regions = regions
        self.autoDeployment = autoDeployment
        self.retainStacksOnAccountRemoval = retainStacksOnAccountRemoval
        self.preferences = preferences
        self.targets = targets.sorted { $0.stage < $1.stage }
    }

    /// The target of `stage`, or nil when the organization does not deploy that role.
    public func target(_ stage: Stage) -> OrganizationTarget? {
        targets.first { $0.stage == stage }
    }
}
