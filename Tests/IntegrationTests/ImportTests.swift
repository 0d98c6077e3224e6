import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// `mlopsctl import` on the emulator: a bootstrap stack deployed with the official CDK bootstrap template by other
/// means (CloudFormation directly, as `cdk bootstrap` does) is checked and adopted; teardown keeps it unless
/// --include-adopted. Stacks that are not one mlopsctl imports are refused with nothing recorded.
@Suite struct ImportTests {
    static let officialTemplate = ConformanceData.packageRoot.appendingPathComponent("Tests/IntegrationTests/Fixtures/cdk-bootstrap-template.yaml")

    /// Deploys the official template as `cdk bootstrap` would in `stage`.
    static func cdkBootstrap(_ fixture: BootstrapFixture, _ stage: Stage, qualifier: String = "hnb659fds") async throws {
        let session = try fixture.session(stage)
        _ = try await session.cloudFormation.createStack(CreateStackRequest(
            stackName: "CDKToolkit", template: .body(try String(contentsOf: Self.officialTemplate, encoding: .utf8)),
            parameters: [StackParameter(key: "Qualifier", value: qualifier)], capabilities: [.namedIAM]))
        #expect(try await session.cloudFormation.describeStack("CDKToolkit")?.status == .createComplete)
    }

    @Test func anOfficialBootstrapStackIsAdoptedAndTeardownKeepsItUnlessIncludeAdopted() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            try await Self.cdkBootstrap(fixture, .prod)
            let prod = try fixture.session(.prod)
            let account = fixture.topology[.prod].account

            let preview = try await DriftTests.mlopsctl(fixture, ["import", "--stage", "prod", "--stack", "CDKToolkit", "--dry-run"])
            #expect(preview.status == 0 && preview.stdout.contains("CDK bootstrap stack (version 32)"), "\(preview.combined)")
            #expect(try await fixture.ledger.resources().isEmpty)

            let adopted = try await DriftTests.mlopsctl(fixture, ["import", "--stage", "prod", "--stack", "CDKToolkit", "--output", "json"])
            #expect(adopted.status == 0, "\(adopted.combined)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(adopted.stdout.utf8)) as? [String: Any])
            #expect(result["action"] as? String == "adopted" && result["kind"] as? String == "cdk-bootstrap", "\(result)")
            let rows = try await fixture.ledger.resources()
            #expect(rows.count > 5 && rows.allSatisfy { $0.ownership == .adopted && $0.status == .present && $0.account == account }, "\(rows)")
            #expect(rows.contains { $0.kind == .stack && $0.physicalId == "CDKToolkit" })
            let twice = try await DriftTests.mlopsctl(fixture, ["import", "--stage", "prod", "--stack", "CDKToolkit"])
            #expect(twice.status == 0 && twice.stdout.contains("already in the ledger"), "\(twice.combined)")
            #expect(try await fixture.ledger.resources().count == rows.count)

            // Refresh reads adopted resources like the others.
            let refresh = try await DriftTests.mlopsctl(fixture, ["refresh", "--stage", "prod"])
            #expect(refresh.status == 0, "\(refresh.combined)")

            let kept = try await DriftTests.mlopsctl(fixture, ["teardown", "--all", "--yes", "--confirm-prod", account])
            #expect(kept.status == 0 && kept.stdout.contains("--include-adopted deletes it"), "\(kept.combined)")
            #expect(try await prod.cloudFormation.describeStack("CDKToolkit")?.status == .createComplete)

            let removed = try await DriftTests.mlopsctl(fixture, ["teardown", "--all", "--include-adopted", "--yes", "--confirm-prod", account])
            #expect(removed.status == 0, "\(removed.combined)")
            #expect(try await prod.cloudFormation.describeStack("CDKToolkit") == nil)
        }
    }

    @Test func stacksMlopsctlDoesNotImportAreRefusedWithNothingRecorded() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            try await Self.cdkBootstrap(fixture, .preprod, qualifier: "other1234")
            let dev = try fixture.session(.dev)
            _ = try await dev.cloudFormation.createStack(CreateStackRequest(
                stackName: "theirs",
                template: .body(#"{"Resources":{"P":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/theirs/p","Type":"String","Value":"v"}}}}"#)))

            let cases: [([String], String)] = [
                (["--stage", "dev", "--stack", "theirs"], "neither a CDK bootstrap stack"),
                (["--stage", "dev", "--stack", "missing"], "there is no stack missing in dev"),
                (["--stage", "preprod", "--stack", "CDKToolkit"], "qualifier other1234, but the topology's qualifier is hnb659fds"),
            ]
            for (arguments, message) in cases {
                let result = try await DriftTests.mlopsctl(fixture, ["import"] + arguments)
                #expect(result.status == 1 && result.stderr.contains(message), "\(arguments): \(result.combined)")
                #expect(!result.combined.contains("Fatal error") && result.stderr.split(separator: "\n").count == 1, "\(result.combined)")
            }
            let badName = try await DriftTests.mlopsctl(fixture, ["import", "--stage", "dev", "--stack", "no such/stack"])
            #expect(badName.status == 64 && badName.stderr.contains("--stack"), "\(badName.combined)")
            #expect(try await fixture.ledger.resources().isEmpty)
        }
    }
}
