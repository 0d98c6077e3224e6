import Foundation
import Ledger

/// One ledger resource as `ledger list` and `ledger show` print it. In JSON, `id` is the AWS physical id
/// (what a script matches against AWS) and `ledgerRow` the ledger's own row id; absent values are `null`
/// rather than missing, so every object has the same keys.
struct ResourceRow: Encodable {
    let resource: TrackedResource

    enum CodingKeys: String, CodingKey {
        case ledgerRow, stage, account, region, kind, id, logicalId, status, ownership, stack, project, parentRow, runId, detail, updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resource.id, forKey: .ledgerRow)
        try container.encode(resource.stage, forKey: .stage)
        try container.encode(resource.account, forKey: .account)
        try container.encode(resource.region, forKey: .region)
        try container.encode(resource.kind, forKey: .kind)
        try container.encode(resource.physicalId, forKey: .id)
        try container.encode(resource.logicalId, forKey: .logicalId)
        try container.encode(resource.status, forKey: .status)
        try container.encode(resource.ownership, forKey: .ownership)
        try container.encode(resource.stack, forKey: .stack)
        try container.encode(resource.project, forKey: .project)
        try container.encode(resource.parentId, forKey: .parentRow)
        try container.encode(resource.runId, forKey: .runId)
        try container.encode(resource.detail, forKey: .detail)
        try container.encode(resource.updatedAt, forKey: .updatedAt)
    }

    /// The table form: one line per resource, newest change last within each stage.
    static func table(_ resources: [TrackedResource]) -> String {
        var table = TextTable(header: ["ROW", "STAGE", "ACCOUNT", "REGION", "KIND", "ID", "STATUS", "OWNERSHIP", "STACK", "PROJECT", "DETAIL"])
        for resource in resources {
            table.rows.append([
                resource.id.map(String.init) ?? "-", resource.stage, resource.account, resource.region, resource.kind.rawValue,
                resource.physicalId ?? "(not yet assigned)", resource.status.rawValue, resource.ownership.rawValue, resource.stack ?? "-",
                resource.project ?? "-", resource.detail ?? "",
            ])
        }
        return table.render()
    }
}
