import Ledger
import Workflows

/// The text of `mlopsctl teardown`: the plan before, the report after.
enum TeardownText {
    static func plan(_ plan: TeardownPlan) -> String {
        var table = TextTable(header: ["#", "LAYER", "STAGE", "ACCOUNT", "REGION", "KIND", "RESOURCE", "WITH"])
        for (index, step) in plan.steps.enumerated() {
            let with = ([step.provisionedStack].compactMap { $0 } + step.members + step.objects).map { "\($0.kind.rawValue) \($0.physicalId ?? "?")" }.joined(separator: ", ")
            table.rows.append([
                "\(index + 1)", step.layer.description, step.stage, step.account, step.target.region, step.target.kind.rawValue,
                step.target.physicalId ?? "?",
                with.isEmpty ? "-" : with,
            ])
        }
        var text = plan.isEmpty ? "Nothing in the ledger to delete in this scope." : "Teardown plan (in order):\n" + table.render()
        if !plan.retained.isEmpty {
            text += "\nRetained (not deleted):\n" + plan.retained.map { "  \($0.resource.kind.rawValue) \($0.resource.physicalId ?? "?") (\($0.resource.stage)): \($0.reason)" }
                .joined(separator: "\n")
        }
        if !plan.goneOutOfBand.isEmpty {
            text += "\nAlready gone (deleted outside mlopsctl, recorded by refresh --apply): \(plan.goneOutOfBand.count) resource(s), nothing to do"
        }
        return text
    }

    static func report(_ report: TeardownReport) -> String {
        var lines = ["deleted \(report.deleted.count) resources"]
        for problem in report.accountProblems { lines.append("account check: \(problem)") }
        if !report.retained.isEmpty {
            lines.append("retained (mlopsctl did not create them):")
            lines += report.retained.map { "  \($0.kind) \($0.physicalId) (\($0.stage)): \($0.reason ?? "")" }
        }
        if !report.left.isEmpty {
            lines.append("LEFT BEHIND (run teardown again after fixing the cause):")
            lines += report.left.map { "  \($0.kind) \($0.physicalId) (\($0.stage) \($0.account)): \($0.reason ?? "")" }
        }
        lines.append(report.isComplete ? "teardown complete" : "teardown incomplete: see above")
        return lines.joined(separator: "\n")
    }
}
