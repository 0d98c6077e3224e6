import Foundation
import Ledger

/// `mlopsctl status`: per project and stage, the package the last promotion put live, when and by whom, read
/// from the ledger alone (no AWS call).
public struct PromotionStatus: Sendable, Codable, Equatable {
    public var project: String
    public var stage: String
    public var account: String
    public var region: String
    public var packageArn: String
    public var packageVersion: Int?
    public var endpoint: String
    /// When the promoting run ended (its start while it runs).
    public var since: Date
    /// The caller ARN of the promoting run.
    public var promotedBy: String?
    public var runId: Int64
    public var skippedGateReason: String?
    /// With `status --verify`: what the stage's endpoint stack serves compared with this record; nil when not checked.
    public var live: String?

    /// Every stage's live package, sorted by project then stage order (dev, preprod, prod).
    public static func read(ledger: LedgerDatabase, project: String? = nil) async throws -> [PromotionStatus] {
        let rows = try await ledger.resources(filter: ResourceFilter(kind: .other, status: .present, project: project))
        var statuses: [PromotionStatus] = []
        for row in rows {
            guard let record = PromotionRecord(row: row), let run = try await ledger.run(id: row.runId) else { continue }
            statuses.append(PromotionStatus(
                project: record.project, stage: record.stage, account: row.account, region: row.region, packageArn: record.packageArn,
                packageVersion: record.packageVersion, endpoint: record.endpoint, since: run.endedAt ?? run.startedAt,
                promotedBy: run.operatorArn, runId: run.id ?? row.runId, skippedGateReason: record.skippedGateReason))
        }
        let order = ["dev": 0, "preprod": 1, "prod": 2]
        return statuses.sorted { ($0.project, order[$0.stage] ?? 9) < ($1.project, order[$1.stage] ?? 9) }
    }
}
