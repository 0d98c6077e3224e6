import Foundation
import Testing
import TestSupport

/// The emulator's organization fixture and its AWS-faithful StackSets (scripts/moto_server_aws.py). The stack set
/// calls are made by scripts/check-stackset-fidelity.py (boto3) until mlopsctl has its own stack set client.
@Suite struct EmulatorOrganizationTests {
    @Test func organizationStackSetsAndLeftoverChecks() async throws {
        guard let emulator = try await Emulator.startOrSkip(organizationMembers: 9) else { return }
        do {
            try await check(emulator)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    private func check(_ emulator: Emulator) async throws {
        // The fixture: a management account and nine members round-robin over dev, preprod, prod.
        let organization = try #require(emulator.organization)
        #expect(organization.managementAccount == "555555555555")
        #expect(organization.managementProfile == "local-management")
        #expect(organization.units.map(\.name) == ["dev", "preprod", "prod"])
        #expect(organization.units.map(\.accounts.count) == [3, 3, 3])
        #expect(Set(organization.memberAccounts).count == 9)
        #expect(organization.rootId.hasPrefix("r-") && organization.organizationId.hasPrefix("o-"))
        #expect(organization.units.allSatisfy { $0.id.hasPrefix("ou-") })
        let config = try String(contentsOf: emulator.configFile, encoding: .utf8)
        #expect(config.contains("[profile local-management]\nregion = us-east-1\nendpoint_url = \(emulator.endpoint.absoluteString)\n"))
        #expect(emulator.profiles == ["local-governance", "local-dev", "local-preprod", "local-prod"])  // unchanged

        // Every StackSet patch, as AWS documents it (INTERSECTION/DIFFERENCE/nested units/RetainStacks/updates …).
        let fidelity = try await runScript("scripts/check-stackset-fidelity.py",
                                           ["--organization", emulator.organizationFile.path], emulator: emulator)
        #expect(fidelity.status == 0, "\(fidelity.combined)")
        #expect(fidelity.stdout.contains("ok: every StackSet patch behaves as AWS documents"))

        // The fidelity script cleaned up after itself: nothing is left in any member.
        #expect(try await emulator.organizationLeftovers() == [])

        // A new team account arrives in prod; what is planted in it is reported, by member and kind.
        let prod = try #require(organization.unit(named: "prod"))
        let newcomer = try await emulator.addOrganizationAccount(to: prod.id)
        #expect(emulator.organization?.unit(named: "prod")?.accounts == prod.accounts + [newcomer])
        #expect(emulator.organization?.memberAccounts.count == 10)
        let plant = try await runScript("-c", [plantScript, emulator.organizationFile.path, newcomer], emulator: emulator)
        #expect(plant.status == 0, "\(plant.combined)")
        let left = try await emulator.organizationLeftovers(in: [newcomer])
        #expect(left.count == 3, "\(left)")
        #expect(left.contains("left in member \(newcomer) (prod) global: bucket leftover-\(newcomer)"))
        #expect(left.contains("left in member \(newcomer) (prod) global: iamRole cdk-hnb659fds-leftover"))
        #expect(left.contains("left in member \(newcomer) (prod) us-east-1: ssmParameter /cdk-bootstrap/hnb659fds/version"))
        #expect(try await emulator.organizationLeftovers(in: [prod.accounts[0]]) == [])

        do {
            _ = try await emulator.addOrganizationAccount(to: "ou-nope-12345678")
            Issue.record("added an account to a unit that does not exist")
        } catch EmulatorError.failed(let message) {
            #expect(message.contains("is not a unit of \(organization.organizationId)"))
        }
    }
}

/// Creates, through the member's access role, what a half-removed bootstrap would leave.
private let plantScript = """
    import json, sys, boto3
    document, account = json.load(open(sys.argv[1])), sys.argv[2]
    management = boto3.Session(profile_name=document["managementProfile"], region_name=document["region"])
    credentials = management.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/{document['accessRole']}", RoleSessionName="plant")["Credentials"]
    keys = dict(aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                aws_session_token=credentials["SessionToken"])
    management.client("s3", **keys).create_bucket(Bucket=f"leftover-{account}")
    management.client("iam", **keys).create_role(RoleName="cdk-hnb659fds-leftover", AssumeRolePolicyDocument="{}")
    management.client("ssm", **keys).put_parameter(Name="/cdk-bootstrap/hnb659fds/version", Value="1", Type="String")
    """

/// Runs a script of the repository (or `-c CODE`) with the project's python3 and the emulator's profiles.
private func runScript(_ script: String, _ arguments: [String], emulator: Emulator) async throws -> CommandRunner.Result {
    let environment = ProjectTools.environment()
    let python = try #require(ProjectTools.find("python3", environment: environment))
    let path = script == "-c" ? script : ConformanceData.packageRoot.appendingPathComponent(script).path
    var variables = emulator.environment
    variables["PATH"] = environment["PATH"]
    return try await CommandRunner(executable: python).run([path] + arguments, environment: variables, timeout: 300)
}
