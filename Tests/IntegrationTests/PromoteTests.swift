import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// `promote` and `status` on the emulator: bootstrap, publish, launch, a registered package standing in for
/// training, then dev → preprod → prod through the gates, each stage's endpoint InService and recorded.
@Suite struct PromoteTests {
    /// The copy built into the executable, as `mlopsctl promote` uses it without --seed-code.
    static let deployApp = SeedCodeApp.deploy(in: .embedded)

    static func promote(_ fixture: BootstrapFixture, _ options: PromoteOptions) -> PromoteWorkflow {
        PromoteWorkflow(
            topology: fixture.topology, sessions: fixture.sessions, options: options, deployApp: deployApp,
            openLedger: { [ledger = fixture.ledger] in ledger }, lockTimeout: .seconds(5), arguments: ["promote", "--to", options.target.rawValue],
            user: "tester", endpointTimeout: .seconds(60), sleep: { _ in try await Task.sleep(for: .milliseconds(50)) })
    }

    /// A model package in the project's group, as the build pipeline would register it after training.
    static func registerPackage(_ dev: AWSSession, group: String) async throws -> String {
        if try await dev.sageMaker.describeModelPackageGroup(name: group) == nil {
            _ = try await dev.sageMaker.createModelPackageGroup(name: group)
        }
        let container = ModelPackageInferenceSpecification.Container(
            image: "222222222222.dkr.ecr.us-east-1.amazonaws.com/xgboost:1", modelDataUrl: "s3://mlops-artifacts/model.tar.gz")
        return try await dev.sageMaker.createModelPackage(CreateModelPackageRequest(
            groupName: group, inferenceSpecification: ModelPackageInferenceSpecification(
                containers: [container], supportedContentTypes: ["text/csv"], supportedResponseMIMETypes: ["text/csv"])))
    }

    @Test func promotesThroughEveryStageBehindTheGatesAndStatusShowsIt() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            // Someone else's bucket, stack and role in every account, there before mlopsctl: they must survive.
            let stages: [Stage] = [.governance, .dev, .preprod, .prod]
            for stage in stages {
                let session = try fixture.session(stage)
                try await session.s3.createBucket("theirs-\(stage.rawValue)-bucket")
                _ = try await session.cloudFormation.createStack(CreateStackRequest(
                    stackName: "theirs-stack",
                    template: .body(#"{"Resources":{"P":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/theirs/p","Type":"String","Value":"v"}}}}"#)))
            }
            _ = try await fixture.workflow().run()
            let dev = try fixture.session(.dev)
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)
            _ = try await CatalogAndLaunchTests.publish(fixture).run()
            let project = try await LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: "p-demo1"),
                openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            #expect(project.id == "p-demo1")
            let arn = try await Self.registerPackage(dev, group: "demo-p-demo1")

            // Pending without --approve, and prod before preprod: refused before any change.
            fixture.transport.reset()
            let pending = await #expect(throws: PromoteError.self) { try await Self.promote(fixture, PromoteOptions(project: "demo", target: .dev)).run() }
            #expect(pending?.description.contains("no Approved package") == true, "\(String(describing: pending))")
            let early = await #expect(throws: PromoteError.self) {
                try await Self.promote(fixture, PromoteOptions(project: "demo", target: .prod, package: .explicit(arn), approve: true, yes: true)).run()
            }
            #expect(early?.description.contains("prod gate") == true, "\(String(describing: early))")
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")

            // A dry run checks and plans, and changes nothing: no approval, no stack, no ledger run.
            let runsBeforeDryRun = try await fixture.ledger.runs().count
            let dryRun = try await Self.promote(fixture, PromoteOptions(project: "demo", target: .dev, approve: true, dryRun: true)).run()
            #expect(dryRun.stackAction == "would-create" && dryRun.wouldApprove && !dryRun.approved && dryRun.packageArn == arn, "\(dryRun)")
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
            #expect(try await fixture.ledger.runs().count == runsBeforeDryRun)
            #expect(try await dev.sageMaker.describeModelPackage(name: arn)?.approvalStatus == .pendingManualApproval)

