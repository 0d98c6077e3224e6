import Ledger
import Workflows

/// `teardown --output json`: the plan, and after a run the report, as one document (docs/output.md).
struct TeardownDocument: Encodable {
    struct Step: Encodable {
        let order: Int
        let layer: String
        let stage: String
        let account: String
        let region: String
        let kind: String
        let id: String
        /// What goes with the target: its stack's resources, a provisioned stack, the objects of its buckets.
        let with: [Item]
    }

    struct Item: Encodable {
        let kind: String
        let id: String
    }

    struct Retained: Encodable {
        let stage: String
        let kind: String
        let id: String
        let reason: String
    }

    struct Plan: Encodable {
        let steps: [Step]
        let retained: [Retained]
    }

    let dryRun: Bool
    let plan: Plan
    /// nil for a dry run, or when there was nothing to delete.
    let report: TeardownReport?

    init(plan: TeardownPlan, dryRun: Bool, report: TeardownReport? = nil) {
        self.dryRun = dryRun
        self.report = report
        self.plan = Plan(
            steps: plan.steps.enumerated().map { index, step in
                Step(
                    order: index + 1, layer: step.layer.description, stage: step.stage, account: step.account, region: step.target.region,
                    kind: step.target.kind.rawValue, id: step.target.physicalId ?? "?",
                    with: ([step.provisionedStack].compactMap { $0 } + step.members + step.objects).map {
                        Item(kind: $0.kind.rawValue, id: $0.physicalId ?? "?")
                    })
            },
            retained: plan.retained.map {
                Retained(stage: $0.resource.stage, kind: $0.resource.kind.rawValue, id: $0.resource.physicalId ?? "?", reason: $0.reason)
            })
    }

    /// `teardown --org --output json`: the organization plan and report.
    struct Organization: Encodable {
        let dryRun: Bool
        let plan: OrganizationTeardownPlan
        let report: OrganizationTeardownReport?
    }
}
