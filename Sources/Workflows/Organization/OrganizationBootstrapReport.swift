/// Everything `bootstrap --org` reports: the organization, who acted, and each stack set's result.
public struct OrganizationBootstrapReport: Sendable, Codable, Equatable {
    public var organizationId: String
    public var callerArn: String
    /// Where the stack sets live (the first organization region).
    public var region: String
    public var regions: [String]
    public var dryRun: Bool
    public var warnings: [String]
    public var results: [OrganizationBootstrapResult]

    /// Whether nothing changed (or, with --dry-run, nothing would).
    public var isUnchanged: Bool { results.allSatisfy { $0.action == "unchanged" } }
}
