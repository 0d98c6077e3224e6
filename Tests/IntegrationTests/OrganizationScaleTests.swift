import AWSConfig
import AWSServices
import AWSWire
import CFNTemplate
import Foundation
import Logging
import Testing
import TestSupport
import Topology
import Workflows

/// `bootstrap --org`, `status --org` and `teardown --bootstrap --org` through the binary, over 50 member accounts in
/// three OUs of an emulated organization, each member checked through AWS APIs in its own account.
@Suite struct OrganizationScaleTests {
    static let members = 50

    @Test func bootstrapsFiftyMembersReRunsWithoutChangeAddsOneAccountAndTearsDown() async throws {
        try await withOrganizationEmulator(members: Self.members) { emulator, organization in
            let setup = try OrganizationSetup(emulator, organization)

            // First run: every member of every role deployed.
            let first = try await setup.run(["bootstrap", "--org", "--output", "json"])
            #expect(first.status == 0, "\(first.combined)")
            let report = try JSONDecoder().decode(OrganizationBootstrapReport.self, from: Data(first.stdout.utf8))
            try await OutputSchema.check("bootstrap", stdout: first.stdout, what: "bootstrap --org")
            #expect(report.organizationId == organization.organizationId)
            #expect(report.results.count == 6, "\(report.results.map(\.stackSet))")
            #expect(report.results.allSatisfy { $0.succeeded }, "\(report.results.filter { !$0.succeeded })")

            // Each member, through CloudFormation (its instance and its stack) and IAM in its own account.
            let sessions = try setup.sessions()
            let management = try sessions.session(profile: organization.managementProfile, region: "us-east-1")
            let gov = emulator.account("governance")!.accountID, dev = emulator.account("dev")!.accountID
            var checked = 0
            for (stage, trusted) in [(Stage.dev, Set([gov])), (.preprod, Set([dev, gov])), (.prod, Set([dev, gov]))] {
                let unit = try #require(organization.unit(named: stage.rawValue))
                let name = StackSetSpec.name(qualifier: setup.topology.qualifier, stage: stage, kind: .bootstrap)
                var instances: [String: StackInstanceSummary] = [:]
                for try await instance in management.cloudFormation.stackInstances(name, callAs: .selfAccount) { instances[instance.account] = instance }
                #expect(Set(instances.keys) == Set(unit.accounts), "\(stage)")
                for account in unit.accounts {
                    let instance = try #require(instances[account])
                    #expect(instance.status == .current, "\(stage) \(account)")
                    let member = management.assumingRole("arn:aws:iam::\(account):role/\(organization.accessRole)", sessionName: "org-test")
                    #expect(try await member.sts.getCallerIdentity().account == account)
                    let stack = try await member.cloudFormation.describeStack(try #require(instance.stackId))
                    #expect(stack?.status.isUsable == true, "\(stage) \(account): \(String(describing: stack?.status))")
                    #expect((stack?.parameters.first { $0.key == "TrustedAccounts" }?.value ?? "").split(separator: ",").map(String.init).sorted()
                        == trusted.sorted(), "\(stage) \(account)")
                    let names = BootstrapNames(account: account, region: "us-east-1")
                    #expect(try await Self.trust(of: names.deployRole, in: member).subtracting([account]) == trusted, "\(stage) \(account)")
                    #expect(try await member.ssm.getParameter(name: "/cdk-bootstrap/hnb659fds/version")?.value == "32")
                    checked += 1
                }
            }
            #expect(checked == Self.members)

            // The ledger lists 50 bootstrap instances (and 50 of the execution policy).
            let status = try await setup.run(["status", "--org", "--output", "json"])
            #expect(status.status == 0, "\(status.combined)")
            let statuses = try JSONDecoder().decode([OrganizationStatus].self, from: Data(status.stdout.utf8))
            try await OutputSchema.check("status", stdout: status.stdout, what: "status --org")
            let bootstrapTotal = statuses.filter { $0.stackSet.hasSuffix("-bootstrap") }.map(\.instances.total).reduce(0, +)
            #expect(bootstrapTotal == Self.members, "\(statuses)")
            #expect(statuses.allSatisfy { $0.instances.current == $0.instances.total && $0.failed.isEmpty }, "\(statuses)")

            // A re-run sends no mutating request.
            let again = try await setup.run(["bootstrap", "--org", "--output", "json"], journal: "rerun")
            #expect(again.status == 0, "\(again.combined)")
            let rerunMutations = try setup.mutatingOperations("rerun")
            #expect(rerunMutations.isEmpty, "\(rerunMutations)")
            let unchanged = try JSONDecoder().decode(OrganizationBootstrapReport.self, from: Data(again.stdout.utf8))
            #expect(unchanged.isUnchanged, "\(unchanged.results.map { ($0.stackSet, $0.action, $0.detail) })")

            // An account joins the prod OU: the re-run adds exactly its two instances (policy and bootstrap).
            let prodUnit = try #require(organization.unit(named: "prod"))
            let newcomer = try await emulator.addOrganizationAccount(to: prodUnit.id)
            let grown = try await setup.run(["bootstrap", "--org", "--output", "json"], journal: "grown")
            #expect(grown.status == 0, "\(grown.combined)")
            #expect(try setup.mutatingOperations("grown") == ["CreateStackInstances", "CreateStackInstances"])
            #expect(try setup.records("grown").filter { $0.operation == "CreateStackInstances" }.allSatisfy { $0.stage == "organization" })
            let prodBootstrap = StackSetSpec.name(qualifier: "hnb659fds", stage: .prod, kind: .bootstrap)
            var prodAccounts: Set<String> = []
            for try await instance in management.cloudFormation.stackInstances(prodBootstrap, callAs: .selfAccount) { prodAccounts.insert(instance.account) }
            #expect(prodAccounts == Set(prodUnit.accounts + [newcomer]))
            let grownStatus = try JSONDecoder().decode(
                [OrganizationStatus].self, from: Data(try await setup.run(["status", "--org", "--output", "json"]).stdout.utf8))
            #expect(grownStatus.filter { $0.stackSet.hasSuffix("-bootstrap") }.map(\.instances.total).reduce(0, +) == Self.members + 1)

            // Teardown: refused without the organization id for the prod role, then everything goes.
            let unconfirmed = try await setup.run(["teardown", "--bootstrap", "--org", "--yes"])
            #expect(unconfirmed.status != 0 && unconfirmed.stderr.contains("--confirm-prod \(organization.organizationId)"), "\(unconfirmed.combined)")
            let teardown = try await setup.run(
                ["teardown", "--bootstrap", "--org", "--yes", "--confirm-prod", organization.organizationId, "--output", "json"], timeout: 600)
            #expect(teardown.status == 0, "\(teardown.combined)")
            try await OutputSchema.check("teardown", stdout: teardown.stdout, what: "teardown --bootstrap --org")
            let leftovers = try await emulator.organizationLeftovers(regions: ["us-east-1"])
            #expect(leftovers.isEmpty, "\(leftovers)")
            var stackSets: [String] = []
            for plan in try OrganizationPlanner(topology: setup.topology, options: BootstrapOptions()).plans() {
                for spec in plan.stackSets where try await management.cloudFormation.describeStackSet(spec.name, callAs: .selfAccount)?.status == "ACTIVE" {
                    stackSets.append(spec.name)
                }
            }
            #expect(stackSets.isEmpty, "\(stackSets)")
            let after = try JSONDecoder().decode([OrganizationStatus].self, from: Data(try await setup.run(["status", "--org", "--output", "json"]).stdout.utf8))
            #expect(after.isEmpty, "\(after)")
        }
    }

