import Testing
@testable import Topology

/// The `organization:` sections the tests below start from, appended to `TopologyFixtures.valid`.
enum OrganizationFixtures {
    /// Every key written, none at its default; prod is written first to show targets come back in stage order.
    static let full = """
        organization:
          profile: acme-management
          accessRole: AcmeBootstrapAccess
          regions: [us-east-1, eu-west-1]
          autoDeployment: false
          retainStacksOnAccountRemoval: true
          preferences:
            maxConcurrentCount: 4
            failureToleranceCount: 3
            regionOrder: [eu-west-1, us-east-1]
            regionConcurrency: sequential
            concurrencyMode: strict
          targets:
            prod:    { organizationalUnits: [ou-ab12-prod0001, r-ab12], accounts: ["555555555555", "066666666666"] }
            dev:     { organizationalUnits: [ou-ab12-cdef3456] }
            preprod: { accounts: ["777777777777"] }
        """

    /// Only the required keys; the base that bad inputs mutate.
    static let minimal = """
        organization:
          profile: acme-management
          targets:
            dev:  { organizationalUnits: [ou-ab12-cdef3456] }
            prod: { accounts: ["555555555555"] }
        """

    /// `TopologyFixtures.valid` with `section` appended.
    static func topology(_ section: String = minimal) -> String {
        TopologyFixtures.valid + "\n" + section + "\n"
    }

    /// `minimal` with one exact substring replaced, appended to the valid topology; fails loudly if the fixture drifted.
    static func minimal(replacing target: String, with replacement: String) -> String {
        precondition(minimal.contains(target), "fixture does not contain \(target)")
        return topology(minimal.replacingOccurrences(of: target, with: replacement))
    }
}

/// One bad `organization:` section: what to change in `OrganizationFixtures.minimal`, and where the problem must be reported.
struct BadOrganization: Sendable, CustomTestStringConvertible {
    let label: String
    let yaml: String
    let path: String
    let fragment: String

    init(_ label: String, replacing target: String, with replacement: String, path: String, fragment: String) {
        self.label = label
        self.yaml = OrganizationFixtures.minimal(replacing: target, with: replacement)
        self.path = path
        self.fragment = fragment
    }

    var testDescription: String { label }
}

private let devTarget = "dev:  { organizationalUnits: [ou-ab12-cdef3456] }"
private let prodTarget = "prod: { accounts: [\"555555555555\"] }"
private let targetsLine = "  targets:\n"

