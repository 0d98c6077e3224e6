import Topology

/// Everything one refresh found, with per-stage counts.
public struct RefreshReport: Sendable {
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
