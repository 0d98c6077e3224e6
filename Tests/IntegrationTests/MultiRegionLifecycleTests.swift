import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// The whole lifecycle with every stage in its own region: bootstrap → publish (support stacks in the other regions)
/// → launch → a package registered in dev's region → promote dev, preprod, prod (the model built from the package's
/// containers there, the model data copied, SageMaker's image taken from each region's registry) → status --verify →
/// teardown --all, after which nothing mlopsctl created is left in any region and what others own is untouched.
@Suite struct MultiRegionLifecycleTests {
    static let regions = ["governance": "us-east-1", "dev": "us-west-2", "preprod": "eu-central-1", "prod": "ap-southeast-2"]
    /// SageMaker's XGBoost image in each region (its published registry accounts).
    static let xgboost = [
        "us-west-2": "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1",
        "eu-central-1": "492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "ap-southeast-2": "783357654285.dkr.ecr.ap-southeast-2.amazonaws.com/sagemaker-xgboost:1.7-1",
    ]

    @Test func everyVerbWorksWithEachStageInItsOwnRegionAndTeardownLeavesNothingAnywhere() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n", regions: Self.regions)
            let stages: [Stage] = [.governance, .dev, .preprod, .prod]
            // Someone else's bucket, stack and parameter in every account, in every region the topology uses.
            for stage in stages {
                for region in fixture.regions {
                    let session = try fixture.session(stage, region: region)
                    try await session.s3.createBucket("theirs-\(stage.rawValue)-\(region)")
                    _ = try await session.cloudFormation.createStack(CreateStackRequest(
                        stackName: "theirs-stack",
                        template: .body(#"{"Resources":{"P":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/theirs/p","Type":"String","Value":"v"}}}}"#)))
                }
            }

            let bootstrap = try await fixture.workflow().run()
            #expect(bootstrap.map(\.region) == stages.map { Self.regions[$0.rawValue]! } && bootstrap.allSatisfy(\.succeeded), "\(bootstrap)")
            let dev = try fixture.session(.dev)
            #expect(dev.region == "us-west-2")
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)

            // publish-catalog: one support stack per other region (preprod's and prod's), in dev's account.
            let published = try await CatalogAndLaunchTests.publish(fixture).run()
            #expect(published.supportStacks.map(\.region) == ["ap-southeast-2", "eu-central-1"], "\(published.supportStacks)")
            #expect(published.supportStacks.allSatisfy { $0.stack.action == .created }, "\(published.supportStacks)")
            for support in published.supportStacks {
                let here = try fixture.session(.dev, region: support.region)
                #expect(try await here.cloudFormation.describeStack(support.stack.stack)?.status == .createComplete, "\(support)")
                #expect(try await here.s3.headBucket(support.bucket) != .notFound, "\(support)")
                // Not in dev's own region: a stack lives where it was deployed.
                #expect(try await dev.cloudFormation.describeStack(support.stack.stack) == nil)
            }
            let supportRows = try await fixture.ledger.resources(filter: ResourceFilter(kind: .stack)).filter { $0.physicalId?.contains("-support-") == true }
            #expect(Set(supportRows.map(\.region)) == ["eu-central-1", "ap-southeast-2"] && supportRows.allSatisfy { $0.stage == "dev" }, "\(supportRows)")
            let again = try await CatalogAndLaunchTests.publish(fixture).run()
            #expect(again.supportStacks.allSatisfy { $0.stack.action == .unchanged } && again.stack.action == .unchanged, "\(again)")

            let project = try await LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: "p-multi1"),
                openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            #expect(project.region == "us-west-2")
            let bucket = try #require(project.outputs["ArtifactBucket"])

            // The stand-in trainer: model data in the project's artifact bucket, a package in dev's region.
            let modelKey = "training/output/model.tar.gz"
            let modelBytes = Data((0..<4096).map { UInt8($0 % 251) })
            _ = try await dev.s3.putObject(bucket: bucket, key: modelKey, body: modelBytes)
            let group = "demo-p-multi1"
            if try await dev.sageMaker.describeModelPackageGroup(name: group) == nil { _ = try await dev.sageMaker.createModelPackageGroup(name: group) }
            let container = ModelPackageInferenceSpecification.Container(image: Self.xgboost["us-west-2"]!, modelDataUrl: "s3://\(bucket)/\(modelKey)")
            let arn = try await dev.sageMaker.createModelPackage(CreateModelPackageRequest(
                groupName: group, inferenceSpecification: ModelPackageInferenceSpecification(containers: [container])))
            #expect(arn.contains(":us-west-2:"), "\(arn)")

            // dev: same region as the package, so the model is built from the package itself.
            let toDev = try await PromoteTests.promote(fixture, PromoteOptions(project: "demo", target: .dev, approve: true)).run()
            #expect(toDev.region == "us-west-2" && toDev.copies.isEmpty && toDev.endpointStatus == "InService", "\(toDev)")

            // preprod: a dry run shows the copy it would make, and changes nothing.
            fixture.transport.reset()
            let preview = try await PromoteTests.promote(fixture, PromoteOptions(project: "demo", target: .preprod, dryRun: true)).run()
            #expect(preview.copies.count == 1 && preview.copies[0].outcome == "would-copy" && preview.copies[0].bytes == modelBytes.count, "\(preview)")
            #expect(preview.images.first?.contains(Self.xgboost["eu-central-1"]!) == true, "\(preview.images)")
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")

            for (stage, options) in [(Stage.preprod, PromoteOptions(project: "demo", target: .preprod)),
                                     (Stage.prod, PromoteOptions(project: "demo", target: .prod, yes: true))] {
                let region = Self.regions[stage.rawValue]!
                let result = try await PromoteTests.promote(fixture, options).run()
                #expect(result.region == region && result.endpointStatus == "InService", "\(result)")
                let copy = try #require(result.copies.first)
                let staging = "cdk-hnb659fds-assets-\(fixture.topology[stage].account)-\(region)"
                #expect(copy.outcome == "copied" && copy.destination.hasPrefix("s3://\(staging)/mlopsctl/model-data/demo/"), "\(copy)")
                let target = try fixture.session(stage)
                let location = try #require(S3ObjectLocation(url: copy.destination))
                #expect(try await target.s3.getObject(bucket: location.bucket, key: location.key)?.body == modelBytes)
                // The stack's model: the container in this region, not the package of dev's region.
                let template = try await target.cloudFormation.getTemplate(stackName: result.stack)
                #expect(template.contains(Self.xgboost[region]!) && template.contains(copy.destination), "\(template)")
                #expect(!template.contains("\"ModelPackageName\""), "\(template)")
                let rows = try await fixture.ledger.resources(filter: ResourceFilter(project: "demo"))
                let copyRow = rows.first { $0.kind == .objectPrefix && $0.physicalId == "\(location.bucket)/\(location.key)" }
                #expect(copyRow?.region == region && copyRow?.stage == stage.rawValue && copyRow?.status == .present, "\(String(describing: copyRow))")
                #expect(rows.filter { $0.stage == stage.rawValue && $0.kind == .endpoint }.allSatisfy { $0.region == region })
            }
            // Promoting again copies nothing: the copy is keyed by the source object's identity.
            let rerun = try await PromoteTests.promote(fixture, PromoteOptions(project: "demo", target: .preprod, dryRun: true)).run()
            #expect(rerun.copies.map(\.outcome) == ["already-present"] && rerun.stackAction == "unchanged", "\(rerun)")

            // status --verify reads each stage in its own region.
            let statuses = try await PromotionStatus.read(ledger: fixture.ledger, project: "demo")
            #expect(statuses.map(\.region) == ["us-west-2", "eu-central-1", "ap-southeast-2"], "\(statuses)")
            let verified = await PromotionStatus.verify(statuses, topology: fixture.topology, sessions: fixture.sessions)
            #expect(verified.allSatisfy { $0.live == PromotionStatus.asRecorded }, "\(verified.map(\.live))")

            // The catalog cannot go while a project's pipeline uses its support stacks.
            let blocked = await #expect(throws: TeardownDependencies.Blocked.self) {
                try await TeardownTests.teardown(fixture, scope: TeardownScope(catalog: true)).plan()
            }
            #expect(blocked?.projects == ["demo"])

