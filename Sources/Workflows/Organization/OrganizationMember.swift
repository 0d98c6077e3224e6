import Topology

/// One member account a stage role targets, and the unit (OU, or the root for a listed account) it is reached through.
public struct OrganizationMember: Sendable, Hashable, Codable {
    public let stage: Stage
    public let account: String
    /// The OU of the topology's target that holds the account (directly or below), or the root id for a listed account.
    public let unit: String
    /// Whether the account is in a targeted OU (auto-deployment covers it) rather than listed by id.
    public let viaOrganizationalUnit: Bool
}
