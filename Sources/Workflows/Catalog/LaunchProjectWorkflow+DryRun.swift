import AWSServices
import Deployer
import Foundation
import Ledger

/// `launch-project --dry-run`: every check a launch makes, then the plan, and nothing changed. The ledger is read,
/// never opened for writing nor locked (a missing one is not created). With --via cloudformation an update is planned
/// through a change set that is deleted again (a new stack's plan is its template's resources, as bootstrap's);
/// with --via sagemaker the plan is DescribeProject's answer and the ledger's.
extension LaunchProjectWorkflow {
    public func plan() async throws -> LaunchProjectPlan {
        let (session, _, catalog) = try await checkInputs()
        let dev = topology[.dev]
        let ledger = ledgerExists() ? try openLedger() : nil
        switch via {
        case .cloudformation:
            let seed = try await seedLocations(session)
            let rows = try await ledger?.resources(filter: ResourceFilter(kind: .stack, project: identity.name)) ?? []
            let identity = try identity.resumed(from: rows)
            let applier = StackApplier(session: session, recorder: LedgerRecorder(ledger: nil, runId: 0, stage: dev), display: display, dryRun: true)
            let review = try await applier.review(try projectDeployment(identity, seed: seed))
            try await applier.discard(review)
            let line = StackApplier.dryRunResult(review.stackName, review.change)
            let notes = [line.detail].compactMap { $0 } + review.notes
            let repairs = try await DriftRepairer(session: session, account: dev.account, region: dev.region)
                .repair(stackName: review.stackName, dryRun: true)
            return LaunchProjectPlan(
                name: identity.name, id: identity.id, via: via.rawValue, account: dev.account, region: dev.region, target: review.stackName,
                action: line.action, detail: notes.isEmpty ? nil : notes.joined(separator: "; "), changes: review.resourceChanges, repairs: repairs)
        case .sagemaker:
            let product = try await CatalogProduct.read(catalog: catalog, session: session, topology: topology)
            let existing = try await existingSageMakerProject(session: session, ledger: ledger)
            let detail = existing.map { "SageMaker project \($0.id) is \($0.status.rawValue)" }
                ?? "SageMaker CreateProject from product \(product.productId), version \(topology.catalog.productVersion) (\(product.artifact.id))"
            return LaunchProjectPlan(
                name: identity.name, id: existing?.id ?? identity.id, via: via.rawValue, account: dev.account, region: dev.region,
                target: Self.sageMakerPhysicalId(identity), action: existing == nil ? .wouldCreate : .unchanged, detail: detail, changes: [])
        }
    }
}
