import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

/// `mlopsctl promote`: serves one model package from a stage's real-time endpoint. Order of business: check the
/// flags and `config/<stage>.json`, confirm the accounts, find the project and the package (refusing Rejected,
/// unknown and unapproved ones), check the gate and the prod confirmation; only then take the ledger lock, approve
/// the package if asked, and deploy the endpoint stack in the stage's account as its CDK deploy role (CloudFormation
/// acting as the cfn-exec role), waiting until the endpoint is InService.
public struct PromoteWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions
    public let options: PromoteOptions
    /// `seed_code/deploy_app`: its `config/<stage>.json` sizes the endpoint.
    public let deployApp: URL
    public let openLedger: @Sendable () throws -> LedgerDatabase
    public let lockTimeout: Duration
    public let arguments: [String]
    public let display: any StackProgressSink
    /// The local user, for the role session name `mlopsctl-<user>`.
    public let user: String?
    /// Whether stdin is a terminal (prod confirmation), and how to ask there.
    public let isInteractive: Bool
    public let ask: @Sendable (String) -> String?
    public let endpointTimeout: Duration
    public let sleep: @Sendable (Duration) async throws -> Void

    public init(
        topology: Topology, sessions: StageSessions, options: PromoteOptions, deployApp: URL,
        openLedger: @escaping @Sendable () throws -> LedgerDatabase, lockTimeout: Duration = .seconds(30), arguments: [String] = [],
        display: any StackProgressSink = SilentProgressSink(), user: String? = nil, isInteractive: Bool = false,
        ask: @escaping @Sendable (String) -> String? = { _ in nil }, endpointTimeout: Duration = .seconds(3600),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.topology = topology
        self.sessions = sessions
        self.options = options
        self.deployApp = deployApp
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.display = display
        self.user = user
        self.isInteractive = isInteractive
        self.ask = ask
        self.endpointTimeout = endpointTimeout
        self.sleep = sleep
    }

    public func run() async throws -> PromoteResult {
        var problems = options.problems
        guard let templateStage = ProjectTemplateOptions.Stage(rawValue: options.target.rawValue) else {
            throw PromoteError("--to \(options.target.rawValue): promote deploys to dev, preprod or prod")
        }
        if options.project.range(of: ProjectIdentity.namePattern, options: .regularExpression) == nil {
            problems.append("--project '\(options.project)' is not a SageMaker project name")
        }
        let dev = topology[.dev]
        let target = topology[options.target]
        if target.region != dev.region {
            // CreateModel takes a model package of another account (shared by the group's policy), not of another region.
            problems.append(
                "stages.\(target.stage.rawValue).region \(target.region) differs from dev's \(dev.region): SageMaker builds a model only from "
                    + "a model package in its own region; use \(dev.region) for \(target.stage.rawValue)")
        }
        guard problems.isEmpty else { throw PromoteError(problems) }
        let config = try EndpointStageConfig.load(deployApp: deployApp, stage: options.target.rawValue)

        var stages = [dev]
        if target.stage != .dev { stages.append(target) }
        if let previous = PromotionGate.previous(options.target), previous != .dev { stages.append(topology[previous]) }
        let stageSessions = try stages.map { ($0, try sessions.session(for: $0)) }
        let arns = try await AccountCheck.verify(stageSessions)
        let session = { (stage: Stage) in stageSessions.first { $0.0.stage == stage }!.1 }

        let ledger = try openLedger()
        let identity = try await ProjectLookup.identity(name: options.project, ledger: ledger, dev: session(.dev))
        let group = ProjectNames(projectName: identity.name, projectId: identity.id, account: dev.account, region: dev.region).modelPackageGroup
        let selection = try await PackageSelection.choose(options.package, group: group, approve: options.approve, sageMaker: session(.dev).sageMaker)
        let packageArn = selection.package.arn
        try await PromotionGate.check(target: options.target, packageArn: packageArn, skipGate: options.skipGate) { stage in
            try await Self.livePackage(project: identity.name, stage: stage, session: session(stage))
        }
        if !options.dryRun { try ProdConfirmation.confirm(target: target, yes: options.yes, isInteractive: isInteractive, ask: ask) }

        let endpointOptions = EndpointTemplateOptions(
            projectName: identity.name, projectId: identity.id, stage: templateStage, modelPackageArn: packageArn,
            instanceType: config.instanceType, initialInstanceCount: config.initialInstanceCount, variantName: config.variantName,
            dataCapture: config.dataCapture)
        let names = endpointOptions.names
        let bootstrap = BootstrapNames(
            qualifier: topology.qualifier, account: target.account, region: target.region, partition: Partition.of(region: target.region))
        let deployment = StackDeployment(
            stackName: names.stackName, template: .body(EndpointTemplate.renderer.render(EndpointTemplate.make(endpointOptions))),
            parameters: [EndpointTemplate.ParameterName.modelPackageArn.rawValue: packageArn],
            tags: topology.bootstrap.tags.merging(EndpointTemplate.tags(endpointOptions)) { $1 },
            roleARN: bootstrap.cloudFormationExecutionRoleARN)
        // The deploy and cfn-exec roles come with the bootstrap; without it AssumeRole would fail mid-run.
        if try await session(options.target).ssm.getParameter(name: bootstrap.versionParameter) == nil {
            throw PromoteError(
                "\(target.stage.rawValue) (account \(target.account), \(target.region)) is not bootstrapped for qualifier \(topology.qualifier): "
                    + "no SSM parameter \(bootstrap.versionParameter); run `mlopsctl bootstrap --stage \(target.stage.rawValue)` first")
        }
        let previouslyLive = try await Self.livePackage(project: identity.name, stage: options.target, session: session(options.target))
        if options.dryRun {
            // Planning reads the stack only; the stage's own credentials can.
            let applier = StackApplier(
                session: session(options.target), recorder: LedgerRecorder(ledger: nil, runId: 0, stage: target), display: display, dryRun: true)
            let plan = try await applier.apply(deployment, project: identity.name)
            return PromoteResult(
                project: identity.name, projectId: identity.id, stage: target.stage.rawValue, account: target.account, region: target.region,
                packageArn: packageArn, packageVersion: selection.package.version, approved: false, stack: names.stackName,
                stackAction: plan.action.rawValue, endpoint: names.endpointName, endpointStatus: previouslyLive == packageArn ? "serving" : "-",
                skippedGateReason: options.skipGate ? options.reason : nil, wouldApprove: selection.needsApproval, detail: plan.detail)
        }

        let request = LockRequest.current(command: "promote", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = arns[target.stage] { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            if selection.needsApproval {
                let operatorArn = arns[.dev] ?? "unknown operator"
                try await session(.dev).sageMaker.updateModelPackage(
                    arn: packageArn, approvalStatus: .approved, approvalDescription: "Approved by \(operatorArn) with mlopsctl promote")
            }
            let deploySession = session(options.target).assumingRole(bootstrap.deployRoleARN, sessionName: PromoteSessionName.make(user: user))
            let recorder = LedgerRecorder(ledger: ledger, runId: lock.runId, stage: target)
            let applier = StackApplier(session: deploySession, recorder: recorder, display: display, dryRun: false)
            let stack: StageBootstrapResult.StackResult
            do {
                stack = try await applier.apply(deployment, project: identity.name)
            } catch let error as StackDeployError {
                throw PromoteFailure(stage: options.target, stack: names.stackName, previous: previouslyLive, underlying: error)
            }
            // The stack's output names the endpoint (CloudFormation may have named it), so ask the stack.
            let deployed = try await deploySession.cloudFormation.describeStack(names.stackName)
            let endpointName = deployed?.outputValues[EndpointTemplate.OutputName.endpointName.rawValue] ?? names.endpointName
            // The deploy role may only touch CloudFormation; the endpoint is watched with the stage's own credentials.
            let endpoint = try await waitInService(endpointName, sageMaker: session(options.target).sageMaker)
            let reason = options.skipGate ? options.reason : nil
            let record = PromotionRecord(
                project: identity.name, projectId: identity.id, stage: target.stage.rawValue, packageArn: packageArn,
                packageVersion: selection.package.version, stack: names.stackName, endpoint: endpointName, skippedGateReason: reason)
            let row = try await ledger.plan(
                recorder.intent(.other, PromotionRecord.physicalId(stack: names.stackName), stack: names.stackName,
                                logicalId: PromotionRecord.logicalId, project: identity.name),
                runId: lock.runId)
            try await ledger.settle(row.id!, status: .present, detail: record.json)
            return PromoteResult(
                project: identity.name, projectId: identity.id, stage: target.stage.rawValue, account: target.account, region: target.region,
                packageArn: packageArn, packageVersion: selection.package.version, approved: selection.needsApproval, stack: names.stackName,
                stackAction: stack.action.rawValue, endpoint: endpointName, endpointStatus: endpoint.status.rawValue,
                skippedGateReason: reason)
        }
    }

    /// The package a stage's endpoint stack serves now: its `ModelPackageArn` parameter (after a rolled-back
    /// update, the previous one), nil without a settled stack.
    static func livePackage(project: String, stage: Stage, session: AWSSession) async throws -> String? {
        guard let templateStage = ProjectTemplateOptions.Stage(rawValue: stage.rawValue) else { return nil }
        let name = EndpointNames.stackName(projectName: project, stage: templateStage)
        guard let stack = try await session.cloudFormation.describeStack(name) else { return nil }
        let status = stack.status.rawValue
        guard status.hasSuffix("_COMPLETE"), !status.hasPrefix("DELETE"), status != "ROLLBACK_COMPLETE" else { return nil }
        return stack.parameters.first { $0.key == EndpointTemplate.ParameterName.modelPackageArn.rawValue }?.value
    }

    /// Polls DescribeEndpoint until InService; Failed or the timeout stop with the endpoint's reason.
    private func waitInService(_ name: String, sageMaker: SageMakerClient) async throws -> SageMakerEndpoint {
        let deadline = ContinuousClock.now + endpointTimeout
        var delay = Duration.seconds(5)
        while true {
            let endpoint = try await sageMaker.describeEndpoint(name: name)
            // CloudFormation reports the stack complete only once the endpoint exists, so a missing one is an error.
            guard let endpoint else { throw PromoteError("endpoint \(name) does not exist although its stack deployed; check the stack's resources") }
            if endpoint.status == .inService { return endpoint }
            if endpoint.status == .failed || endpoint.status == .outOfService {
                throw PromoteError("endpoint \(name) is \(endpoint.status.rawValue): \(endpoint.failureReason ?? "no reason given")")
            }
            if ContinuousClock.now > deadline {
                throw PromoteError("endpoint \(name) is not InService after \(endpointTimeout) (\(endpoint.status.rawValue))")
            }
            try await sleep(delay)
            delay = min(delay * 2, .seconds(30))
        }
    }
}

/// The endpoint stack could not be deployed. CloudFormation rolled an update back, so the previous package (if any)
/// is still served.
public struct PromoteFailure: Error, CustomStringConvertible, Sendable {
    public let stage: Stage
    public let stack: String
    public let previous: String?
    public let underlying: StackDeployError

    public var description: String {
        let serving = previous.map { "the \(stage.rawValue) endpoint still serves \($0)" } ?? "no endpoint was serving before"
        return "promotion to \(stage.rawValue) failed and was rolled back (\(serving)): \(underlying)"
    }
}
