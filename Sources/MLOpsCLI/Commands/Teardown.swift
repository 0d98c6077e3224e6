import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension MLOpsCommand {
    /// Deletes what mlopsctl created, as its ledger records it.
    struct Teardown: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete what mlopsctl created (from the ledger only), in dependency order.",
            discussion: """
                The plan comes from the ledger alone (never tags or names): projects first (their buckets emptied), then the \
                catalog, then the bootstrap stacks and what they retain (staging bucket emptied and deleted, KMS keys scheduled \
                for deletion in 7 days, ECR images removed). Adopted resources (`mlopsctl import`) are listed and left alone unless \
                --include-adopted. A resource deleted outside mlopsctl is done, not an error. Each account is checked \
                with STS first. Confirmation: type `yes` on a terminal, or pass --yes; resources in prod also need the prod account \
                id typed, or --confirm-prod ID (with --org, the organization id, for the prod role's members). \
                --bootstrap is refused while projects outside the teardown still stand on it \
                (and --catalog while SageMaker-launched projects do). Exit status: 0 all gone, 4 something was left (listed), 1, \
                3 (ledger locked), 64 (usage, e.g. no --yes without a terminal), 130/143 (interrupted by Ctrl-C/SIGTERM: run it again to resume).

                Examples:
                  See what removing project demo would delete:
                    mlopsctl teardown --project demo --dry-run
                  Remove everything without prompts (the prod account id confirms prod):
                    mlopsctl teardown --all --yes --confirm-prod 444444444444
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "A project to remove (repeatable).") var project: [String] = []
        @Flag(help: "Remove the catalog stack and the objects publish-catalog uploaded.") var catalog = false
        @Flag(help: "Remove the bootstrap stacks and what they retain.") var bootstrap = false
        @Flag(help: "Remove every project, the catalog and the bootstrap.") var all = false
        @Option(name: .customLong("stage"), help: "Only these stages (repeatable).") var stages: [Stage] = []
        @Flag(help: "Print the plan and stop.") var dryRun = false
        @Flag(help: "Do not ask for confirmation (required when stdin is not a terminal).") var yes = false
        @Option(help: "The prod account id, confirming deletions in prod (repeatable).") var confirmProd: [String] = []
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30
        @Flag(help: "Also delete what mlopsctl adopted (mlopsctl import) rather than created.") var includeAdopted = false
        @Flag(help: "With --bootstrap: remove the organization's stack sets, their instances and the buckets they left in member accounts.")
        var org = false

        func validate() throws {
            if org && (!bootstrap || all || catalog || !project.isEmpty) {
                throw ValidationError("--org tears down the organization's bootstrap only: use it with --bootstrap and nothing else")
            }
            if project.isEmpty && !catalog && !bootstrap && !all {
                throw ValidationError("say what to tear down: --project NAME, --catalog, --bootstrap or --all")
            }
        }

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("teardown")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            if org { return try await runOrganization(topology: topology, sessions: sessions, environment: environment, output: output) }
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let scope = TeardownScope(
                projects: Set(project), catalog: catalog, bootstrap: bootstrap, everything: all, stages: Set(stages.map(\.rawValue)),
                includeAdopted: includeAdopted)
            let workflow = TeardownWorkflow(
                scope: scope, catalogStack: PublishCatalogWorkflow.stackName(qualifier: topology.qualifier),
                openLedger: { try LedgerDatabase.open(path: ledgerPath) },
                session: { name in
                    guard let stage = Stage(rawValue: name) else { throw CLIFailure("the ledger names stage '\(name)', which the topology does not have") }
                    return try sessions.session(for: topology[stage])
                },
                lockTimeout: .seconds(lockTimeout), arguments: CommandLine.arguments.dropFirst().map { $0 },
                environment: environment.values, progress: output.progressLine)
            let plan = try await workflow.plan()
            if dryRun || plan.isEmpty && plan.retained.isEmpty {
                return try output.result(TeardownDocument(plan: plan, dryRun: dryRun), text: TeardownText.plan(plan))
            }
            TeardownConfirmation.show(TeardownText.plan(plan), output: output, willAsk: !yes && Prompter().isInteractive)
            let confirmedProd = try TeardownConfirmation(yes: yes, confirmProd: confirmProd, needed: !plan.isEmpty)
                .confirm(prodAccounts: plan.prodAccounts())
            let report = try await workflow.run(confirmedProd: confirmedProd)
            try output.result(TeardownDocument(plan: plan, dryRun: false, report: report), text: TeardownText.report(report))
            if !report.isComplete { throw ExitCodes.partial }
        }
    }
}

extension MLOpsCommand.Teardown {
    /// `--bootstrap --org`: the stack sets `bootstrap --org` recorded, their instances, then the members' retained buckets.
    func runOrganization(topology: Topology, sessions: StageSessions, environment: EnvironmentVariables, output: CommandOutput) async throws {
        // The stack sets live in the organization profile's account: without the section there is no way to reach them.
        guard let settings = topology.organization else { throw OrganizationInputError.noOrganizationSection }
        let ledgerPath = ledgerOptions.location(environment: environment).path
        let workflow = OrganizationTeardownWorkflow(
            topology: topology, sessions: sessions, stages: Set(stages.map(\.rawValue)), openLedger: { try LedgerDatabase.open(path: ledgerPath) },
            lockTimeout: .seconds(lockTimeout), arguments: CommandLine.arguments.dropFirst().map { $0 }, progress: output.progressLine)
        let plan = FileManager.default.fileExists(atPath: ledgerPath) ? try await workflow.plan() : .empty
        if dryRun || plan.isEmpty {
            return try output.result(TeardownDocument.Organization(dryRun: dryRun, plan: plan, report: nil), text: OrganizationText.teardownPlan(plan))
        }
        TeardownConfirmation.show(OrganizationText.teardownPlan(plan), output: output, willAsk: !yes && Prompter().isInteractive)
        let confirmation = TeardownConfirmation(yes: yes, confirmProd: confirmProd, needed: true)
        _ = try confirmation.confirm(prodAccounts: [])
        if plan.stages.contains(Stage.prod.rawValue) {
            // Hundreds of prod accounts cannot each be typed: the organization's id confirms them all.
            let organization = try await OrganizationAccess.connect(settings, sessions: sessions).organization.id
            try confirmation.confirmOrganization(organization)
        }
        let report = try await workflow.run(plan)
        try output.result(TeardownDocument.Organization(dryRun: false, plan: plan, report: report), text: OrganizationText.teardownReport(report))
        if !report.isComplete { throw ExitCodes.partial }
    }
}
