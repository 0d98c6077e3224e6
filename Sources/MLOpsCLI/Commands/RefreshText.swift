import Workflows

/// `refresh` in table form: what is not in sync, one line each with what differs, then a summary line per stage.
struct RefreshText {
    let report: RefreshReport
    let applied: Bool

    var text: String {
        guard !report.findings.isEmpty else { return "the ledger tracks no live resource here; nothing to compare" }
        var lines: [String] = []
        let notable = report.findings.filter { $0.verdict.drift != .inSync && $0.verdict.drift != .unchecked }
        if !notable.isEmpty {
            var table = TextTable(header: ["ROW", "STAGE", "KIND", "ID", "DRIFT", "WHAT"])
            for finding in notable {
                table.rows.append([
                    finding.row.id.map(String.init) ?? "-", finding.row.stage, finding.row.kind.rawValue, finding.row.physicalId ?? "-",
                    finding.verdict.drift.rawValue, Self.what(finding.verdict),
                ])
            }
            lines.append(table.render())
        }
        lines += report.stages.map(\.line)
        if report.hasDrift {
            let gone = report.findings.filter { $0.verdict.drift == .gone }.count
            if applied {
                lines.append("recorded \(report.recorded.count) gone resource(s) as deletedOutOfBand in the ledger")
            } else if gone > 0 {
                lines.append("refresh --apply records the \(gone) gone resource(s) in the ledger as deletedOutOfBand")
            }
            lines.append("re-run the verb that owns a changed resource to repair it (bootstrap, publish-catalog, launch-project)")
        } else if !report.hasUnreadable {
            lines.append("everything mlopsctl reads is in sync")
        }
        return lines.joined(separator: "\n")
    }

    static func what(_ verdict: DriftVerdict) -> String {
        switch verdict.drift {
        case .changed: verdict.differences.map(\.summary).joined(separator: "; ")
        case .gone: verdict.note ?? "deleted outside mlopsctl"
        case .unreadable: "needs \(verdict.permission ?? "a read permission")" + (verdict.note.map { " (\($0))" } ?? "")
        default: verdict.note ?? ""
        }
    }
}