            let report = try await TeardownTests.teardown(fixture).run(confirmedProd: [fixture.topology[.prod].account])
            #expect(report.isComplete, "\(report.left) \(report.accountProblems)")
            let finalRows = try await fixture.ledger.resources()
            #expect(Set(finalRows.map(\.region)) == Set(Self.regions.values), "\(Set(finalRows.map(\.region)))")
            try await TeardownTests.expectGone(fixture, finalRows)
            for stage in stages {
                for region in fixture.regions {
                    let session = try fixture.session(stage, region: region)
                    #expect(try await session.s3.headBucket("theirs-\(stage.rawValue)-\(region)") != .notFound, "\(stage) \(region)")
                    #expect(try await session.cloudFormation.describeStack("theirs-stack")?.status == .createComplete, "\(stage) \(region)")
                    #expect(try await session.ssm.getParameter(name: "/theirs/p")?.value == "v", "\(stage) \(region)")
                    // Nothing of mlopsctl's by name either, in any region: bootstrap, catalog, support, endpoint stacks.
                    for name in [fixture.topology.bootstrap.stackName, "mlopsctl-hnb659fds-catalog", "mlopsctl-hnb659fds-catalog-support-\(region)",
                                 "mlops-demo-endpoint-\(stage.rawValue)"] {
                        #expect(try await session.cloudFormation.describeStack(name) == nil, "\(name) in \(stage) \(region)")
                    }
                }
            }
            #expect(try await dev.ssm.getParameter(name: "/mlops/role/lead") != nil)
        }
    }
}
