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
    /// The seed code's `deploy_app`: its `config/<stage>.json` sizes the endpoint.
    public let deployApp: SeedCodeApp
    public let openLedger: @Sendable () throws -> LedgerDatabase
    /// Whether the ledger file exists yet (a refused promotion must not create it).
    public let ledgerExists: @Sendable () -> Bool
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
        topology: Topology, sessions: StageSessions, options: PromoteOptions, deployApp: SeedCodeApp,
        openLedger: @escaping @Sendable () throws -> LedgerDatabase, ledgerExists: @escaping @Sendable () -> Bool = { true },
        lockTimeout: Duration = .seconds(30), arguments: [String] = [],
        display: any StackProgressSink = SilentProgressSink(), user: String? = nil, isInteractive: Bool = false,
        ask: @escaping @Sendable (String) -> String? = { _ in nil }, endpointTimeout: Duration = .seconds(3600),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.topology = topology
        self.sessions = sessions
        self.options = options
        self.deployApp = deployApp
        self.openLedger = openLedger
        self.ledgerExists = ledgerExists
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
        let plan = try await prepare()
        return options.dryRun ? try await preview(plan) : try await deploy(plan)
    }

    /// Dry run: the stack plan (read with the stage's own credentials), nothing changed or recorded.
    private func preview(_ plan: PromotionPlan) async throws -> PromoteResult {
        let applier = StackApplier(
            session: plan.session(plan.target.stage), recorder: LedgerRecorder(ledger: nil, runId: 0, stage: plan.target), display: display,
            dryRun: true)
        let stack = try await applier.apply(plan.deployment, project: plan.identity.name)
        var result = plan.result(stackAction: stack.action.rawValue, endpoint: plan.names.endpointName,
                                 endpointStatus: plan.previouslyLive == plan.packageArn ? "serving" : "-")
        result.wouldApprove = plan.selection.needsApproval
        result.detail = stack.detail
        result.copies = (plan.regional?.copies ?? []).map { $0.result(outcome: $0.alreadyPresent ? "already-present" : "would-copy") }
        return result
    }

    /// Under the ledger lock: approve if asked, deploy as the stage's CDK deploy role, wait for InService, record.
    private func deploy(_ plan: PromotionPlan) async throws -> PromoteResult {
        let ledger = plan.ledger
        let target = plan.target
        let request = LockRequest.current(command: "promote", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = plan.callers[target.stage] { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            if plan.selection.needsApproval {
                let operatorArn = plan.callers[.dev] ?? "unknown operator"
                try await plan.session(.dev).sageMaker.updateModelPackage(
                    arn: plan.packageArn, approvalStatus: .approved, approvalDescription: "Approved by \(operatorArn) with mlopsctl promote")
            }
            let deploySession = plan.session(target.stage).assumingRole(
                plan.bootstrap.deployRoleARN, sessionName: PromoteSessionName.make(user: user))
            let recorder = LedgerRecorder(ledger: ledger, runId: lock.runId, stage: target)
            // Model data first: the stack's model names the copies.
            let copies = try await copyModelData(plan, recorder: recorder)
            let applier = StackApplier(session: deploySession, recorder: recorder, display: display, dryRun: false)
            let stack: StageBootstrapResult.StackResult
            let deployed: StackDescription?
            do {
                (stack, deployed) = try await applier.applyDescribed(plan.deployment, project: plan.identity.name)
            } catch let error as StackDeployError {
                throw PromoteFailure(stage: target.stage, stack: plan.names.stackName, previous: plan.previouslyLive, underlying: error)
            }
            // The stack's output names the endpoint (CloudFormation may have named it): as the deployment's last read of
            // the stack returned it (UpdateStack or CreateStack, whose final DescribeStacks carries the new outputs).
            let endpointName = deployed?.outputValues[EndpointTemplate.OutputName.endpointName.rawValue] ?? plan.names.endpointName
            // The deploy role may only touch CloudFormation; the endpoint is watched with the stage's own credentials.
            let endpoint = try await waitInService(endpointName, sageMaker: plan.session(target.stage).sageMaker)
            let record = PromotionRecord(
                project: plan.identity.name, projectId: plan.identity.id, stage: target.stage.rawValue, packageArn: plan.packageArn,
                packageVersion: plan.selection.package.version, stack: plan.names.stackName, endpoint: endpointName,
                skippedGateReason: plan.skippedGateReason)
            let row = try await ledger.plan(
                recorder.intent(.other, PromotionRecord.physicalId(stack: plan.names.stackName), stack: plan.names.stackName,
                                logicalId: PromotionRecord.logicalId, project: plan.identity.name),
                runId: lock.runId)
            try await ledger.settle(row.id!, status: .present, detail: record.json)
            var result = plan.result(stackAction: stack.action.rawValue, endpoint: endpointName, endpointStatus: endpoint.status.rawValue)
            result.approved = plan.selection.needsApproval
            result.copies = copies
            return result
        }
    }

    /// Copies each container's model data into the target region (as the target stage's own credentials, which read the
    /// source through the project's bucket and key policies), each copy a ledger row of the project so teardown removes it.
    private func copyModelData(_ plan: PromotionPlan, recorder: LedgerRecorder) async throws -> [ModelDataCopyResult] {
        guard let regional = plan.regional else { return [] }
        let copier = ModelDataCopier(s3: plan.session(plan.target.stage).s3)
        var results: [ModelDataCopyResult] = []
        for copy in regional.copies {
            try await recorder.recordObject(bucket: copy.destination.bucket, key: copy.destination.key, project: plan.identity.name) {
                if !copy.alreadyPresent { try await copier.copy(from: copy.source, size: copy.size, to: copy.destination) }
            }
            results.append(copy.result(outcome: copy.alreadyPresent ? "already-present" : "copied"))
        }
        return results
    }
}

extension RegionalModel.Copy {
    func result(outcome: String) -> ModelDataCopyResult {
        ModelDataCopyResult(source: source.url, destination: destination.url, bytes: size, outcome: outcome)
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
