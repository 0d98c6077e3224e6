import Ledger
import Topology

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

/// Everything one refresh found, with per-stage counts.
public struct RefreshReport: Sendable, Encodable {
    public struct StageSummary: Sendable, Encodable, Equatable {
        public var stage: String
        public var inSync = 0
        public var changed = 0
        public var gone = 0
        public var unreadable = 0
        public var unchecked = 0

        public var line: String {
            "\(stage): \(inSync) in sync, \(changed) changed, \(gone) gone, \(unreadable) unreadable, \(unchecked) unchecked"
        }
    }

    public var findings: [RefreshFinding]
    public var stages: [StageSummary]
    /// Rows `--apply` marked deletedOutOfBand (empty without --apply).
    public var recorded: [Int64] = []
    /// The caller ARN the account check found (an `--apply` run's operator in the ledger).
    public var operatorArn: String?

    public init(findings: [RefreshFinding]) {
        self.findings = findings
        var summaries: [String: StageSummary] = [:]
        for finding in findings {
            var summary = summaries[finding.row.stage] ?? StageSummary(stage: finding.row.stage)
            switch finding.verdict.drift {
            case .inSync: summary.inSync += 1
            case .changed: summary.changed += 1
            case .gone: summary.gone += 1
            case .unreadable: summary.unreadable += 1
            case .unchecked: summary.unchecked += 1
            }
            summaries[finding.row.stage] = summary
        }
        // Topology order, then any stage name the topology no longer has.
        func order(_ name: String) -> (Int, String) { (Stage(rawValue: name).flatMap { Stage.allCases.firstIndex(of: $0) } ?? Int.max, name) }
        stages = summaries.values.sorted { order($0.stage) < order($1.stage) }
    }

    public var hasDrift: Bool { findings.contains { $0.verdict.drift.isDrift } }
    public var hasUnreadable: Bool { findings.contains { $0.verdict.drift == .unreadable } }
}
