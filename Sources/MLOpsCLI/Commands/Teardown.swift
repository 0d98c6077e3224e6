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
                for deletion in 7 days, ECR images removed). Adopted resources are listed and left alone. Each account is checked \
                with STS first. Confirmation: type `yes` on a terminal, or pass --yes; resources in prod also need the prod account \
                id typed, or --confirm-prod ID (with --org, the organization id, for the prod role's members). \
                --bootstrap is refused while projects outside the teardown still stand on it \
                (and --catalog while SageMaker-launched projects do). Exit status: 0 all gone, 4 something was left (listed), 1, \
                3 (ledger locked), 130/143 (interrupted by Ctrl-C/SIGTERM: run it again to resume).

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
            let topology = try CommandContext.loadTopology(global, environment: environment)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            if org { return try await runOrganization(topology: topology, sessions: sessions, environment: environment) }
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let scope = TeardownScope(
                projects: Set(project), catalog: catalog, bootstrap: bootstrap, everything: all, stages: Set(stages.map(\.rawValue)))
            let workflow = TeardownWorkflow(
                scope: scope, catalogStack: PublishCatalogWorkflow.stackName(qualifier: topology.qualifier),
                openLedger: { try LedgerDatabase.open(path: ledgerPath) },
                session: { name in
                    guard let stage = Stage(rawValue: name) else { throw CLIMessage("the ledger names stage '\(name)', which the topology does not have") }
                    return try sessions.session(for: topology[stage])
                },
                lockTimeout: .seconds(lockTimeout), arguments: CommandLine.arguments.dropFirst().map { $0 },
                environment: environment.values, progress: { Console.printError($0) })
            let plan = try await workflow.plan()
            Console.print(TeardownText.plan(plan))
            if dryRun || plan.isEmpty && plan.retained.isEmpty { return }

            var confirmedProd = Set(confirmProd)
            let prompter = Prompter()
            if !plan.isEmpty && !yes {
                guard prompter.isInteractive else { throw CLIMessage("stdin is not a terminal: pass --yes to confirm the teardown") }
                guard prompter.ask("Type yes to delete the resources above") == "yes" else { throw CLIMessage("teardown cancelled; nothing was deleted") }
            }
            for account in plan.prodAccounts() where !confirmedProd.contains(account) {
                guard prompter.isInteractive else {
                    throw CLIMessage("the plan deletes resources in prod account \(account): pass --confirm-prod \(account)")
                }
                guard prompter.ask("Type the prod account id (\(account)) to confirm") == account else {
                    throw CLIMessage("prod account id not confirmed; nothing was deleted")
                }
                confirmedProd.insert(account)
            }
            let report: TeardownReport
            do {
                report = try await workflow.run(confirmedProd: confirmedProd)
            } catch let locked as LedgerLockedError {
                Console.printError("Error: \(locked)")
                throw ExitCodes.ledgerLocked
            }
            switch global.output {
            case .json: try Console.printJSON(report)
            case .table: Console.print(TeardownText.report(report))
            }
            if !report.isComplete { throw ExitCodes.partial }
        }
    }
}

/// A one-line refusal of the teardown command.
struct CLIMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension MLOpsCommand.Teardown {
    /// `--bootstrap --org`: the stack sets `bootstrap --org` recorded, their instances, then the members' retained buckets.
    func runOrganization(topology: Topology, sessions: StageSessions, environment: EnvironmentVariables) async throws {
        // The stack sets live in the organization profile's account: without the section there is no way to reach them.
        guard let settings = topology.organization else { throw OrganizationInputError.noOrganizationSection }
        let ledgerPath = ledgerOptions.location(environment: environment).path
        let workflow = OrganizationTeardownWorkflow(
            topology: topology, sessions: sessions, stages: Set(stages.map(\.rawValue)), openLedger: { try LedgerDatabase.open(path: ledgerPath) },
            lockTimeout: .seconds(lockTimeout), arguments: CommandLine.arguments.dropFirst().map { $0 }, progress: { Console.printError($0) })
        let plan = FileManager.default.fileExists(atPath: ledgerPath) ? try await workflow.plan() : .empty
        Console.print(OrganizationText.teardownPlan(plan))
        if dryRun || plan.isEmpty { return }
        let prompter = Prompter()
        if !yes {
            guard prompter.isInteractive else { throw CLIMessage("stdin is not a terminal: pass --yes to confirm the teardown") }
            guard prompter.ask("Type yes to delete the resources above") == "yes" else { throw CLIMessage("teardown cancelled; nothing was deleted") }
        }
        if plan.stages.contains(Stage.prod.rawValue) {
            // Hundreds of prod accounts cannot each be typed: the organization's id confirms them all.
            let organization = try await OrganizationAccess.connect(settings, sessions: sessions).organization.id
            if !confirmProd.contains(organization) {
                guard prompter.isInteractive else {
                    throw CLIMessage("the plan deletes the bootstrap of the prod role's member accounts: pass --confirm-prod \(organization)")
                }
                guard prompter.ask("Type the organization id (\(organization)) to confirm the prod members") == organization else {
                    throw CLIMessage("organization id not confirmed; nothing was deleted")
                }
            }
        }
        let report: OrganizationTeardownReport
        do {
            report = try await workflow.run(plan)
        } catch let locked as LedgerLockedError {
            Console.printError("Error: \(locked)")
            throw ExitCodes.ledgerLocked
        }
        switch global.output {
        case .json: try Console.printJSON(report)
        case .table: Console.print(OrganizationText.teardownReport(report))
        }
        if !report.isComplete { throw ExitCodes.partial }
    }
}
