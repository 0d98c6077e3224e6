import Deployer
import Foundation
import Workflows

/// The plan `bootstrap` shows before it changes anything (and as the answer of `--dry-run`): every resource each
/// stack's create or update adds, modifies or removes, and whether a stateful one would be replaced or deleted.
struct BootstrapPlan {
    let results: [StageBootstrapResult]

    /// Shown before anything changes: the table on stdout in `table` (it is what a refusal is about), on stderr in
    /// `json` (whose document holds the plan too), one `{"type":"plan",…}` event per changing stack in `jsonl`.
    func show(_ output: CommandOutput) {
        switch output.format {
        case .table:
            if let text { Console.print(text) }
        case .json:
            if let text { output.note(text) }
        case .jsonl:
            for result in results {
                for stack in result.stacks where stack.changes?.isEmpty == false {
                    output.event(Event(stage: result.stage, stack: stack.stack, action: stack.action.rawValue, changes: stack.changes ?? []))
                }
            }
        }
    }

    private struct Event: Encodable {
        let type = "plan"
        let stage: String
        let stack: String
        let action: String
        let changes: [PlannedResourceChange]
    }

    /// nil when no stack changes.
    var text: String? {
        var table = TextTable(header: ["STAGE", "STACK", "ACTION", "RESOURCE", "TYPE", "REPLACED", "WHY"])
        for result in results {
            for stack in result.stacks {
                for change in stack.changes ?? [] {
                    let flag = change.isDestructive ? "  <- stateful" : ""
                    table.rows.append([
                        result.stage, stack.stack, change.action, change.logicalId, change.resourceType, change.replacementText + flag,
                        change.reasons.joined(separator: "; "),
                    ])
                }
            }
        }
        guard !table.rows.isEmpty else { return nil }
        return "Plan (REPLACED: CloudFormation's change set, checked against the deployed template):\n" + table.render() + "\n"
    }
}
