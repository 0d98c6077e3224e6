import Workflows

/// The text of the organization path: `bootstrap --org`, `status --org`, `teardown --bootstrap --org`. Lists over
/// hundreds of accounts are summarised (counts, the first failures); `--output json` has everything.
enum OrganizationText {
    static func bootstrap(_ report: OrganizationBootstrapReport) -> String {
        var table = TextTable(header: ["STAGE", "STACK SET", report.dryRun ? "WOULD" : "RESULT", "MEMBERS", "CURRENT", "OUTDATED", "FAILED", "DETAIL"])
        for result in report.results {
            let detail = ([result.error].compactMap { $0 } + result.detail).joined(separator: "; ")
            table.rows.append([
                result.stage, result.stackSet, result.error == nil ? result.action : "failed", "\(result.members)", "\(result.instances.current)",
                "\(result.instances.outdated)", "\(result.instances.failed)", detail.isEmpty ? "-" : detail,
            ])
        }
        var lines = ["organization \(report.organizationId), stack sets in \(report.region), instances in \(report.regions.joined(separator: ", "))",
                     table.render()]
        for result in report.results where !result.failures.isEmpty {
            lines.append("\(result.stackSet): \(result.failures.count) instance(s) failed:")
            lines += result.failures.prefix(20).map { "  \($0.key): \($0.reason)" }
            if result.failures.count > 20 { lines.append("  … and \(result.failures.count - 20) more (--output json lists them all)") }
        }
        lines += report.warnings.map { "warning: \($0)" }
        if report.isUnchanged {
            lines.append("nothing to change: every stack set and instance is as the topology says")
        } else if report.dryRun {
            lines.append("dry run: nothing was changed")
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ statuses: [OrganizationStatus], verified: Bool) -> String {
        guard !statuses.isEmpty else { return "no organization stack set recorded; run `mlopsctl bootstrap --org`" }
        var table = TextTable(header: ["STAGE", "STACK SET", "INSTANCES", "CURRENT", "OUTDATED", "FAILED"] + (verified ? ["LIVE"] : []))
        for status in statuses {
            let counts = status.instances
            let live = status.live.map { "\($0.total) (\($0.current) current, \($0.outdated) outdated, \($0.failed) failed)" } ?? "-"
            table.rows.append(
                [status.stage, status.stackSet, "\(counts.total)", "\(counts.current)", "\(counts.outdated)", "\(counts.failed)"] + (verified ? [live] : []))
        }
        var lines = [table.render()]
        for status in statuses where !status.failed.isEmpty {
            lines.append("\(status.stackSet): failed instances:")
            lines += status.failed.map { "  \($0.account)/\($0.region) \($0.status): \($0.reason ?? "-")" }
        }
        return lines.joined(separator: "\n")
    }

    static func teardownPlan(_ plan: OrganizationTeardownPlan) -> String {
        guard !plan.isEmpty else { return "Nothing in the ledger to delete for the organization." }
        var lines = ["Teardown plan (in order, per stage role):"]
        for entry in plan.stackSets {
            lines.append("  \(entry.stage): stack set \(entry.name) with \(entry.instances) instance(s) (account \(entry.adminAccount), \(entry.region))")
        }
        for (stage, entries) in Dictionary(grouping: plan.retained, by: \.stage).sorted(by: { $0.key < $1.key }) {
            lines.append("  \(stage): then \(entries.count) retained staging bucket(s) in member accounts, emptied and deleted")
        }
        return lines.joined(separator: "\n")
    }

    static func teardownReport(_ report: OrganizationTeardownReport) -> String {
        var lines = ["deleted \(report.deleted.count) stack set(s) and retained resource(s)"]
        if !report.left.isEmpty {
            lines.append("LEFT BEHIND (run teardown again after fixing the cause):")
            lines += report.left.prefix(50).map { "  \($0.what) (\($0.stage) \($0.account) \($0.region)): \($0.reason ?? "")" }
            if report.left.count > 50 { lines.append("  … and \(report.left.count - 50) more (--output json lists them all)") }
        }
        lines.append(report.isComplete ? "teardown complete" : "teardown incomplete: see above")
        return lines.joined(separator: "\n")
    }
}