    /// The accounts a role's trust policy names for sts:AssumeRole.
    static func trust(of roleName: String, in session: AWSSession) async throws -> Set<String> {
        let role = try #require(try await session.iam.getRole(name: roleName))
        let policy = try JSONSerialization.jsonObject(with: Data(try #require(role.assumeRolePolicyDocument).utf8)) as? [String: Any] ?? [:]
        var accounts: Set<String> = []
        for case let statement as [String: Any] in policy["Statement"] as? [Any] ?? []
        where statement["Action"] as? String == "sts:AssumeRole" && statement["Effect"] as? String == "Allow" {
            let principal = statement["Principal"] as? [String: Any] ?? [:]
            for case let value as String in (principal["AWS"] as? [Any]) ?? (principal["AWS"].map { [$0] } ?? []) {
                let parts = value.split(separator: ":")
                accounts.insert(parts.count > 4 ? String(parts[4]) : value)
            }
        }
        return accounts
    }
}

/// The emulator's four stages plus an organization section targeting its three OUs; runs the binary against them.
struct OrganizationSetup {
    let emulator: Emulator
    let organization: EmulatorOrganization
    let topology: Topology
    let topologyFile: URL
    let environment: [String: String]

    init(_ emulator: Emulator, _ organization: EmulatorOrganization) throws {
        self.emulator = emulator
        self.organization = organization
        var yaml = "version: 1\nregion: us-east-1\nstages:\n"
        for account in emulator.accounts {
            yaml += "  \(account.stage): { account: \"\(account.accountID)\", profile: \(account.profile) }\n"
        }
        yaml += "organization:\n  profile: \(organization.managementProfile)\n  targets:\n"
        for stage in ["dev", "preprod", "prod"] {
            yaml += "    \(stage): { organizationalUnits: [\(organization.unit(named: stage)!.id)] }\n"
        }
        topologyFile = emulator.directory.appendingPathComponent("org.yaml")
        try yaml.write(to: topologyFile, atomically: true, encoding: .utf8)
        topology = try TopologyLoader.load(path: topologyFile.path)
        environment = emulator.environment.merging([
            "MLOPSCTL_TOPOLOGY": topologyFile.path, "MLOPSCTL_LEDGER": emulator.directory.appendingPathComponent("ledger.sqlite").path,
        ]) { $1 }
    }

    func run(_ arguments: [String], journal: String? = nil, timeout: Double = 300) async throws -> CommandRunner.Result {
        let extra = journal.map { ["--record-requests", emulator.directory.appendingPathComponent("\($0).jsonl").path] } ?? []
        return try await CommandRunner().run(arguments + extra, environment: environment, timeout: timeout)
    }

    func records(_ journal: String) throws -> [RequestRecord] {
        let text = try String(contentsOf: emulator.directory.appendingPathComponent("\(journal).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(RequestRecord.self, from: Data($0.utf8)) }
    }

    /// The operations that change something in AWS (STS AssumeRole changes nothing).
    func mutatingOperations(_ journal: String) throws -> [String] {
        try records(journal).map(\.operation).filter { operation in
            !["Describe", "List", "Get", "Head"].contains { operation.hasPrefix($0) } && operation != "AssumeRole"
        }
    }

    func sessions() throws -> StageSessions {
        try StageSessions.load(environment: EnvironmentVariables(emulator.environment), logger: Logger(label: "org-test"))
    }
}

/// Runs `body` against a private emulator with an organization of `members` accounts in three OUs; always stops it.
func withOrganizationEmulator(members: Int, _ body: (Emulator, EmulatorOrganization) async throws -> Void) async throws {
    let emulator: Emulator
    do {
        emulator = try await Emulator.start(organizationMembers: members)
    } catch EmulatorError.skip(let notice) {
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        return
    }
    do {
        try await body(emulator, try #require(emulator.organization))
    } catch {
        await emulator.stop()
        throw error
    }
    await emulator.stop()
}
