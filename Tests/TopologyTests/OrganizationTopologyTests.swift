import Testing
import Topology

/// The optional `organization:` section: what a valid one loads into, its defaults, stages reached through the access
/// role, and each bad input reported at its key path with the fix.
@Suite struct OrganizationTopologyTests {
    static let stages = """
        version: 1
        region: us-east-1
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: dev }
          preprod:    { account: "333333333333", profile: preprod }
          prod:       { account: "444444444444", profile: prod }

        """

    static func load(_ organization: String, stages: String = stages) throws -> Topology {
        try TopologyLoader.parse(yaml: stages + organization, file: "org.yaml")
    }

    static func problems(_ organization: String, stages: String = stages) throws -> [TopologyProblem] {
        try #require(throws: TopologyError.self) { try load(organization, stages: stages) }.problems
    }

    @Test func aFullSectionLoadsExactly() throws {
        let topology = try Self.load("""
            organization:
              profile: management
              accessRole: TeamAccess
              regions: [us-east-1, eu-west-1]
              autoDeployment: false
              retainStacksOnAccountRemoval: true
              preferences:
                maxConcurrentCount: 3
                failureToleranceCount: 2
                regionOrder: [eu-west-1, us-east-1]
                regionConcurrency: sequential
                concurrencyMode: strict
              targets:
                dev: { organizationalUnits: [ou-ab12-aaaaaaaa, ou-ab12-bbbbbbbb] }
                preprod: { organizationalUnits: [ou-ab12-cccccccc], accounts: ["555555555555"] }
                prod: { organizationalUnits: [r-ab12] }
            """)
        var preferences = StackSetPreferences.defaults
        preferences.maxConcurrentPercentage = nil
        preferences.maxConcurrentCount = 3
        preferences.failureTolerancePercentage = nil
        preferences.failureToleranceCount = 2
        preferences.regionOrder = ["eu-west-1", "us-east-1"]
        preferences.regionConcurrency = .sequential
        preferences.concurrencyMode = .strictFailureTolerance
        #expect(topology.organization == OrganizationSettings(
            profile: "management", accessRole: "TeamAccess", regions: ["us-east-1", "eu-west-1"], autoDeployment: false,
            retainStacksOnAccountRemoval: true, preferences: preferences,
            targets: [
                OrganizationTarget(stage: .dev, organizationalUnits: ["ou-ab12-aaaaaaaa", "ou-ab12-bbbbbbbb"]),
                OrganizationTarget(stage: .preprod, organizationalUnits: ["ou-ab12-cccccccc"], accounts: ["555555555555"]),
                OrganizationTarget(stage: .prod, organizationalUnits: ["r-ab12"]),
            ]))
        // Stages that name a profile keep it, and are not reached through the organization.
        #expect(topology.stages.allSatisfy { $0.organizationRole == nil })
    }

    @Test func omittedKeysTakeTheirDefaults() throws {
        let topology = try Self.load("""
            organization:
              profile: management
              targets:
                prod: { accounts: ["555555555555"] }
            """)
        let organization = try #require(topology.organization)
        #expect(organization.accessRole == "OrganizationAccountAccessRole")
        #expect(organization.regions == ["us-east-1"])  // the top-level region
        #expect(organization.autoDeployment && !organization.retainStacksOnAccountRemoval)
        #expect(organization.preferences == .defaults)
        #expect(organization.preferences.maxConcurrentPercentage == 25 && organization.preferences.failureTolerancePercentage == 10)
        #expect(organization.target(.dev) == nil && organization.target(.prod)?.accounts == ["555555555555"])
    }

    @Test func withoutATopLevelRegionTheGovernanceRegionIsTheOrganizations() throws {
        let stages = """
            version: 1
            stages:
              governance: { account: "111111111111", profile: gov, region: eu-central-1 }
              dev:        { account: "222222222222", profile: dev, region: us-east-1 }
              preprod:    { account: "333333333333", profile: preprod, region: us-east-1 }
              prod:       { account: "444444444444", profile: prod, region: us-east-1 }

            """
        let topology = try Self.load("organization:\n  profile: m\n  targets:\n    dev: { organizationalUnits: [ou-ab12-aaaaaaaa] }\n", stages: stages)
        #expect(topology.organization?.regions == ["eu-central-1"])
    }

    @Test func aStageWithoutAProfileIsReachedThroughTheAccessRole() throws {
        let stages = Self.stages
            .replacingOccurrences(of: "\"222222222222\", profile: dev", with: "\"222222222222\"")
            .replacingOccurrences(of: "\"444444444444\", profile: prod", with: "\"444444444444\"")
        let topology = try Self.load("""
            organization:
              profile: management
              accessRole: TeamAccess
              targets:
                dev: { organizationalUnits: [ou-ab12-aaaaaaaa] }
            """, stages: stages)
        #expect(topology[.dev].profile == "management" && topology[.dev].organizationRole == "TeamAccess")
        #expect(topology[.prod].profile == "management" && topology[.prod].organizationRole == "TeamAccess")
        #expect(topology[.preprod].profile == "preprod" && topology[.preprod].organizationRole == nil)
    }

    @Test func aStageWithoutAProfileAndWithoutAnOrganizationIsOneProblem() throws {
        let stages = Self.stages.replacingOccurrences(of: "\"222222222222\", profile: dev", with: "\"222222222222\"")
        let problems = try Self.problems("", stages: stages)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.path == "stages.dev.profile")
        #expect(problems.first?.message.contains("organization:") == true, "\(problems)")
    }

    /// Each bad section: the key path of its one problem and a fragment of the message.
    static let badSections: [(String, String, String, String)] = [
        ("malformed OU id", "  targets:\n    dev: { organizationalUnits: [ou-BAD] }", "organization.targets.dev.organizationalUnits", "ou-BAD"),
        ("bad account id", "  targets:\n    dev: { accounts: [\"12345\"] }", "organization.targets.dev.accounts", "12"),
        ("governance as a target", "  targets:\n    governance: { accounts: [\"555555555555\"] }", "organization.targets.governance", "not an organization target"),
        ("misspelt role", "  targets:\n    prdo: { accounts: [\"555555555555\"] }", "organization.targets.prdo", "prod"),
        ("an id under two roles", "  targets:\n    dev: { accounts: [\"555555555555\"] }\n    prod: { accounts: [\"555555555555\"] }",
         "organization.targets.prod.accounts", "already a dev target"),
        ("an id listed twice", "  targets:\n    dev: { organizationalUnits: [ou-ab12-aaaaaaaa, ou-ab12-aaaaaaaa] }",
         "organization.targets.dev.organizationalUnits", "listed twice"),
        ("an empty target", "  targets:\n    dev: {}", "organization.targets.dev", "lists no organizational unit or account"),
        ("no targets", "  regions: [us-east-1]", "organization.targets", "missing"),
        ("count and percentage", "  preferences: { maxConcurrentCount: 5, maxConcurrentPercentage: 20 }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.maxConcurrentPercentage", "not both"),
        ("percentage above 100", "  preferences: { failureTolerancePercentage: 101 }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.failureTolerancePercentage", "100"),
        ("bad region concurrency", "  preferences: { regionConcurrency: sideways }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.regionConcurrency", "parallel or sequential"),
        ("bad concurrency mode", "  preferences: { concurrencyMode: lax }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.concurrencyMode", "strict or soft"),
        ("region order outside the regions", "  preferences: { regionOrder: [eu-west-1] }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.regionOrder", "not one of the organization's regions"),
        ("quoted true", "  autoDeployment: \"true\"\n  targets:\n    dev: { accounts: [\"555555555555\"] }", "organization.autoDeployment", "true or false"),
        ("misspelt key", "  autoDeploy: true\n  targets:\n    dev: { accounts: [\"555555555555\"] }", "organization.autoDeploy", "autoDeployment"),
        ("bad access role", "  accessRole: \"has spaces\"\n  targets:\n    dev: { accounts: [\"555555555555\"] }", "organization.accessRole", "not an IAM role name"),
        ("strict mode with more concurrency than tolerance",
         "  preferences: { maxConcurrentCount: 10, failureToleranceCount: 2, concurrencyMode: strict }\n  targets:\n    dev: { accounts: [\"555555555555\"] }",
         "organization.preferences.maxConcurrentCount", "at most failureToleranceCount + 1"),
    ]

    @Test(arguments: badSections)
    func aBadSectionIsReportedAtItsKeyPath(_ name: String, _ body: String, _ path: String, _ fragment: String) throws {
        let problems = try Self.problems("organization:\n  profile: management\n" + body + "\n")
        let atPath = problems.filter { $0.path == path }
        #expect(!atPath.isEmpty, "\(name): no problem at \(path); got \(problems)")
        #expect(atPath.contains { $0.message.contains(fragment) }, "\(name): \(atPath) lacks \(fragment)")
    }

    @Test func aMissingProfileIsReported() throws {
        let problems = try Self.problems("organization:\n  targets:\n    dev: { accounts: [\"555555555555\"] }\n")
        #expect(problems.contains { $0.path == "organization.profile" && $0.message.contains("management account") }, "\(problems)")
    }
}
