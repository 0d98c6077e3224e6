/// Where one stage role is deployed through the organization: the member accounts of these OUs (or of the whole
/// organization, for a root id) and these single accounts each get that role's bootstrap stack.
public struct OrganizationTarget: Sendable, Equatable, Hashable {
    /// dev, preprod or prod; governance is the one shared account of `stages:` and is never a target.
    public var stage: Stage
    /// Organizational unit ids (`ou-ab12-cd34ef56`) or root ids (`r-ab12`), in file order.
    public var organizationalUnits: [String]
    /// 12-digit account ids, in file order.
    public var accounts: [String]

    public init(stage: Stage, organizationalUnits: [String] = [], accounts: [String] = []) {
        self.stage = stage
        self.organizationalUnits = organizationalUnits
        self.accounts = accounts
    }

    /// The stage roles a target may have.
    public static let stages: [Stage] = [.dev, .preprod, .prod]
}
