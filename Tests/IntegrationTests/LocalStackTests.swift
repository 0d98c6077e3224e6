import AWSConfig
import AWSServices
import AWSWire
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
import Workflows

/// The real binary against LocalStack, the stricter second emulator: asynchronous stacks with per-resource events,
/// change sets that end FAILED when empty and that say whether a resource is replaced.
@Suite struct LocalStackTests {
    @Test func doctorBootstrapTwiceThenTeardownLeavesNothing() async throws {
        // The legacy engine: the default one cannot delete the CDK bootstrap stack (see LocalStack.Engine.standard).
        try await withLocalStack(.legacy) { localStack in
            let setup = try LocalStackSetup(localStack)

            let doctor = try await setup.mlopsctl(["doctor"])
            #expect(doctor.status == 0, "\(doctor.combined)")
            #expect(doctor.stdout.contains("all 4 stages healthy"), "\(doctor.stdout)")

            let started = ContinuousClock.now
            let first = try await setup.mlopsctl(["bootstrap"])
            let firstTime = ContinuousClock.now - started
            #expect(first.status == 0, "\(first.combined)\n\(localStack.logTail())")
            #expect(first.stdout.contains("8 stacks changed"), "\(first.stdout)")
            // Waited for: resource events of an asynchronous create (moto has stack events only).
            #expect(first.stderr.contains("StagingBucket AWS::S3::Bucket CREATE_IN_PROGRESS"), "\(first.stderr)")
            for stage in Stage.allCases {
                let stack = try await setup.session(stage).cloudFormation.describeStack("CDKToolkit")
                #expect(stack?.status == .createComplete, "\(stage)")
            }

            let second = try await setup.mlopsctl(["bootstrap"])
            #expect(second.status == 0, "\(second.combined)")
            #expect(second.stdout.contains("nothing to change"), "\(second.stdout)")

            let teardown = try await setup.mlopsctl(["teardown", "--bootstrap", "--yes", "--confirm-prod", setup.topology[.prod].account])
            #expect(teardown.status == 0, "\(teardown.combined)\n\(localStack.logTail())")
            #expect(teardown.stdout.contains("teardown complete"), "\(teardown.stdout)")
            for stage in Stage.allCases {
                let session = try setup.session(stage)
                let names = BootstrapNames(account: setup.topology[stage].account, region: "us-east-1")
                #expect(try await session.cloudFormation.describeStack("CDKToolkit") == nil, "\(stage)")
                #expect(try await session.cloudFormation.describeStack("mlopsctl-hnb659fds-cfn-exec-\(stage.rawValue)") == nil, "\(stage)")
                #expect(try await session.s3.headBucket(names.stagingBucket) == .notFound, "\(stage)")
                #expect(try await session.iam.getRole(name: names.deployRole) == nil, "\(stage)")
                #expect(try await session.ssm.getParameter(name: "/cdk-bootstrap/hnb659fds/version") == nil, "\(stage)")
            }
            FileHandle.standardError.write(Data(
                "LocalStack (legacy engine): started in \(String(format: "%.1f", localStack.startUpSeconds)) s; first bootstrap of 4 stages \(firstTime)\n".utf8))
        }
    }

