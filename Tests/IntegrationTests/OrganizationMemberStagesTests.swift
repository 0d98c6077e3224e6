import AWSConfig
import AWSServices
import Logging
import Foundation
import Testing
import TestSupport
import Topology
import Workflows

/// A team's stages that are organization members, written without a profile: every per-account verb reaches them by
/// assuming the organization's access role with the management profile's credentials only (no per-account profile).
@Suite struct OrganizationMemberStagesTests {
    @Test func doctorBootstrapAndTeardownReachMemberStagesThroughTheAccessRole() async throws {
        try await withOrganizationEmulator(members: 6) { emulator, organization in
            let governance = try #require(emulator.account("governance"))
            let team = ["dev", "preprod", "prod"].map { organization.unit(named: $0)!.accounts[0] }
            let spare = try #require(organization.unit(named: "prod")?.accounts.last)
            var yaml = "version: 1\nregion: us-east-1\nstages:\n"
            yaml += "  governance: { account: \"\(governance.accountID)\", profile: \(governance.profile) }\n"
            for (stage, account) in zip(["dev", "preprod", "prod"], team) { yaml += "  \(stage): { account: \"\(account)\" }\n" }
            yaml += "organization:\n  profile: \(organization.managementProfile)\n  targets:\n    prod: { accounts: [\"\(spare)\"] }\n"
            let file = emulator.directory.appendingPathComponent("team.yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            let environment = emulator.environment.merging([
                "MLOPSCTL_TOPOLOGY": file.path, "MLOPSCTL_LEDGER": emulator.directory.appendingPathComponent("team.sqlite").path,
            ]) { $1 }
            let run = { (arguments: [String]) in try await CommandRunner().run(arguments, environment: environment, timeout: 300) }

            // doctor: each member stage answers as the access role in its own account.
            let doctor = try await run(["doctor", "--output", "json"])
            #expect(doctor.status == 0, "\(doctor.combined)")
            for account in team {
                #expect(doctor.stdout.contains("arn:aws:sts::\(account):assumed-role/\(organization.accessRole)/"), "\(account): \(doctor.stdout)")
            }

            // bootstrap (the per-account path) deploys into the members through the role; the stacks are really there.
            let bootstrap = try await run(["bootstrap"])
            #expect(bootstrap.status == 0, "\(bootstrap.combined)")
            let sessions = try StageSessions.load(environment: EnvironmentVariables(emulator.environment), logger: Logger(label: "team-test"))
            let management = try sessions.session(profile: organization.managementProfile, region: "us-east-1")
            for account in team {
                let member = management.assumingRole("arn:aws:iam::\(account):role/\(organization.accessRole)", sessionName: "team-test")
                #expect(try await member.cloudFormation.describeStack("CDKToolkit")?.status.isUsable == true, "\(account)")
            }

            // teardown reaches them the same way and leaves nothing in any member (prod confirmed by its account id).
            let teardown = try await run(["teardown", "--bootstrap", "--yes", "--confirm-prod", team[2]])
            #expect(teardown.status == 0, "\(teardown.combined)")
            let leftovers = try await emulator.organizationLeftovers(in: team)
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }
}