            // dev: approves the pending package (naming the operator) and serves it.
            let toDev = try await Self.promote(fixture, PromoteOptions(project: "demo", target: .dev, approve: true)).run()
            #expect(toDev.packageArn == arn && toDev.approved && toDev.stackAction == "created" && toDev.endpointStatus == "InService", "\(toDev)")
            let approved = try #require(try await dev.sageMaker.describeModelPackage(name: arn))
            #expect(approved.approvalStatus == .approved)
            #expect(approved.approvalDescription?.contains("arn:aws:") == true, "\(approved.approvalDescription ?? "")")
            #expect(try await dev.sageMaker.describeEndpoint(name: toDev.endpoint)?.status == .inService)
            let stack = try #require(try await dev.cloudFormation.describeStack("mlops-demo-endpoint-dev"))
            #expect(stack.parameters.contains { $0.key == "ModelPackageArn" && $0.value == arn })

            // preprod through the gate, then prod confirmed with --yes (stdin is no terminal here).
            let toPreprod = try await Self.promote(fixture, PromoteOptions(project: "demo", target: .preprod, package: .explicit(arn))).run()
            #expect(toPreprod.account == fixture.topology[.preprod].account && !toPreprod.approved, "\(toPreprod)")
            #expect(try await fixture.session(.preprod).sageMaker.describeEndpoint(name: toPreprod.endpoint)?.status == .inService)
            let unconfirmed = await #expect(throws: PromoteError.self) {
                try await Self.promote(fixture, PromoteOptions(project: "demo", target: .prod)).run()
            }
            #expect(unconfirmed?.description.contains("--yes") == true)
            let toProd = try await Self.promote(fixture, PromoteOptions(project: "demo", target: .prod, yes: true)).run()
            #expect(toProd.account == fixture.topology[.prod].account && toProd.packageArn == arn)
            #expect(try await fixture.session(.prod).sageMaker.describeEndpoint(name: toProd.endpoint)?.status == .inService)

            // Once dev serves it, a dry run to dev has nothing to change.
            let again = try await Self.promote(fixture, PromoteOptions(project: "demo", target: .dev, dryRun: true)).run()
            #expect(again.stackAction == "unchanged" && again.endpointStatus == "serving", "\(again)")

            // Through the binary on a terminal: a wrong prod account id typed changes nothing (no run even starts);
            // the right one is accepted (the stack is already current, so nothing to deploy).
            var environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            environment["MLOPSCTL_SEED_CODE"] = ConformanceData.packageRoot.appendingPathComponent("seed_code").path
            let command = [CommandRunner.defaultExecutable.path, "promote", "--project", "demo", "--to", "prod"]
            let runsBefore = try await fixture.ledger.runs().count
            let mistyped = try await CommandRunner().run(command, environment: environment, through: PseudoTerminal.wrapper(answers: ["999999999999"]))
            #expect(mistyped.status == 1 && mistyped.stdout.contains("prod confirmation failed"), "\(mistyped.combined)")
            #expect(try await fixture.ledger.runs().count == runsBefore)
            let typed = try await CommandRunner().run(
                command, environment: environment, through: PseudoTerminal.wrapper(answers: [fixture.topology[.prod].account]))
            #expect(typed.status == 0 && typed.stdout.contains("is live in prod"), "\(typed.combined)")
            #expect(try await fixture.ledger.runs().count == runsBefore + 1)

            // The ledger: endpoint stack, model, endpoint config and endpoint rows per stage, under the project.
            let rows = try await fixture.ledger.resources(filter: ResourceFilter(project: "demo"))
            for stage in ["dev", "preprod", "prod"] {
                let kinds = Set(rows.filter { $0.stage == stage && $0.status == .present }.map(\.kind))
                #expect(kinds.isSuperset(of: [.stack, .model, .endpointConfig, .endpoint, .iamRole, .kmsKey]), "\(stage): \(kinds)")
            }
            let status = try await PromotionStatus.read(ledger: fixture.ledger, project: "demo")
            #expect(status.map(\.stage) == ["dev", "preprod", "prod"])
            #expect(status.allSatisfy { $0.packageArn == arn && $0.packageVersion == 1 && $0.promotedBy?.hasPrefix("arn:aws:") == true }, "\(status)")
            #expect(status.map(\.account) == [fixture.topology[.dev].account, fixture.topology[.preprod].account, fixture.topology[.prod].account])
            #expect(try await PromotionStatus.read(ledger: fixture.ledger, project: "other").isEmpty)

            // A second package skips the preprod gate with a reason, which status keeps.
            let second = try await Self.registerPackage(dev, group: "demo-p-demo1")
            _ = try await dev.sageMaker.updateModelPackage(arn: second, approvalStatus: .approved)
            let skipped = try await Self.promote(
                fixture, PromoteOptions(project: "demo", target: .preprod, skipGate: true, reason: "hotfix INC-7")
            ).run()
            #expect(skipped.packageArn == second && skipped.skippedGateReason == "hotfix INC-7" && skipped.stackAction == "updated", "\(skipped)")
            // A Rejected package and one that does not exist are refused, naming them, before any change.
            let rejected = try await Self.registerPackage(dev, group: "demo-p-demo1")
            _ = try await dev.sageMaker.updateModelPackage(arn: rejected, approvalStatus: .rejected)
            let unknown = arn.replacingOccurrences(of: "/1", with: "/99")
            fixture.transport.reset()
            for (candidate, word) in [(rejected, "Rejected"), (unknown, "does not exist")] {
                let refusal = await #expect(throws: PromoteError.self) {
                    try await Self.promote(fixture, PromoteOptions(project: "demo", target: .dev, package: .explicit(candidate), approve: true)).run()
                }
                #expect(refusal?.description.contains(candidate) == true && refusal?.description.contains(word) == true, "\(String(describing: refusal))")
            }
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
            let after = try await PromotionStatus.read(ledger: fixture.ledger, project: "demo")
            #expect(after.first { $0.stage == "preprod" }?.packageArn == second)
            #expect(after.first { $0.stage == "preprod" }?.skippedGateReason == "hotfix INC-7")
            #expect(after.first { $0.stage == "prod" }?.packageArn == arn)

            // status --verify reads the stacks: all as recorded; then someone deletes dev's endpoint stack by hand.
            let verified = await PromotionStatus.verify(after, topology: fixture.topology, sessions: fixture.sessions)
            #expect(verified.allSatisfy { $0.live == PromotionStatus.asRecorded }, "\(verified.map(\.live))")
            try await dev.cloudFormation.deleteStack(DeleteStackRequest(stackName: "mlops-demo-endpoint-dev"))
            let drifted = try await CommandRunner().run(["status", "--project", "demo", "--verify"], environment: environment)
            #expect(drifted.status == 2, "\(drifted.combined)")
            let devLine = drifted.stdout.split(separator: "\n").first { $0.hasPrefix("demo ") && $0.contains(" dev ") }
            #expect(devLine?.contains("no endpoint stack") == true, "\(drifted.stdout)")
            #expect(drifted.stdout.split(separator: "\n").filter { $0.contains("as recorded") }.count == 2, "\(drifted.stdout)")

            // Teardown removes the endpoint stacks first and leaves nothing; status then has nothing live.
            let endpoints = try await fixture.ledger.resources(filter: ResourceFilter(kind: .endpoint))
            #expect(endpoints.count == 3, "\(endpoints)")
            let plan = try await TeardownTests.teardown(fixture).plan()
            let endpointStacks = plan.steps.prefix(3).map { $0.target.physicalId ?? "" }
            #expect(endpointStacks.allSatisfy { $0.hasPrefix("mlops-demo-endpoint-") }, "\(endpointStacks)")
            let report = try await TeardownTests.teardown(fixture).run(confirmedProd: [fixture.topology[.prod].account])
            #expect(report.isComplete, "\(report.left) \(report.accountProblems)")
            let finalRows = try await fixture.ledger.resources()
            #expect(finalRows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(finalRows.filter { $0.status != .deleted })")
            try await TeardownTests.expectGone(fixture, finalRows)
            for row in endpoints {
                let session = try fixture.session(Stage(rawValue: row.stage)!)
                #expect(try await session.sageMaker.describeEndpoint(name: row.physicalId ?? "") == nil, "\(row)")
            }
            #expect(try await PromotionStatus.read(ledger: fixture.ledger, project: "demo").isEmpty)
            for stage in stages {
                let session = try fixture.session(stage)
                #expect(try await session.s3.headBucket("theirs-\(stage.rawValue)-bucket") != .notFound, "\(stage)")
                #expect(try await session.cloudFormation.describeStack("theirs-stack")?.status == .createComplete, "\(stage)")
                #expect(try await session.ssm.getParameter(name: "/theirs/p")?.value == "v", "\(stage)")
            }
            #expect(try await dev.ssm.getParameter(name: "/mlops/role/lead") != nil)
        }
    }
}