let badOrganizations: [BadOrganization] = [
    // profile and access role
    .init("profile missing", replacing: "  profile: acme-management\n", with: "", path: "organization.profile",
          fragment: "missing; name the AWS profile of the management account or of a delegated administrator for StackSets"),
    .init("profile with a space", replacing: "profile: acme-management", with: "profile: \"acme management\"",
          path: "organization.profile", fragment: "no whitespace, brackets or control characters"),
    .init("access role not an IAM role name", replacing: "profile: acme-management", with: "profile: acme-management\n  accessRole: \"Org Access\"",
          path: "organization.accessRole", fragment: "\"Org Access\" is not an IAM role name (1 to 64 of A-Z a-z 0-9 _ + = , . @ -)"),
    // targets: roles
    .init("governance as a target", replacing: devTarget, with: devTarget + "\n    governance: { accounts: [\"111111111111\"] }",
          path: "organization.targets.governance",
          fragment: "governance is the one shared account in stages, not an organization target; targets are dev, preprod, prod"),
    .init("misspelt role", replacing: prodTarget, with: "prdo: { accounts: [\"555555555555\"] }", path: "organization.targets.prdo",
          fragment: "unknown stage role (did you mean \"prod\"?); targets are dev, preprod, prod"),
    .init("unknown role", replacing: prodTarget, with: "staging: { accounts: [\"555555555555\"] }", path: "organization.targets.staging",
          fragment: "unknown stage role; targets are dev, preprod, prod"),
    // targets: ids
    .init("OU id of the wrong shape", replacing: "[ou-ab12-cdef3456]", with: "[ou-ab12-cd34]", path: "organization.targets.dev.organizationalUnits",
          fragment: "\"ou-ab12-cd34\" is not an organizational unit id (ou-ab12-cd34ef56) or root id (r-ab12)"),
    .init("OU id in capitals", replacing: "[ou-ab12-cdef3456]", with: "[OU-AB12-CDEF3456]", path: "organization.targets.dev.organizationalUnits",
          fragment: "is not an organizational unit id"),
    .init("account id too short", replacing: "[\"555555555555\"]", with: "[\"55555\"]", path: "organization.targets.prod.accounts",
          fragment: "\"55555\" is not a 12-digit AWS account id"),
    .init("account id unquoted", replacing: "[\"555555555555\"]", with: "[055555555555]", path: "organization.targets.prod.accounts",
          fragment: "055555555555 is an unquoted number; quote account ids (\"055555555555\") so leading zeros are kept"),
    .init("accounts not a list", replacing: "[\"555555555555\"]", with: "\"555555555555\"", path: "organization.targets.prod.accounts",
          fragment: "expected a list of account ids, got \"555555555555\""),
    .init("OU under two roles", replacing: prodTarget, with: "prod: { organizationalUnits: [ou-ab12-cdef3456] }",
          path: "organization.targets.prod.organizationalUnits",
          fragment: "organizational unit \"ou-ab12-cdef3456\" is already a dev target; each organizational unit has one stage role"),
    .init("account under two roles", replacing: devTarget, with: "dev:  { accounts: [\"555555555555\"] }", path: "organization.targets.prod.accounts",
          fragment: "account \"555555555555\" is already a dev target; each account has one stage role"),
    .init("OU listed twice", replacing: "[ou-ab12-cdef3456]", with: "[ou-ab12-cdef3456, ou-ab12-cdef3456]",
          path: "organization.targets.dev.organizationalUnits", fragment: "\"ou-ab12-cdef3456\" is listed twice"),
    .init("account listed twice", replacing: "[\"555555555555\"]", with: "[\"555555555555\", \"555555555555\"]",
          path: "organization.targets.prod.accounts", fragment: "\"555555555555\" is listed twice"),
    // targets: shape
    .init("empty target", replacing: prodTarget, with: "prod: {}", path: "organization.targets.prod",
          fragment: "lists no organizational unit or account; add organizationalUnits or accounts, or remove prod"),
    .init("target with empty lists", replacing: prodTarget, with: "prod: { organizationalUnits: [], accounts: [] }",
          path: "organization.targets.prod",
          fragment: "lists no organizational unit or account"),
    .init("target not a mapping", replacing: prodTarget, with: "prod: ou-ab12-cdef3456", path: "organization.targets.prod",
          fragment: "expected a mapping of keys, got ou-ab12-cdef3456"),
    .init("target key typo", replacing: "{ accounts:", with: "{ acounts:", path: "organization.targets.prod.acounts",
          fragment: "unknown key (did you mean \"accounts\"?); expected one of organizationalUnits, accounts"),
    .init("targets empty", replacing: targetsLine + "    " + devTarget + "\n    " + prodTarget, with: "  targets: {}",
          path: "organization.targets", fragment: "is empty; list the organizationalUnits or accounts of dev, preprod, prod"),
    .init("targets missing", replacing: targetsLine + "    " + devTarget + "\n    " + prodTarget, with: "", path: "organization.targets",
          fragment: "missing; list the organizationalUnits or accounts of dev, preprod, prod"),
    // regions and booleans
    .init("regions empty", replacing: targetsLine, with: "  regions: []\n" + targetsLine, path: "organization.regions",
          fragment: "expected a non-empty list of regions (e.g. [us-east-1, eu-west-1]), got a list"),
    .init("region of the wrong shape", replacing: targetsLine, with: "  regions: [us-east]\n" + targetsLine, path: "organization.regions",
          fragment: "\"us-east\" is not an AWS region"),
    .init("region listed twice", replacing: targetsLine, with: "  regions: [us-east-1, us-east-1]\n" + targetsLine, path: "organization.regions",
          fragment: "\"us-east-1\" is listed twice"),
    .init("quoted true for autoDeployment", replacing: targetsLine, with: "  autoDeployment: \"true\"\n" + targetsLine,
          path: "organization.autoDeployment", fragment: "expected true or false, got \"true\""),
    .init("retain as text", replacing: targetsLine, with: "  retainStacksOnAccountRemoval: keep\n" + targetsLine,
          path: "organization.retainStacksOnAccountRemoval", fragment: "expected true or false, got keep"),
    // preferences
    .init("both concurrency count and percentage", replacing: targetsLine,
          with: "  preferences: { maxConcurrentCount: 5, maxConcurrentPercentage: 50 }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentPercentage", fragment: "set maxConcurrentCount or maxConcurrentPercentage, not both"),
    .init("both tolerance count and percentage", replacing: targetsLine,
          with: "  preferences: { failureToleranceCount: 1, failureTolerancePercentage: 10 }\n" + targetsLine,
          path: "organization.preferences.failureTolerancePercentage", fragment: "set failureToleranceCount or failureTolerancePercentage, not both"),
    .init("concurrency percentage 0", replacing: targetsLine, with: "  preferences: { maxConcurrentPercentage: 0 }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentPercentage", fragment: "expected a whole number from 1 to 100, got 0"),
    .init("concurrency percentage 101", replacing: targetsLine, with: "  preferences: { maxConcurrentPercentage: 101 }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentPercentage", fragment: "expected a whole number from 1 to 100, got 101"),
    .init("tolerance percentage 101", replacing: targetsLine, with: "  preferences: { failureTolerancePercentage: 101 }\n" + targetsLine,
          path: "organization.preferences.failureTolerancePercentage", fragment: "expected a whole number from 0 to 100, got 101"),
    .init("quoted percentage", replacing: targetsLine, with: "  preferences: { maxConcurrentPercentage: \"50\" }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentPercentage", fragment: "expected a whole number from 1 to 100, got \"50\""),
    .init("concurrency count 0", replacing: targetsLine, with: "  preferences: { maxConcurrentCount: 0 }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentCount", fragment: "expected a whole number of at least 1, got 0"),
    .init("tolerance count negative", replacing: targetsLine, with: "  preferences: { failureToleranceCount: -1 }\n" + targetsLine,
          path: "organization.preferences.failureToleranceCount", fragment: "expected a whole number of at least 0, got -1"),
    .init("strict with more at once than may fail plus one", replacing: targetsLine,
          with: "  preferences: { maxConcurrentCount: 5, failureToleranceCount: 2, concurrencyMode: strict }\n" + targetsLine,
          path: "organization.preferences.maxConcurrentCount",
          fragment: "is 5; with concurrencyMode strict it may be at most failureToleranceCount + 1 (3); lower it, raise failureToleranceCount, "
            + "or use concurrencyMode soft"),
    .init("bad regionConcurrency", replacing: targetsLine, with: "  preferences: { regionConcurrency: together }\n" + targetsLine,
          path: "organization.preferences.regionConcurrency", fragment: "expected parallel or sequential, got \"together\""),
    .init("bad concurrencyMode", replacing: targetsLine, with: "  preferences: { concurrencyMode: lenient }\n" + targetsLine,
          path: "organization.preferences.concurrencyMode", fragment: "expected strict or soft, got \"lenient\""),
    .init("regionOrder outside the default region", replacing: targetsLine, with: "  preferences: { regionOrder: [eu-west-1] }\n" + targetsLine,
          path: "organization.preferences.regionOrder",
          fragment: "\"eu-west-1\" is not one of the organization's regions (us-east-1); add it to organization.regions or remove it"),
    .init("regionOrder outside the listed regions", replacing: targetsLine,
          with: "  regions: [us-east-1, eu-west-1]\n  preferences: { regionOrder: [eu-west-1, ap-south-1] }\n" + targetsLine,
          path: "organization.preferences.regionOrder",
          fragment: "\"ap-south-1\" is not one of the organization's regions (us-east-1, eu-west-1); add it to organization.regions or remove it"),
    .init("preferences not a mapping", replacing: targetsLine, with: "  preferences: fast\n" + targetsLine,
          path: "organization.preferences", fragment: "expected a mapping of keys, got fast"),
    // unknown keys, with suggestions
    .init("organization key typo", replacing: "profile: acme-management", with: "profile: acme-management\n  acessRole: Admin",
          path: "organization.acessRole", fragment: "unknown key (did you mean \"accessRole\"?); expected one of profile, accessRole, regions, "
            + "autoDeployment, retainStacksOnAccountRemoval, preferences, targets"),
    .init("preferences key typo", replacing: targetsLine, with: "  preferences: { regionOrdr: [us-east-1] }\n" + targetsLine,
          path: "organization.preferences.regionOrdr", fragment: "unknown key (did you mean \"regionOrder\"?)"),
    .init("organization not a mapping", replacing: OrganizationFixtures.minimal, with: "organization: acme-management",
          path: "organization", fragment: "expected a mapping of keys, got acme-management"),
]

