import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// Issue 15's acceptance on the emulator: after the lifecycle up to promote, four changes made outside mlopsctl (a
/// project bucket deleted, the cfn-exec role's trust widened to a foreign account, an SSM parameter publish-catalog
/// wrote deleted, a stack's tags changed) are each reported by `mlopsctl refresh` with the right class and exit code
/// (every request it sends being a read, as the emulator's own request log shows); re-running the owning verb repairs
/// each; teardown then leaves nothing of mlopsctl's and everything of others'.
@Suite struct DriftTests {
    static let foreignAccount = "999999999999"

    /// Runs the mlopsctl binary against the fixture's topology and ledger.
    static func mlopsctl(_ fixture: BootstrapFixture, _ arguments: [String]) async throws -> CommandRunner.Result {
        var environment = fixture.emulator.environment
        environment["AWS_MAX_ATTEMPTS"] = "2"
        environment["MLOPSCTL_LEDGER"] = fixture.ledgerPath
        environment["MLOPSCTL_TOPOLOGY"] = fixture.topologyPath
        environment["HOME"] = fixture.emulator.directory.path
        return try await CommandRunner().run(arguments, environment: environment, currentDirectory: fixture.emulator.directory, timeout: 300)
    }

    /// `refresh --output json`'s resources, by ledger row id.
    static func findings(_ result: CommandRunner.Result) throws -> [Int64: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.combined)")
        let resources = try #require(object["resources"] as? [[String: Any]], "\(result.stdout)")
        return Dictionary(uniqueKeysWithValues: resources.compactMap { row in (row["ledgerRow"] as? Int).map { (Int64($0), row) } })
    }

    @Test func refreshReportsEachOutOfBandChangeTheOwningVerbRepairsItAndTeardownLeavesNothing() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            let nothingLeft = NothingLeftCheck(fixture)
            try await nothingLeft.plant()

            // The lifecycle up to promote.
            #expect(try await fixture.workflow().run().allSatisfy(\.succeeded))
            try await LifecycleStandIns.putLeadRole(fixture)
            _ = try await CatalogAndLaunchTests.publish(fixture).run()
            let project = try await LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: "p-drift0001"),
                openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            let group = try await LifecycleStandIns.registerPackage(fixture, project: "demo")
            _ = try await PromoteTests.promote(fixture, PromoteOptions(project: "demo", target: .dev, approve: true)).run()

            // In sync: exit 0, and the emulator received reads only.
            try await emulator.startRecording()
            let clean = try await Self.mlopsctl(fixture, ["refresh", "--output", "json"])
            let requests = try await emulator.stopRecording()
            #expect(clean.status == 0, "\(clean.combined)")
            let cleanClasses = Set(try Self.findings(clean).values.compactMap { $0["drift"] as? String })
            #expect(cleanClasses.isSubset(of: ["in sync", "unchecked"]), "\(clean.stdout)")
            #expect(requests.count > 20, "the recorder saw \(requests.count) requests")
            let writes = requests.filter { !$0.isRead }.map(\.operation)
            #expect(writes.isEmpty, "refresh sent requests that are not reads: \(writes)")

            // Four changes made outside mlopsctl.
            let dev = try fixture.session(.dev)
            let sourceBucket = try #require(project.outputs["SourceBucket"], "\(project.outputs)")
            _ = try await BucketEmptier(s3: dev.s3).empty(bucket: sourceBucket)
            try await dev.s3.deleteBucket(sourceBucket)
            let execRole = "cdk-hnb659fds-cfn-exec-role-\(fixture.topology[.dev].account)-us-east-1"
            let widened = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}"#
            try await dev.iam.updateAssumeRolePolicy(roleName: execRole, document: widened)
            #expect(try await dev.ssm.deleteParameter(name: "/mlops/dev/account_id"))
            let catalogStack = PublishCatalogWorkflow.stackName(qualifier: fixture.topology.qualifier)
            let catalog = try #require(try await dev.cloudFormation.describeStack(catalogStack))
            _ = try await dev.cloudFormation.updateStack(UpdateStackRequest(
                stackName: catalogStack, template: .body(try await dev.cloudFormation.getTemplate(stackName: catalogStack)),
                parameters: catalog.parameters.map { StackParameter(key: $0.key, value: nil, usePreviousValue: true) },
                capabilities: [.namedIAM], tags: [StackTag(key: "owner", value: "someone-else")]))

            // refresh: each is found, with its class; exit 2.
            let drifted = try await Self.mlopsctl(fixture, ["refresh", "--output", "json"])
            #expect(drifted.status == 2, "\(drifted.combined)")
            let rows = try await fixture.ledger.resources()
            func finding(_ kind: ResourceKind, _ id: String) throws -> [String: Any] {
                let row = try #require(rows.first { $0.kind == kind && $0.physicalId == id && $0.stage == "dev" }, "no \(kind) \(id) row")
                return try #require(try Self.findings(drifted)[row.id!], "no finding for \(kind) \(id)")
            }
            #expect(try finding(.bucket, sourceBucket)["drift"] as? String == "gone")
            let trust = try finding(.iamRole, execRole)
            #expect(trust["drift"] as? String == "changed" && "\(trust["differences"] ?? "")".contains(Self.foreignAccount), "\(trust)")
            #expect(try finding(.ssmParameter, "/mlops/dev/account_id")["drift"] as? String == "gone")
            let tagged = try finding(.stack, catalogStack)
            #expect(tagged["drift"] as? String == "changed" && "\(tagged["differences"] ?? "")".contains("tag owner"), "\(tagged)")
            let others = try Self.findings(drifted).values.filter { ($0["drift"] as? String).map { ["changed", "gone", "unreadable"].contains($0) } ?? false }
            #expect(others.count == 6, "expected the four changes plus the two objects of the deleted bucket: \(others)")
            let text = try await Self.mlopsctl(fixture, ["refresh", "--stage", "dev"])
            #expect(text.status == 2 && text.stdout.contains("dev: ") && text.stdout.contains("gone"), "\(text.combined)")

            // Each owning verb repairs what it owns; a dry run first says what it would do and changes nothing.
            let preview = try await Self.mlopsctl(fixture, ["bootstrap", "--dry-run"])
            #expect(preview.status == 0 && preview.stdout.contains("would restore the trust policy of role \(execRole)"), "\(preview.combined)")
            #expect(try await dev.iam.getRole(name: execRole)?.assumeRolePolicyDocument?.contains(Self.foreignAccount) == true)
            let bootstrap = try await Self.mlopsctl(fixture, ["bootstrap"])
            #expect(bootstrap.status == 0 && bootstrap.stdout.contains("restore the trust policy of role \(execRole)"), "\(bootstrap.combined)")
            #expect(try await dev.iam.getRole(name: execRole)?.assumeRolePolicyDocument?.contains(Self.foreignAccount) == false)
            let publish = try await Self.mlopsctl(fixture, ["publish-catalog"])
            #expect(publish.status == 0 && publish.stdout.contains("put SSM parameter /mlops/dev/account_id back"), "\(publish.combined)")
            #expect(try await dev.ssm.getParameter(name: "/mlops/dev/account_id")?.value == fixture.topology[.dev].account)
            #expect(try await dev.cloudFormation.describeStack(catalogStack)?.tagValues["owner"] == nil)
            let launch = try await Self.mlopsctl(fixture, ["launch-project", "--name", "demo"])
            #expect(launch.status == 0 && launch.stdout.contains("create bucket \(sourceBucket) again"), "\(launch.combined)")
            #expect(try await dev.s3.getBucketVersioning(sourceBucket) == .enabled)
            let healed = try await Self.mlopsctl(fixture, ["refresh", "--output", "json"])
            #expect(healed.status == 0, "\(healed.combined)")
            let verify = try await Self.mlopsctl(fixture, ["status", "--verify"])
            #expect(verify.status == 0 && verify.stdout.contains("everything mlopsctl reads is in sync"), "\(verify.combined)")

            // Teardown leaves nothing of mlopsctl's, and everything of others'.
            let prod = fixture.topology[.prod].account
            let teardown = try await Self.mlopsctl(fixture, ["teardown", "--all", "--yes", "--confirm-prod", prod])
            #expect(teardown.status == 0, "\(teardown.combined)")
            let check = try await nothingLeft.check(foreign: ["dev:ssmParameter:/mlops/role/lead", "dev:modelPackageGroup:\(group)"])
            #expect(check.status == 0, "\(check.combined)")
        }
    }

    @Test func refreshApplyRecordsGoneRowsAndTeardownTreatsThemAsDone() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            #expect(try await fixture.workflow(BootstrapOptions(stages: [.dev])).run().allSatisfy(\.succeeded))
            let dev = try fixture.session(.dev)
            let parameter = "/cdk-bootstrap/hnb659fds/version"
            #expect(try await dev.ssm.deleteParameter(name: parameter))
            // The execution-policy stack updated by hand with another template: one more statement in its policy.
            let policyStack = "mlopsctl-hnb659fds-cfn-exec-dev"
            let deployed = try await dev.cloudFormation.getTemplate(stackName: policyStack)
            let statements = try #require(deployed.range(of: "\"Statement\""), "\(deployed.prefix(300))")
            let list = try #require(deployed[statements.upperBound...].firstIndex(of: "["))
            var body = deployed
            body.insert(contentsOf: #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},"#, at: body.index(after: list))
            let described = try #require(try await dev.cloudFormation.describeStack(policyStack))
            _ = try await dev.cloudFormation.updateStack(UpdateStackRequest(
                stackName: policyStack, template: .body(body),
                parameters: described.parameters.map { StackParameter(key: $0.key, value: nil, usePreviousValue: true) }, capabilities: [.namedIAM]))

            let applied = try await Self.mlopsctl(fixture, ["refresh", "--apply"])
            #expect(applied.status == 2 && applied.stdout.contains("recorded 1 gone resource(s) as deletedOutOfBand"), "\(applied.combined)")
            #expect(applied.stdout.contains("the stack was updated outside mlopsctl"), "\(applied.stdout)")
            let row = try #require(try await fixture.ledger.resources().first { $0.physicalId == parameter })
            #expect(row.status == .deletedOutOfBand && (row.detail ?? "").contains("refresh"), "\(row)")
            // Refresh skips it from now on (it is history, not live).
            let again = try await Self.mlopsctl(fixture, ["refresh", "--output", "json"])
            #expect(try Self.findings(again)[row.id!] == nil, "\(again.stdout)")

            let plan = try await Self.mlopsctl(fixture, ["teardown", "--bootstrap", "--dry-run"])
            #expect(plan.stdout.contains("Already gone (deleted outside mlopsctl, recorded by refresh --apply): 1 resource(s)"), "\(plan.combined)")
            // bootstrap deploys its own template again (and puts the parameter back: the row is live again).
            let restored = try await Self.mlopsctl(fixture, ["bootstrap", "--stage", "dev"])
            #expect(restored.status == 0 && restored.stdout.contains("put SSM parameter \(parameter) back"), "\(restored.combined)")
            #expect(try await dev.cloudFormation.getTemplate(stackName: policyStack) == deployed)
            #expect(try await fixture.ledger.resource(id: row.id!)?.status == .present)
            let teardown = try await Self.mlopsctl(fixture, ["teardown", "--bootstrap", "--yes"])
            #expect(teardown.status == 0, "\(teardown.combined)")
            #expect(try await dev.cloudFormation.describeStack("CDKToolkit") == nil)
        }
    }
}