    @Test func anUpgradeThatRenamesTheStagingBucketIsRefusedThenAllowed() async throws {
        try await withLocalStack(.legacy) { localStack in
            let setup = try LocalStackSetup(localStack)
            // The earlier release named its staging bucket otherwise (the workflow's template seam).
            var earlier = BootstrapWorkflow(
                topology: setup.topology, options: BootstrapOptions(stages: [.dev]), sessions: setup.sessions,
                openLedger: { [path = setup.ledgerPath] in try LedgerDatabase.open(path: path) })
            earlier.bootstrapTemplateBody = BootstrapUpgradeTests.renamedBucketRelease
            _ = try await earlier.run()

            let refused = try await setup.mlopsctl(["bootstrap", "--stage", "dev", "--output", "jsonl"])
            #expect(refused.status == 1, "\(refused.combined)")
            let plans = refused.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }.filter { $0["type"] as? String == "plan" }
            let changes = plans.first { $0["stack"] as? String == "CDKToolkit" }?["changes"] as? [[String: Any]] ?? []
            let bucket = try #require(changes.first { $0["logicalId"] as? String == "StagingBucket" }, Comment(rawValue: refused.stdout))
            // This engine's change set answers Replacement False for the renamed bucket; the template comparison refuses.
            #expect((bucket["reasons"] as? [String])?.contains("BucketName changes (a replacement property)") == true, "\(bucket)")
            #expect(try await setup.session(.dev).cloudFormation.getTemplate(stackName: "CDKToolkit").contains("cdk-${Qualifier}-staging-"))

            let allowed = try await setup.mlopsctl(["bootstrap", "--stage", "dev", "--allow-replace"])
            #expect(allowed.status == 0, "\(allowed.combined)\n\(localStack.logTail())")
            #expect(try await setup.session(.dev).cloudFormation.describeStack("CDKToolkit")?.status == .updateComplete)
            // The stack holds the new template. (This engine, believing no replacement was needed, keeps the old bucket.)
            #expect(try await setup.session(.dev).cloudFormation.getTemplate(stackName: "CDKToolkit") == BootstrapUpgradeTests.current)
            let again = try await setup.mlopsctl(["bootstrap", "--stage", "dev"])
            #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.combined)")
        }
    }

    /// The default engine cannot take a change set for the bootstrap template (its CommaDelimitedList bug), so its own
    /// replacement answer is shown on a small stack through the deployer. The template is YAML, which the template
    /// comparison does not read: CloudFormation's `Replacement: True` alone refuses the update.
    @Test func theStandardEnginesReplacementAnswerAloneRefusesAndAnEmptyChangeSetIsUnchanged() async throws {
        try await withLocalStack(.standard) { localStack in
            let setup = try LocalStackSetup(localStack)
            let deployer = StackDeployer(cloudFormation: try setup.session(.dev).cloudFormation)
            let template = { (bucket: String) in
                "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: \(bucket)\n"
                    + "  Marker:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /mlopsctl-test/marker\n      Type: String\n      Value: one\n"
            }
            let deployed = try await deployer.deploy(StackDeployment(stackName: "guarded", template: .body(template("mlopsctl-data-one"))))
            #expect(deployed.kind == .created)

            let review = try await deployer.review(StackDeployment(stackName: "guarded", template: .body(template("mlopsctl-data-two"))))
            let bucket = try #require(review.resourceChanges.first { $0.logicalId == "Data" })
            #expect(bucket.replacement == "True" && bucket.reasons.isEmpty && bucket.isDestructive, "\(review.resourceChanges)")
            #expect(review.notes.contains { $0.contains("not JSON") })
            let error = await #expect(throws: StackDeployError.self) { _ = try await deployer.apply(review, allowReplace: false) }
            #expect(error?.description.contains("Data (AWS::S3::Bucket): replaced") == true, "\(String(describing: error))")
            #expect(try await setup.session(.dev).s3.headBucket("mlopsctl-data-one") != .notFound)
            #expect(try await setup.session(.dev).s3.headBucket("mlopsctl-data-two") == .notFound)

            // The same template with other whitespace: the change set ends FAILED ("didn't contain changes"), as on AWS.
            let noop = try await deployer.review(StackDeployment(stackName: "guarded", template: .body(template("mlopsctl-data-one") + "\n")))
            #expect(noop.kind == .unchanged && noop.changeSetId == nil)
        }
    }
}

/// Runs `body` against a private LocalStack and always stops it; skips with a notice where LocalStack is not
/// installed on a developer machine (a failure under CI=true).
func withLocalStack(_ engine: LocalStack.Engine, _ body: (LocalStack) async throws -> Void) async throws {
    let localStack: LocalStack
    do {
        localStack = try await LocalStack.start(engine: engine)
    } catch EmulatorError.skip(let notice) {
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        return
    }
    do {
        try await body(localStack)
    } catch {
        await localStack.stop()
        throw error
    }
    await localStack.stop()
}

/// A topology of LocalStack's four accounts, a ledger, sessions and the binary pointed at them.
struct LocalStackSetup {
    let localStack: LocalStack
    let topologyPath: String
    let topology: Topology
    let ledgerPath: String
    let sessions: StageSessions

    init(_ localStack: LocalStack) throws {
        self.localStack = localStack
        var yaml = "version: 1\nregion: us-east-1\nqualifier: hnb659fds\nstages:\n"
        for account in localStack.accounts {
            yaml += "  \(account.stage): { account: \"\(account.accountID)\", profile: \(account.profile) }\n"
        }
        let file = localStack.directory.appendingPathComponent("topology.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        topologyPath = file.path
        topology = try TopologyLoader.load(path: file.path)
        ledgerPath = localStack.directory.appendingPathComponent("ledger.sqlite").path
        let environment = EnvironmentVariables(localStack.environment.merging(["AWS_MAX_ATTEMPTS": "2"]) { $1 })
        sessions = StageSessions(
            config: try SharedConfigFiles.load(environment: environment), environment: environment, transport: CurlTransport(),
            logger: Logger(label: "test"))
    }

    func session(_ stage: Stage) throws -> AWSSession {
        try sessions.session(for: topology[stage])
    }

    func mlopsctl(_ arguments: [String]) async throws -> CommandRunner.Result {
        var environment = localStack.environment
        environment["AWS_MAX_ATTEMPTS"] = "2"
        environment["MLOPSCTL_LEDGER"] = ledgerPath
        environment["HOME"] = localStack.directory.path
        return try await CommandRunner().run(arguments + ["--topology", topologyPath], environment: environment, timeout: 600)
    }
}
