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

    init(session: AWSSession, recorder: LedgerRecorder, display: any StackProgressSink, dryRun: Bool) {
        let collector = EventCollector(display: display)
        self.collector = collector
        self.deployer = StackDeployer(cloudFormation: session.cloudFormation, sink: collector, logger: session.logger)
        self.recorder = recorder
        self.dryRun = dryRun
    }

    func apply(_ deployment: StackDeployment, project: String? = nil) async throws -> StageBootstrapResult.StackResult {
        let change = try await deployer.plan(deployment)
        let name = deployment.stackName
        if dryRun { return Self.dryRunResult(name, change) }
        if case .none = change {
            let rowId = try await recorder.confirm(stack: name, project: project)
            try await recorder.recordResources(try await deployer.resources(stackName: name), stack: name, stackRowId: rowId, project: project)
            return .init(stack: name, action: .unchanged, detail: nil)
        }
        let existed: Bool = if case .create = change { false } else { true }
        let (outcome, rowId): (StackOutcome, Int64?)
        do {
            (outcome, rowId) = try await recorder.around(stack: name, existed: existed, project: project) { try await deployer.deploy(deployment) }
        } catch {
            try? await recorder.record(events: collector.drain())
            throw error
        }
        try await recorder.record(events: collector.drain())
        try await recorder.recordResources(try await deployer.resources(stackName: name), stack: name, stackRowId: rowId, project: project)
        let action: StageBootstrapResult.Action
        switch outcome.kind {
        case .created: action = .created
        case .updated: action = .updated
        default: action = .unchanged
        }
        return .init(stack: name, action: action, detail: outcome.warnings.isEmpty ? nil : outcome.warnings.joined(separator: "; "))
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
