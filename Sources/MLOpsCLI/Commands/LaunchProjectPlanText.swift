import Foundation
import Workflows

/// How `launch-project --dry-run` prints its plan: the project line (WOULD: would-create, would-update, unchanged),
/// then, for a stack, each resource it adds, modifies or removes, as bootstrap's plan shows them.
enum LaunchProjectPlanText {
    static func text(_ plan: LaunchProjectPlan) -> String {
        var summary = TextTable(header: ["PROJECT", "ID", "VIA", "TARGET", "WOULD", "DETAIL"])
        summary.rows.append([plan.name, plan.id, plan.via, plan.target, plan.action.rawValue, plan.detail ?? ""])
        var text = summary.render() + "\n"
        if !plan.changes.isEmpty {
            var table = TextTable(header: ["RESOURCE", "TYPE", "ACTION", "REPLACED"])
            for change in plan.changes { table.rows.append([change.logicalId, change.resourceType, change.action, change.replacementText]) }
            text += "\nPlan of \(plan.target):\n" + table.render() + "\n"
        }
        if !plan.repairs.isEmpty {
            text += "\nDrift it would put back:\n" + plan.repairs.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        let outcome = plan.action == .unchanged && plan.repairs.isEmpty
            ? "nothing to change: project \(plan.name) is already launched in dev \(plan.account) \(plan.region)"
            : "dry run: nothing was changed; run it without --dry-run to launch project \(plan.name) in dev \(plan.account) \(plan.region)"
        return text + "\n" + outcome
    }
}
