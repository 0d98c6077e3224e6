/// The accounts, profiles and regions of one MLOps platform, as read from a topology file (`mlopsctl.yaml`).
///
/// A `Topology` is only ever built by `TopologyLoader`, after every rule has passed, so holders can rely on
/// it: all four stages are present (in `Stage.allCases` order), accounts are 12 digits, regions are resolved.
public struct Topology: Sendable, Equatable {
    /// The file format versions this build reads (oldest first); a new version is appended, never replaces one.
    public static let supportedVersions = [1]
    /// The version this build writes: the newest it reads.
    public static let supportedVersion = supportedVersions.last!
    /// The CDK's own default bootstrap qualifier, used when the file has no `qualifier`.
    public static let defaultQualifier = "hnb659fds"

    public var version: Int
    /// The top-level default region, if the file sets one (each stage may override it).
    public var region: String?
    /// The CDK bootstrap qualifier (`[A-Za-z0-9_-]{1,10}`).
    public var qualifier: String
    /// The four stages in fixed order: governance, dev, preprod, prod.
    public private(set) var stages: [StageConfig]
    /// Which stages each stage trusts to publish and deploy into it (`trust:`; default: the seed's graph).
    public var trust: [Stage: [Stage]]
    /// Extra execution policies per stage (`executionPolicies:`); a stage without an entry uses the
    /// least-privilege policy shipped with mlopsctl.
    public var executionPolicies: [Stage: [ExecutionPolicy]]
    /// How the CDK bootstrap stack is named, protected and tagged (`bootstrap:`).
    public var bootstrap: BootstrapSettings
    /// How the project template is published (`catalog:`).
    public var catalog: CatalogSettings
    /// How projects are sourced and launched (`project:`).
    public var project: ProjectSettings
    /// Stage roles fanned out to member accounts through StackSets (`organization:`); nil for a per-account topology.
    public var organization: OrganizationSettings?
    /// Where AWS_PROFILE or AWS_REGION filled a gap of the file, one line each (shown to the user as notes).
    public var notes: [String] = []

    /// - Precondition: `stages` holds each `Stage` exactly once (the loader guarantees it).
    public init(
        version: Int = Topology.supportedVersion, region: String?, qualifier: String, stages: [StageConfig],
        trust: [Stage: [Stage]] = Topology.defaultTrust, executionPolicies: [Stage: [ExecutionPolicy]] = [:],
        bootstrap: BootstrapSettings = BootstrapSettings(), catalog: CatalogSettings = CatalogSettings(),
        project: ProjectSettings = ProjectSettings(), organization: OrganizationSettings? = nil
    ) {
        precondition(Set(stages.map(\.stage)) == Set(Stage.allCases) && stages.count == Stage.allCases.count,
                     "a topology needs each stage exactly once")
        self.version = version
        self.region = region
        self.qualifier = qualifier
        self.stages = stages.sorted { $0.stage < $1.stage }
        self.trust = trust
        self.executionPolicies = executionPolicies
        self.bootstrap = bootstrap
        self.catalog = catalog
        self.project = project
        self.organization = organization
    }

    /// The seed's trust graph: dev trusts governance; preprod and prod trust dev and governance.
    public static let defaultTrust: [Stage: [Stage]] = [
        .governance: [], .dev: [.governance], .preprod: [.dev, .governance], .prod: [.dev, .governance],
    ]

    /// The account ids `stage` trusts, without its own account and without duplicates (stages may share an account).
    public func trustedAccounts(of stage: Stage) -> [String] {
        let own = self[stage].account
        var seen: Set<String> = [own]
        return (trust[stage] ?? []).map { self[$0].account }.filter { seen.insert($0).inserted }
    }

    /// The settings of `stage`.
    public subscript(_ stage: Stage) -> StageConfig {
        stages.first { $0.stage == stage }!
    }
}
