import Ledger

/// One ledger row and what refresh found of it in AWS.
public struct RefreshFinding: Sendable, Encodable {
    public let row: TrackedResource
    public let verdict: DriftVerdict

    public init(row: TrackedResource, verdict: DriftVerdict) {
        self.row = row
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case ledgerRow, stage, account, region, kind, id, stack, project, ownership, drift, differences, permission, note, repairs
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row.id, forKey: .ledgerRow)
        try container.encode(row.stage, forKey: .stage)
        try container.encode(row.account, forKey: .account)
        try container.encode(row.region, forKey: .region)
        try container.encode(row.kind, forKey: .kind)
        try container.encode(row.physicalId, forKey: .id)
        try container.encode(row.stack, forKey: .stack)
        try container.encode(row.project, forKey: .project)
        try container.encode(row.ownership, forKey: .ownership)
        try container.encode(verdict.drift, forKey: .drift)
        try container.encode(verdict.differences, forKey: .differences)
        try container.encode(verdict.permission, forKey: .permission)
        try container.encode(verdict.note, forKey: .note)
        try container.encode(verdict.repairs.map(\.summary), forKey: .repairs)
    }
}
