import AWSServices
import Assets
import Deployer
import Foundation
import Ledger
import Topology

/// Writes what one stage's run does to the ledger, terraform-style: a row is `planned` before the mutating
/// call and settled after it, so a crash at any point leaves rows that say what may exist. A nil ledger
/// (dry runs) records nothing.
struct LedgerRecorder: Sendable {
    let ledger: LedgerDatabase?
    let runId: Int64
    let stage: StageConfig

    func intent(_ kind: ResourceKind, _ physicalId: String, stack: String?, logicalId: String? = nil, parentId: Int64? = nil,
                project: String? = nil, ownership: Ownership = .created) -> ResourceIntent {
        ResourceIntent(
            stage: stage.stage.rawValue, account: stage.account, region: stage.region, kind: kind, physicalId: physicalId,
            logicalId: logicalId, stack: stack, parentId: parentId, project: project, ownership: ownership)
    }

    /// Records what a stack was just deployed (or confirmed) with: what refresh compares the live stack to.
    func recordIntent(stackRowId: Int64?, _ intent: StackIntent) async throws {
        guard let ledger, let stackRowId else { return }
        try await ledger.recordStackIntent(resourceId: stackRowId, intent, runId: runId)
    }

    /// What `deployment` deploys: its tags, its template's digest and the parameters it passes.
    static func intent(of deployment: StackDeployment) -> StackIntent {
        StackIntent(
            tags: deployment.tags, templateSha256: deployment.template.body.map { Asset.hexDigest(Data($0.utf8)) },
            parameters: deployment.parameters)
    }

    /// The row tracking a stack, if the ledger has one.
    func stackRow(_ stackName: String) async throws -> TrackedResource? {
        guard let ledger else { return nil }
        return try await ledger.resources(filter: ResourceFilter(account: stage.account, stack: nil)).first {
            $0.kind == .stack && $0.region == stage.region && $0.physicalId == stackName && $0.status != .deleted
        }
    }

    /// Records a stack operation: `planned` now, then `present` or `failed` when `operation` ends.
    func around<T: Sendable>(stack stackName: String, existed: Bool, project: String? = nil, _ operation: () async throws -> T)
        async throws -> (T, Int64?)
    {
        guard let ledger else { return (try await operation(), nil) }
        let known = try await stackRow(stackName)
        // A stack that was there before and that the ledger never saw was made by someone else: adopted, not created.
        let ownership: Ownership = existed && known == nil ? .adopted : .created
        let row = try await ledger.plan(intent(.stack, stackName, stack: stackName, project: project, ownership: ownership), runId: runId)
        do {
            let value = try await operation()
            try await ledger.settle(row.id!, status: .present)
            return (value, row.id)
        } catch let error as StackDeployError where error.isTimeout {
            // The wait ran out, not the operation: the stack may still finish. The row stays planned; a re-run resumes it.
            throw error
        } catch {
            _ = try? await ledger.settle(row.id!, status: .failed, detail: String(String(describing: error).prefix(500)))
            throw error
        }
    }

    /// Marks an unchanged stack present (a re-run after a crash may find its row still `planned`), adopting it if
    /// unknown, unless `createdForUs` (a stack Service Catalog made for a project this run launched).
    func confirm(stack stackName: String, project: String? = nil, createdForUs: Bool = false) async throws -> Int64? {
        guard let ledger else { return nil }
        let known = try await stackRow(stackName)
        if let known, known.status == .present { return known.id }
        let ownership: Ownership = known == nil && !createdForUs ? .adopted : .created
        let row = try await ledger.plan(intent(.stack, stackName, stack: stackName, project: project, ownership: ownership), runId: runId)
        try await ledger.settle(row.id!, status: .present)
        return row.id
    }

