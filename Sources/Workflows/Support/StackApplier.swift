import AWSServices
import Deployer
import Foundation
import Ledger

/// Plans one stack and, on a real run, deploys it when anything differs, recording the stack, its events and
/// its resources in the ledger. Shared by every verb that deploys stacks.
struct StackApplier: Sendable {
    let deployer: StackDeployer
    let collector: EventCollector
    let recorder: LedgerRecorder
    let dryRun: Bool
    /// The stacks this applier deployed or found unchanged, as it left them (the drift check starts from these).
    let deployed = DeployedStacks()

    init(session: AWSSession, recorder: LedgerRecorder, display: any StackProgressSink, dryRun: Bool, timing: StackWaitTiming = StackWaitTiming()) {
        let collector = EventCollector(display: display)
        self.collector = collector
        self.deployer = StackDeployer(
            cloudFormation: session.cloudFormation, sink: collector, waitPolicy: timing.policy, clock: timing.clock, sleep: timing.sleep,
            logger: session.logger)
        self.recorder = recorder
        self.dryRun = dryRun
    }

    /// `known`: what the caller just read of the stack (its first look then reads nothing again).
    func apply(_ deployment: StackDeployment, project: String? = nil, known: KnownStack? = nil) async throws -> StageBootstrapResult.StackResult {
        try await applyDescribed(deployment, project: project, known: known).result
    }

    /// `apply`, with the stack as the deployment left it (its outputs; nil for a dry run or a stack that is not there), so
    /// a caller that needs the outputs does not describe the stack again. The plan's reads are reused by the deployment.
    func applyDescribed(_ deployment: StackDeployment, project: String? = nil, known: KnownStack? = nil) async throws
        -> (result: StageBootstrapResult.StackResult, stack: StackDescription?)
    {
        let plan = try await deployer.plan(deployment, known: known)
        if dryRun { return (Self.dryRunResult(deployment.stackName, plan.change), nil) }
        return try await record(deployment, plan.change, project: project, unchanged: plan.stack) { try await deployer.deploy(plan) }
    }

    /// What deploying would do; an update gets a change set (executed by `apply(_:allowReplace:)` or dropped by `discard`).
    func review(_ deployment: StackDeployment, known: KnownStack? = nil) async throws -> StackReview {
        try await deployer.review(deployment, known: known)
    }

    /// Carries out a review, recording it like `apply(_:)`; refuses to replace or delete stateful resources unless `allowReplace`.
    func apply(_ review: StackReview, allowReplace: Bool, project: String? = nil) async throws -> StageBootstrapResult.StackResult {
        var (result, _) = try await record(review.deployment, review.change, project: project, unchanged: review.stack) {
            try await deployer.apply(review, allowReplace: allowReplace)
        }
        result.changes = review.resourceChanges
        return result
    }

    func discard(_ review: StackReview) async throws {
        try await deployer.discard(review)
    }

    /// Runs `operation` (which brings the stack to what `change` says), recording the stack, its events, its resources
    /// and the tags it was deployed with. Returns the result with the stack as the operation left it (`unchanged`, the
    /// stack as read, when nothing was to change).
    private func record(
        _ deployment: StackDeployment, _ change: StackChange, project: String?, unchanged: StackDescription?,
        _ operation: () async throws -> StackOutcome
    ) async throws -> (StageBootstrapResult.StackResult, StackDescription?) {
        let name = deployment.stackName
        if case .none = change {
            let rowId = try await recorder.confirm(stack: name, project: project)
            let resources = try await deployer.resources(stackName: name)
            try await recorder.recordResources(resources, stack: name, stackRowId: rowId, project: project)
            try await recorder.recordIntent(stackRowId: rowId, LedgerRecorder.intent(of: deployment))
            remember(deployment, unchanged, resources)
            return (.init(stack: name, action: .unchanged, detail: nil), unchanged)
        }
        let existed: Bool = if case .create = change { false } else { true }
        let (outcome, rowId): (StackOutcome, Int64?)
        do {
            (outcome, rowId) = try await recorder.around(stack: name, existed: existed, project: project) { try await operation() }
        } catch {
            try? await recorder.record(events: collector.drain())
            throw error
        }
        try await recorder.record(events: collector.drain())
        let resources = try await deployer.resources(stackName: name)
        try await recorder.recordResources(resources, stack: name, stackRowId: rowId, project: project)
        try await recorder.recordIntent(stackRowId: rowId, LedgerRecorder.intent(of: deployment))
        remember(deployment, outcome.stack, resources)
        let action: StageBootstrapResult.Action
        switch outcome.kind {
        case .created: action = .created
        case .updated: action = .updated
        default: action = .unchanged
        }
        return (.init(stack: name, action: action, detail: outcome.warnings.isEmpty ? nil : outcome.warnings.joined(separator: "; ")), outcome.stack)
    }

    /// Keeps the stack as the deployment left it, when all of it is known (a template given by URL is not).
    private func remember(_ deployment: StackDeployment, _ stack: StackDescription?, _ resources: [StackResourceSummary]) {
        guard let stack, let body = deployment.template.body else { return }
        deployed.record(DeployedStack(description: stack, templateBody: body, resources: resources))
    }

    static func dryRunResult(_ name: String, _ change: StackChange) -> StageBootstrapResult.StackResult {
        switch change {
        case .none: return .init(stack: name, action: .unchanged, detail: nil)
        case .create: return .init(stack: name, action: .wouldCreate, detail: nil)
        case .update(let reasons): return .init(stack: name, action: .wouldUpdate, detail: reasons.map(\.description).joined(separator: "; "))
        case .recreate(let reason): return .init(stack: name, action: .wouldRecreate, detail: reason.description)
        case .blocked(let status): return .init(stack: name, action: .wouldUpdate, detail: "after the running operation (\(status.rawValue)) ends")
        }
    }
}

/// How a workflow's deployer waits for stacks: the poll policy (its timeout), the clock it measures by and how it sleeps.
/// The defaults are the real ones; replay tests inject a fake clock to reach the deadline without waiting.
public struct StackWaitTiming: Sendable {
    public var policy: WaitPolicy
    public var clock: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        policy: WaitPolicy = WaitPolicy(), clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.policy = policy
        self.clock = clock
        self.sleep = sleep
    }
}
