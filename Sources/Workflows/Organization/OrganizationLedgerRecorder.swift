import AWSServices
import CFNTemplate
import Ledger
import Topology

/// Writes the organization path to the ledger: each stack set, its instances exactly as StackSets lists them (one
/// transaction per stack set), and what the bootstrap retains in each member account (the staging bucket), so that
/// teardown can find every one of them without listing the organization again.
struct OrganizationLedgerRecorder: Sendable {
    let ledger: LedgerDatabase
    let runId: Int64
    let access: OrganizationAccess
    let qualifier: String

    struct Recorded: Sendable {
        let counts: StackInstanceCounts
        let arn: String?
    }

    func key(_ spec: StackSetSpec) -> StackSetKey {
        StackSetKey(adminAccount: access.callerAccount, region: access.region, name: spec.name)
    }

    func record(_ spec: StackSetSpec, instances: (StackSetDescription?, [StackInstanceSummary])) async throws -> Recorded {
        let (description, live) = instances
        let key = key(spec)
        guard let description else {
            // Never created (the create itself failed): nothing to record.
            return Recorded(counts: StackInstanceCounts(), arn: nil)
        }
        _ = try await ledger.recordStackSet(
            key, stage: spec.stage.rawValue, stackSetId: description.id, permissionModel: "SERVICE_MANAGED", status: "active", runId: runId)
        _ = try await ledger.syncStackInstances(key, observed: live.map(Self.observation), runId: runId)
        if spec.kind == .bootstrap { try await recordStagingBuckets(spec, live: live) }
        return Recorded(counts: StackInstanceCounts(summaries: live), arn: description.arn)
    }

    static func observation(_ summary: StackInstanceSummary) -> StackInstanceObservation {
        StackInstanceObservation(
            account: summary.account, region: summary.region, status: summary.status.rawValue, detailedStatus: summary.detailedStatus?.rawValue,
            statusReason: summary.statusReason, organizationalUnitId: summary.organizationalUnitId)
    }

    /// The staging bucket of every CURRENT instance (the bootstrap template retains it when the stack goes), recorded once.
    private func recordStagingBuckets(_ spec: StackSetSpec, live: [StackInstanceSummary]) async throws {
        let known = Set(try await ledger.resources(filter: ResourceFilter(stage: spec.stage.rawValue, kind: .bucket, stack: spec.name))
            .filter { $0.status != .deleted }.compactMap(\.physicalId))
        for instance in live where instance.status == .current {
            let names = BootstrapNames(qualifier: qualifier, account: instance.account, region: instance.region, partition: access.partition)
            guard !known.contains(names.stagingBucket) else { continue }
            let row = try await ledger.plan(
                ResourceIntent(
                    stage: spec.stage.rawValue, account: instance.account, region: instance.region, kind: .bucket,
                    physicalId: names.stagingBucket, logicalId: "StagingBucket", stack: spec.name),
                runId: runId)
            _ = try await ledger.settle(row.id!, status: .present)
        }
    }
}