    /// Keeps on the bootstrap stack's row the accounts it trusts (a stack parameter, not a resource), so the ledger
    /// alone can draw the trust graph (`ledger graph`).
    func recordTrust(stack stackName: String, accounts: [String]) async throws {
        guard let ledger, let row = try await stackRow(stackName), let id = row.id, row.status == .present else { return }
        _ = try await ledger.settle(id, status: .present, detail: TrackedResource.trustPrefix + accounts.sorted().joined(separator: ","))
    }

    /// Records the physical resources a stack holds now, and marks rows of resources it no longer holds deleted.
    /// `ownership`: of rows seen for the first time (`adopted` for a stack `mlopsctl import` takes over); a known row keeps its own.
    func recordResources(
        _ resources: [StackResourceSummary], stack stackName: String, stackRowId: Int64?, project: String? = nil, ownership: Ownership = .created
    ) async throws {
        guard let ledger else { return }
        var seen: Set<Int64> = []
        for resource in resources {
            guard let physicalId = resource.physicalResourceId, !physicalId.isEmpty, let type = resource.resourceType else { continue }
            let row = try await ledger.plan(
                intent(
                    Self.kind(of: type), physicalId, stack: stackName, logicalId: resource.logicalResourceId, parentId: stackRowId,
                    project: project, ownership: ownership),
                runId: runId)
            try await ledger.settle(row.id!, status: .present)
            seen.insert(row.id!)
        }
        let previous = try await ledger.resources(filter: ResourceFilter(account: stage.account, stack: stackName))
        for row in previous where row.region == stage.region && row.kind != .stack && row.status == .present && !seen.contains(row.id!) {
            try await ledger.settle(row.id!, status: .deleted, detail: "no longer in stack \(stackName)")
        }
    }

    func record(events: [AWSServices.StackEvent]) async throws {
        guard let ledger, !events.isEmpty else { return }
        let rows = events.map { event in
            Ledger.StackEvent(
                runId: runId, stage: stage.stage.rawValue, account: stage.account, region: stage.region, stackName: event.stackName,
                eventId: event.eventId, timestamp: event.timestamp, logicalId: event.logicalResourceId ?? event.stackName,
                resourceType: event.resourceType ?? "", status: event.resourceStatus?.rawValue ?? "", reason: event.resourceStatusReason)
        }
        _ = try await ledger.record(events: rows)
    }

    static func kind(of resourceType: String) -> ResourceKind {
        switch resourceType {
        case "AWS::S3::Bucket": return .bucket
        case "AWS::ECR::Repository": return .ecrRepository
        case "AWS::IAM::Role": return .iamRole
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy": return .iamPolicy
        case "AWS::SSM::Parameter": return .ssmParameter
        case "AWS::KMS::Key": return .kmsKey
        case "AWS::KMS::Alias": return .kmsAlias
        case "AWS::CloudFormation::Stack": return .stack
        case "AWS::SageMaker::ModelPackageGroup": return .modelPackageGroup
        case "AWS::SageMaker::Model": return .model
        case "AWS::SageMaker::EndpointConfig": return .endpointConfig
        case "AWS::SageMaker::Endpoint": return .endpoint
        case "AWS::ServiceCatalog::Portfolio": return .portfolio
        case "AWS::ServiceCatalog::CloudFormationProduct": return .product
        default: return .other
        }
    }
}

extension LedgerRecorder {
    /// Records an S3 object mlopsctl uploaded (`objectPrefix` rows carry `bucket/key`); `present` once it is there.
    func recordObject(bucket: String, key: String, project: String? = nil, upload: () async throws -> Void) async throws {
        guard let ledger else { return try await upload() }
        let row = try await ledger.plan(intent(.objectPrefix, "\(bucket)/\(key)", stack: nil, project: project), runId: runId)
        do {
            try await upload()
            try await ledger.settle(row.id!, status: .present)
        } catch {
            _ = try? await ledger.settle(row.id!, status: .failed, detail: String(String(describing: error).prefix(500)))
            throw error
        }
    }
}