@Suite struct OrganizationTopologyTests {
    func problems(_ yaml: String) -> [TopologyProblem] {
        do {
            _ = try TopologyLoader.parse(yaml: yaml, file: "acme.yaml")
            return []
        } catch let error as TopologyError {
            return error.problems
        } catch {
            return [TopologyProblem(path: "?", message: "\(error)")]
        }
    }

    // MARK: - Valid sections

    @Test func everyKeyIsReadIntoTheSettings() throws {
        let topology = try TopologyLoader.parse(yaml: OrganizationFixtures.topology(OrganizationFixtures.full), file: "acme.yaml")

        let expected = OrganizationSettings(
            profile: "acme-management", accessRole: "AcmeBootstrapAccess", regions: ["us-east-1", "eu-west-1"], autoDeployment: false,
            retainStacksOnAccountRemoval: true,
            preferences: StackSetPreferences(
                maxConcurrentCount: 4, failureToleranceCount: 3, regionConcurrency: .sequential, regionOrder: ["eu-west-1", "us-east-1"],
                concurrencyMode: .strictFailureTolerance),
            targets: [
                OrganizationTarget(stage: .dev, organizationalUnits: ["ou-ab12-cdef3456"]),
                OrganizationTarget(stage: .preprod, accounts: ["777777777777"]),
                OrganizationTarget(stage: .prod, organizationalUnits: ["ou-ab12-prod0001", "r-ab12"], accounts: ["555555555555", "066666666666"]),
            ])
        #expect(topology.organization == expected)
        // In stage order whatever the file's order; ids in file order, leading zeros kept.
        #expect(topology.organization?.targets.map(\.stage) == [.dev, .preprod, .prod])
        #expect(topology.organization?.target(.governance) == nil)
    }

