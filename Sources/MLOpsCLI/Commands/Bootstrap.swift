import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension MLOpsCommand {
    /// Replaces cdk-account-setup.sh and the four `cdk bootstrap` runs.
    struct Bootstrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bootstrap every stage: CDK-compatible bootstrap stacks, the trust graph, least-privilege execution policies.",
            discussion: """
                For each stage (all of them, concurrently, or those named with --stage): checks that the profile reaches the \
                stage's account, deploys the stage's execution policy (policies/execution-<stage>.json unless the topology \
                names others), then the CDK bootstrap stack (CDKToolkit, version 32) trusting the accounts the topology says: \
                by default dev trusts governance, preprod and prod trust dev and governance. Everything created is recorded \
                in the ledger. A re-run with nothing changed makes no change in AWS. A deployed bootstrap newer than ours is \
                never downgraded. A stack that exists is updated through a CloudFormation change set: its plan (every resource \
                added, modified or removed, and whether it is replaced) is shown first, and if any stage's update would \
                replace or delete a bucket, key, repository, role or another stateful resource, nothing is applied in any \
                stage unless --allow-replace is given. --dry-run shows the same plan (it creates the change sets and deletes \
                them; nothing is deployed). Exit status: 0 success, 1 failure, refusal or bad input, 3 another run holds the ledger, \
                5 a profile reaches another account than the topology names, 64 usage, \
                130/143 interrupted by Ctrl-C/SIGTERM (run it again to resume). With --org: one service-managed stack set per \
                stage role (its execution policy, then its bootstrap, the same template and parameters as that stage's) deployed by \
                CloudFormation StackSets to the OUs and accounts of the topology's organization: section, in every organization \
                region; --stage narrows the roles, --dry-run shows the plan (read-only); see docs/scale.md.

                Examples:
                  Read the plan of every stage, then apply it:
                    mlopsctl bootstrap --dry-run
                    mlopsctl bootstrap
                  Bootstrap only dev and prod:
                    mlopsctl bootstrap --stage dev --stage prod
                  Plan the fan-out to the organization's member accounts:
                    mlopsctl bootstrap --org --dry-run
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(name: .customLong("stage"), help: "Only these stages (repeatable): governance, dev, preprod, prod.")
        var stages: [Stage] = []
        @Flag(help: "Print the plan of each stage and change nothing (change sets are created to read the plan, then deleted).")
        var dryRun = false
        @Flag(help: "Allow AdministratorAccess as an execution policy (the topology must name it too).")
        var allowAdminExecutionPolicy = false
        @Flag(help: "Replace a customised bootstrap or one newer than mlopsctl's.") var force = false
        @Flag(help: "Apply updates even when they replace or delete a stateful resource (its data or identity is lost).")
        var allowReplace = false
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30
        @Flag(help: "Bootstrap the organization's member accounts through CloudFormation StackSets (the topology's organization: section).")
        var org = false

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("bootstrap")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            if org { return try await runOrganization(topology: topology, sessions: sessions, environment: environment, output: output) }
            let options = BootstrapOptions(
                stages: stages, dryRun: dryRun, allowAdminExecutionPolicy: allowAdminExecutionPolicy, force: force, allowReplace: allowReplace)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let stageCount = stages.isEmpty ? Stage.allCases.count : Set(stages).count
            let workflow = BootstrapWorkflow(
                topology: topology, options: options, sessions: sessions,
                openLedger: { try LedgerDatabase.open(path: ledgerPath) }, lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 },
                display: output.progressSink(stageCount: stageCount),
                showPlan: { BootstrapPlan(results: $0).show(output) })
            do {
                let results = try await workflow.run()
                // The plan is the answer of a dry run: on stdout in table mode (in JSON it is part of the result).
                if dryRun, output.format == .table, let text = BootstrapPlan(results: results).text { Console.print(text) }
                try BootstrapReport(results: results, dryRun: dryRun).print(output)
                // A dry run that could not read a stage's plan has not shown what would happen there.
                if results.contains(where: { !$0.succeeded }) { throw CLIFailure(BootstrapReport.failureLine(results)) }
            } catch let failure as BootstrapFailure {
                try BootstrapReport(results: failure.results, dryRun: dryRun).print(output)
                throw CLIFailure(BootstrapReport.failureLine(failure.results))
            }
        }
    }
}

extension MLOpsCommand.Bootstrap {
    /// `--org`: the stack-set path, with its own report.
    func runOrganization(topology: Topology, sessions: StageSessions, environment: EnvironmentVariables, output: CommandOutput) async throws {
        let ledgerPath = ledgerOptions.location(environment: environment).path
        let options = BootstrapOptions(stages: stages, dryRun: dryRun, allowAdminExecutionPolicy: allowAdminExecutionPolicy, force: force, allowReplace: allowReplace)
        let workflow = OrganizationBootstrapWorkflow(
            topology: topology, options: options, sessions: sessions, openLedger: { try LedgerDatabase.open(path: ledgerPath) },
            lockTimeout: .seconds(lockTimeout), arguments: CommandLine.arguments.dropFirst().map { $0 },
            progress: output.progressLine)
        let report: OrganizationBootstrapReport
        do {
            report = try await workflow.run()
        } catch let failure as OrganizationBootstrapFailure {
            try output.result(failure.report, text: OrganizationText.bootstrap(failure.report))
            throw CLIFailure("\(failure)")
        }
        try output.result(report, text: OrganizationText.bootstrap(report))
    }
}

extension Stage: ExpressibleByArgument {}

/// The summary `bootstrap` prints at the end.
struct BootstrapReport: Encodable {
    let results: [StageBootstrapResult]
    let dryRun: Bool

    func print(_ output: CommandOutput) throws {
        try output.result(self, text: table)
    }

    /// The one line stderr gets when stages failed (the table on stdout has the rest): how many, and the first.
    static func failureLine(_ results: [StageBootstrapResult]) -> String {
        let failed = results.filter { !$0.succeeded }
        guard let first = failed.first else {
            let refused = results.flatMap(\.stacks).filter { $0.action == .refused }.count
            return "\(refused) stack update(s) refused: they would replace or delete stateful resources; see the plan, or pass --allow-replace"
        }
        return "\(failed.count) of \(results.count) stages failed; \(first.stage): \(first.error ?? "failed")"
    }

    var table: String {
        var table = TextTable(header: ["STAGE", "ACCOUNT", "REGION", "STACK", dryRun ? "WOULD" : "RESULT", "TRUSTS", "DETAIL"])
        for result in results {
            let trusts = result.trustedAccounts.isEmpty ? "-" : result.trustedAccounts.joined(separator: ",")
            if let error = result.error, result.stacks.isEmpty {
                table.rows.append([result.stage, result.account, result.region, "-", "failed", trusts, error])
            }
            for stack in result.stacks {
                table.rows.append([
                    result.stage, result.account, result.region, stack.stack, stack.action.rawValue, trusts, stack.detail ?? "",
                ])
            }
            for repair in result.repairs {
                table.rows.append([result.stage, result.account, result.region, "-", dryRun ? "would-repair" : "repaired", trusts, repair])
            }
            if let error = result.error, !result.stacks.isEmpty {
                table.rows.append([result.stage, result.account, result.region, "-", "failed", trusts, error])
            }
        }
        let stacks = results.flatMap(\.stacks)
        let changed = stacks.filter { ![.unchanged, .skippedNewer, .refused, .wouldRefuse, .notApplied].contains($0.action) }.count
        let failed = results.filter { !$0.succeeded }.count
        let refused = stacks.filter { [.refused, .wouldRefuse].contains($0.action) }.count
        let repairs = results.map(\.repairs.count).reduce(0, +)
        let summary: String
        if refused > 0 && !dryRun {
            summary = "refused: \(refused) stack update(s) would replace or delete stateful resources (see the plan); nothing was changed; "
                + "pass --allow-replace to apply them anyway"
        } else if failed > 0 {
            summary = "\(failed) of \(results.count) stages failed"
        } else if dryRun {
            summary = (changed == 0 && refused == 0 && repairs == 0
                ? "nothing to change" : "\(changed + refused) stacks would change, \(repairs) drift repairs (dry run: nothing was changed)")
                + (refused > 0 ? "; \(refused) would be refused without --allow-replace" : "")
        } else if changed == 0 && repairs == 0 {
            summary = "nothing to change: every stage is already bootstrapped as the topology says"
        } else {
            summary = "\(changed) stacks changed" + (repairs > 0 ? ", \(repairs) changes made outside mlopsctl put back" : "")
        }
        return table.render() + "\n" + summary
    }
}
