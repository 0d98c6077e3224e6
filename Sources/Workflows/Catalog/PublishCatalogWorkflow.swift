import AWSServices
import Assets
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

/// `mlopsctl publish-catalog`: zips the seed code, uploads it and the project template (content-addressed)
/// to dev's bootstrap staging bucket, deploys a cross-region support stack (the deploy pipelines' artifact store) in
/// dev's account in each other region preprod or prod live in, and deploys the catalog stack (SSM parameters, launch role, portfolio,
/// product with every published version, constraint, principal association). Idempotent: a re-run with the
/// same seed code and topology uploads nothing and makes no stack change.
public struct PublishCatalogWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions
    public let seedCode: SeedCodeLocation
    public let dryRun: Bool
    public let openLedger: @Sendable () throws -> LedgerDatabase
    public let lockTimeout: Duration
    public let arguments: [String]
    public let display: any StackProgressSink
    public let timing: StackWaitTiming

    public init(
        topology: Topology, sessions: StageSessions, seedCode: SeedCodeLocation, dryRun: Bool = false,
        openLedger: @escaping @Sendable () throws -> LedgerDatabase, lockTimeout: Duration = .seconds(30), arguments: [String] = [],
        display: any StackProgressSink = SilentProgressSink(), timing: StackWaitTiming = StackWaitTiming()
    ) {
        self.topology = topology
        self.sessions = sessions
        self.seedCode = seedCode
        self.dryRun = dryRun
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.display = display
        self.timing = timing
    }

    /// `mlopsctl-<qualifier>-catalog`, in dev.
    public static func stackName(qualifier: String) -> String { "mlopsctl-\(qualifier)-catalog" }

    public func run() async throws -> PublishCatalogResult {
        let dev = topology[.dev]
        _ = try seedCode.appTrees()  // bad input first, before any AWS call
        let session = try sessions.session(for: dev)
        let arns = try await AccountCheck.verify([(dev, session)])
        let prerequisites = try await CatalogPrerequisites.read(dev: dev, session: session, topology: topology)
        let plan = try CatalogPlan.make(topology: topology, seedCode: seedCode, stagingBucket: prerequisites.stagingBucket)
        let stackName = Self.stackName(qualifier: topology.qualifier)
        var published: [ProductVersion] = []
        // Read once: the published versions come from the deployed template, and the deployment starts from this read.
        var known = KnownStack(description: try await session.cloudFormation.describeStack(stackName))
        if let deployed = known.description {
            let body = try await session.cloudFormation.getTemplate(stackName: deployed.stackId, stage: .original)
            known.originalTemplate = body
            published = PublishedVersions.read(fromTemplateBody: body)
        }
        let options = try plan.catalogOptions(
            topology: topology, stagingBucket: prerequisites.stagingBucket, leadRoleArn: prerequisites.leadRoleArn, published: published)
        let body = TemplateRenderer().render(try CatalogTemplate.make(options))
        let deployment = StackDeployment(stackName: stackName, template: .body(body), tags: topology.bootstrap.tags)

        let support = PipelineSupport(options: plan.projectOptions, catalogStack: stackName, tags: topology.bootstrap.tags)

        guard !dryRun else {
            let supportStacks = try await support.apply(dev: dev, session: session, ledger: nil, runId: 0, display: display, dryRun: true)
            let applier = StackApplier(session: session, recorder: LedgerRecorder(ledger: nil, runId: 0, stage: dev), display: display, dryRun: true)
            var uploads: [PublishCatalogResult.Upload] = []
            for asset in [plan.buildAsset, plan.deployAsset, plan.projectTemplate] {
                let present = try await session.s3.headObject(bucket: prerequisites.stagingBucket, key: asset.key) != nil
                uploads.append(.init(name: asset.name, bucket: prerequisites.stagingBucket, key: asset.key, outcome: present ? "already-present" : "would-upload"))
            }
            let repairer = DriftRepairer(session: session, account: dev.account, region: dev.region)
            return PublishCatalogResult(
                account: dev.account, region: dev.region, productVersion: topology.catalog.productVersion, versions: options.versions.map(\.name),
                uploads: uploads, stack: try await applier.apply(deployment, known: known), supportStacks: supportStacks,
                repairs: try await repairer.repair(stackName: stackName, dryRun: true))
        }

        let ledger = try openLedger()
        let request = LockRequest.current(command: "publish-catalog", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = arns[.dev] { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            let recorder = LedgerRecorder(ledger: ledger, runId: lock.runId, stage: dev)
            let uploader = try AssetUploader(s3: session.s3)
            var uploads: [PublishCatalogResult.Upload] = []
            for asset in [plan.buildAsset, plan.deployAsset, plan.projectTemplate] {
                var outcome = AssetUploadOutcome.alreadyPresent
                try await recorder.recordObject(bucket: prerequisites.stagingBucket, key: asset.key) {
                    outcome = try await uploader.upload(asset, bucket: prerequisites.stagingBucket)
                }
                uploads.append(.init(
                    name: asset.name, bucket: prerequisites.stagingBucket, key: asset.key,
                    outcome: outcome == .alreadyPresent ? "already-present" : "uploaded"))
            }
            // The artifact stores first: a project launched from the new version may deploy across regions at once.
            let supportStacks = try await support.apply(dev: dev, session: session, ledger: ledger, runId: lock.runId, display: display, dryRun: false)
            let applier = StackApplier(session: session, recorder: recorder, display: display, dryRun: false, timing: timing)
            // The uploads and support stacks above do not touch the catalog stack: the read before them still holds.
            let stack = try await applier.apply(deployment, known: known)
            // What was changed by hand in the stack (a deleted parameter): CloudFormation does not see it; put it back.
            let repairs = try await DriftRepairer(session: session, account: dev.account, region: dev.region)
                .repair(stackName: stackName, dryRun: false, known: applier.deployed[stackName])
            return PublishCatalogResult(
                account: dev.account, region: dev.region, productVersion: topology.catalog.productVersion, versions: options.versions.map(\.name),
                uploads: uploads, stack: stack, supportStacks: supportStacks, repairs: repairs)
        }
    }
}
