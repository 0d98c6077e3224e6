import AWSServices
import CFNTemplate
import Foundation
import Testing
import TestSupport
import Topology
import Workflows

/// Re-running `bootstrap` after an upgrade that changes the bootstrap template. The earlier release is stood for by
/// deploying another template first (the workflow's template seam); the upgrade is then the real binary.
@Suite struct BootstrapUpgradeTests {
    static let current = TemplateRenderer().render(BootstrapTemplate.make())

    /// A release whose staging bucket had another name: upgrading from it would replace the bucket.
    static let renamedBucketRelease = current.replacingOccurrences(of: "cdk-${Qualifier}-assets-", with: "cdk-${Qualifier}-staging-")
    /// A release one bootstrap version older: upgrading from it changes a parameter and an output in place.
    static let olderVersionRelease = current.replacingOccurrences(of: #""Value": "\#(BootstrapTemplate.version)""#, with: #""Value": "31""#)

    /// Bootstraps every stage with an earlier release's template.
    static func deployEarlierRelease(_ body: String, _ fixture: BootstrapFixture) async throws {
        var earlier = fixture.workflow()
        earlier.bootstrapTemplateBody = body
        _ = try await earlier.run()
    }

    static func bootstrap(_ fixture: BootstrapFixture, _ arguments: [String] = []) async throws -> CommandRunner.Result {
        var environment = fixture.emulator.environment
        environment["AWS_MAX_ATTEMPTS"] = "2"
        environment["MLOPSCTL_LEDGER"] = fixture.ledgerPath
        environment["HOME"] = fixture.emulator.directory.path
        return try await CommandRunner().run(["bootstrap", "--topology", fixture.topologyPath] + arguments, environment: environment)
    }

    @Test func aReplacedBucketIsRefusedWithNothingChangedThenAllowedWithAllowReplace() async throws {
        #expect(Self.renamedBucketRelease != Self.current)
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            try await Self.deployEarlierRelease(Self.renamedBucketRelease, fixture)
            let dev = try fixture.session(.dev)
            let devAccount = fixture.topology[.dev].account
            let oldBucket = "cdk-hnb659fds-staging-\(devAccount)-us-east-1"
            _ = try await dev.s3.putObject(bucket: oldBucket, key: "assets/model.tar.gz", body: Data("data a user keeps".utf8))

            // The upgrade: refused, with the plan and a one-line reason per stage, and exit status 1.
            let refused = try await Self.bootstrap(fixture)
            #expect(refused.status == 1, "\(refused.combined)")
            let planLine = try #require(refused.stdout.split(separator: "\n").first { $0.hasPrefix("dev ") && $0.contains("StagingBucket") })
            #expect(planLine.contains("Modify") && planLine.contains("AWS::S3::Bucket") && planLine.contains("yes  <- stateful"), "\(planLine)")
            #expect(planLine.contains("BucketName changes (a replacement property)"), "\(planLine)")
            #expect(refused.stdout.contains("refused: 4 stack update(s) would replace or delete stateful resources"), "\(refused.stdout)")
            #expect(refused.stdout.contains("pass --allow-replace"))
            #expect(!refused.combined.contains("Fatal error") && !refused.combined.contains("Stack dump"))
            // Nothing changed: the old template, the old bucket with its object, no new bucket, no change set left behind.
            for stage in Stage.allCases {
                let session = try fixture.session(stage)
                let template = try await session.cloudFormation.getTemplate(stackName: "CDKToolkit")
                #expect(template.contains("cdk-${Qualifier}-staging-"), "\(stage)")
                let account = fixture.topology[stage].account
                #expect(try await session.s3.headBucket("cdk-hnb659fds-assets-\(account)-us-east-1") == .notFound, "\(stage)")
            }
            #expect(try await dev.s3.getObject(bucket: oldBucket, key: "assets/model.tar.gz") != nil)

            // The same refusal in process: its only mutating calls are the change sets, each deleted.
            fixture.transport.reset()
            await #expect(throws: BootstrapFailure.self) { _ = try await fixture.workflow().run() }
            let mutating = fixture.transport.mutatingOperations
            #expect(mutating.filter { $0 == "CreateChangeSet" }.count == 4 && mutating.filter { $0 == "DeleteChangeSet" }.count == 4, "\(mutating)")
            #expect(mutating.count == 8, "\(mutating)")

            // With --allow-replace the update goes ahead: the stacks hold the new template and the renamed bucket exists.
            let allowed = try await Self.bootstrap(fixture, ["--allow-replace"])
            #expect(allowed.status == 0, "\(allowed.combined)")
            #expect(allowed.stdout.contains("4 stacks changed"), "\(allowed.stdout)")
            for stage in Stage.allCases {
                let session = try fixture.session(stage)
                let stack = try await session.cloudFormation.describeStack("CDKToolkit")
                #expect(stack?.status == .updateComplete, "\(stage)")
                #expect(try await session.cloudFormation.getTemplate(stackName: "CDKToolkit") == Self.current, "\(stage)")
                let account = fixture.topology[stage].account
                #expect(try await session.s3.headBucket("cdk-hnb659fds-assets-\(account)-us-east-1") != .notFound, "\(stage)")
            }
            // And a run after that has nothing left to do.
            let again = try await Self.bootstrap(fixture)
            #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.combined)")
        }
    }

    @Test func aNonStatefulChangeUpdatesInPlaceThroughAChangeSet() async throws {
        #expect(Self.olderVersionRelease != Self.current)
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            try await Self.deployEarlierRelease(Self.olderVersionRelease, fixture)
            let dev = try fixture.session(.dev)
            #expect(try await dev.ssm.getParameter(name: "/cdk-bootstrap/hnb659fds/version")?.value == "31")
            let bucket = "cdk-hnb659fds-assets-\(fixture.topology[.dev].account)-us-east-1"
            _ = try await dev.s3.putObject(bucket: bucket, key: "assets/kept", body: Data("kept".utf8))

            fixture.transport.reset()
            let results = try await fixture.workflow().run()

            for result in results {
                let toolkit = try #require(result.stacks.first { $0.stack == "CDKToolkit" })
                #expect(toolkit.action == .updated, "\(result.stage): \(toolkit)")
                let changes = toolkit.changes ?? []
                #expect(changes.map { "\($0.action) \($0.logicalId)" }.contains("Modify CdkBootstrapVersion"), "\(changes)")
                #expect(changes.allSatisfy { !$0.isDestructive }, "\(changes)")
            }
            let mutating = fixture.transport.mutatingOperations
            #expect(mutating.filter { $0 == "ExecuteChangeSet" }.count == 4 && !mutating.contains("UpdateStack"), "\(mutating)")
            #expect(try await dev.ssm.getParameter(name: "/cdk-bootstrap/hnb659fds/version")?.value == "\(BootstrapTemplate.version)")
            #expect(try await dev.s3.getObject(bucket: bucket, key: "assets/kept") != nil)  // the same bucket, its data in place
        }
    }
}