    @Test func omittedKeysTakeTheirDefaults() throws {
        let topology = try TopologyLoader.parse(yaml: OrganizationFixtures.topology(), file: "acme.yaml")
        let organization = try #require(topology.organization)

        #expect(organization.accessRole == "OrganizationAccountAccessRole")
        #expect(organization.accessRole == OrganizationSettings.defaultAccessRole)
        #expect(organization.autoDeployment)
        #expect(!organization.retainStacksOnAccountRemoval)
        #expect(organization.regions == ["us-east-1"], "the top-level region")
        #expect(organization.preferences == .defaults)
        #expect(organization.preferences == StackSetPreferences(
            maxConcurrentPercentage: 25, failureTolerancePercentage: 10, regionConcurrency: .parallel, regionOrder: [],
            concurrencyMode: .softFailureTolerance))
        #expect(organization.target(.preprod) == nil)
    }

    @Test func withoutATopLevelRegionTheRegionsAreTheGovernanceStagesRegion() throws {
        let yaml = """
            version: 1
            stages:
              governance: { account: "111111111111", profile: acme-governance, region: eu-central-1 }
              dev:        { account: "222222222222", profile: acme-dev, region: us-west-2 }
              preprod:    { account: "333333333333", profile: acme-preprod, region: eu-west-1 }
              prod:       { account: "444444444444", profile: acme-prod, region: ap-southeast-2 }
            \(OrganizationFixtures.minimal)
            """
        let topology = try TopologyLoader.parse(yaml: yaml, file: "acme.yaml")
        #expect(topology.organization?.regions == ["eu-central-1"])
    }

    @Test func aCountReplacesTheDefaultPercentageOfItsPairOnly() throws {
        let section = OrganizationFixtures.minimal.replacingOccurrences(
            of: targetsLine,
            with: "  preferences: { maxConcurrentCount: 10, regionConcurrency: SEQUENTIAL, concurrencyMode: SOFT_FAILURE_TOLERANCE }\n" + targetsLine)
        let topology = try TopologyLoader.parse(yaml: OrganizationFixtures.topology(section), file: "acme.yaml")
        #expect(topology.organization?.preferences == StackSetPreferences(
            maxConcurrentCount: 10, failureTolerancePercentage: 10, regionConcurrency: .sequential, concurrencyMode: .softFailureTolerance))
    }

    // MARK: - Stages reached through the organization

    @Test func aStageWithoutProfileIsReachedThroughTheAccessRole() throws {
        let stages = TopologyFixtures.valid(replacing: ", profile: acme-dev", with: "")
            .replacingOccurrences(of: ", profile: acme-prod", with: "")
        let section = OrganizationFixtures.minimal.replacingOccurrences(
            of: "profile: acme-management", with: "profile: acme-management\n  accessRole: TeamAccess")
        let topology = try TopologyLoader.parse(yaml: stages + "\n" + section + "\n", file: "acme.yaml")

        #expect(topology[.dev] == StageConfig(stage: .dev, account: "222222222222", profile: "acme-management", region: "us-east-1",
                                              organizationRole: "TeamAccess"))
        #expect(topology[.prod] == StageConfig(stage: .prod, account: "444444444444", profile: "acme-management", region: "us-east-1",
                                               organizationRole: "TeamAccess"))
        // A stage with a profile of its own keeps it and assumes nothing.
        #expect(topology[.governance] == StageConfig(stage: .governance, account: "111111111111", profile: "acme-governance", region: "us-east-1"))
        #expect(topology[.preprod].profile == "acme-preprod")
        #expect(topology[.preprod].organizationRole == nil)
    }

    @Test func aStageWithoutProfileUsesTheDefaultAccessRole() throws {
        let stages = TopologyFixtures.valid(replacing: ", profile: acme-dev", with: "")
        let topology = try TopologyLoader.parse(yaml: stages + "\n" + OrganizationFixtures.minimal + "\n", file: "acme.yaml")
        #expect(topology[.dev].profile == "acme-management")
        #expect(topology[.dev].organizationRole == "OrganizationAccountAccessRole")
    }

    @Test func aStageWithoutProfileAndWithoutOrganizationIsOneProblem() {
        let found = problems(TopologyFixtures.valid(replacing: ", profile: acme-dev", with: ""))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == "stages.dev.profile")
        #expect(found.first?.message == "missing; name the AWS profile that reaches this account, export AWS_PROFILE, or add an organization: "
            + "section to reach it through the organization's access role")
        #expect(found.first?.line == 6)
    }

    /// A broken organization section is reported once; the stages relying on it add nothing.
    @Test func aStageWithoutProfileUnderABrokenOrganizationAddsNoProblem() {
        let stages = TopologyFixtures.valid(replacing: ", profile: acme-dev", with: "")
        let withoutProfile = OrganizationFixtures.minimal.replacingOccurrences(of: "  profile: acme-management\n", with: "")
        let found = problems(stages + "\n" + withoutProfile + "\n")
        #expect(found.map(\.path) == ["organization.profile"], "\(found)")
    }

    // MARK: - Bad inputs

    @Test(arguments: badOrganizations)
    func badInputIsReportedAtItsKeyPath(_ bad: BadOrganization) throws {
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: bad.yaml, file: "acme.yaml") }

        let atPath = error.problems.filter { $0.path == bad.path }
        #expect(!atPath.isEmpty, "no problem at \(bad.path); got \(error.problems)")
        #expect(atPath.contains { $0.message.contains(bad.fragment) }, "\(atPath) lacks \(bad.fragment)")
        #expect(atPath.allSatisfy { $0.line != nil }, "every problem has its line")
    }

    @Test func eachBadInputIsItsOnlyProblem() throws {
        // A target with a bad id is not also reported as empty; a wrong-role id is not also reported as a duplicate.
        for bad in badOrganizations {
            let found = problems(bad.yaml)
            #expect(found.count == 1, "\(bad.label): \(found)")
        }
    }

    @Test func theBadInputTableIsComplete() {
        // Guards against a table edit that silently drops cases.
        #expect(badOrganizations.count == 43)
    }

    @Test func aProblemInATargetIsReportedAtItsLine() throws {
        let yaml = OrganizationFixtures.minimal(replacing: "[ou-ab12-cdef3456]", with: "[ou-ab12-cdef3456, ou-x]")
        let found = problems(yaml)
        // TopologyFixtures.valid has 8 lines: `organization:` is line 9 and dev's target line 12.
        #expect(found.map(\.description) == [
            "organization.targets.dev.organizationalUnits: \"ou-x\" is not an organizational unit id (ou-ab12-cd34ef56) "
                + "or root id (r-ab12) (line 12)",
        ])
    }
}
