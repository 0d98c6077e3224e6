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
                never downgraded. Exit status: 0 success, 1 failure or bad input, 3 another run holds the ledger.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(name: .customLong("stage"), help: "Only these stages (repeatable): governance, dev, preprod, prod.")
        var stages: [Stage] = []
        @Flag(help: "Print what would change in each stage and change nothing.") var dryRun = false
        @Flag(help: "Allow AdministratorAccess as an execution policy (the topology must name it too).")
        var allowAdminExecutionPolicy = false
        @Flag(help: "Replace a customised bootstrap or one newer than mlopsctl's.") var force = false
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30

        func run() async throws {
            let environment = EnvironmentVariables.current
            let topology = try CommandContext.loadTopology(global, environment: environment)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let options = BootstrapOptions(stages: stages, dryRun: dryRun, allowAdminExecutionPolicy: allowAdminExecutionPolicy, force: force)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let stageCount = stages.isEmpty ? Stage.allCases.count : Set(stages).count
            let workflow = BootstrapWorkflow(
                topology: topology, options: options, sessions: sessions,
                openLedger: { try LedgerDatabase.open(path: ledgerPath) }, lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 },
                display: ProgressDisplay.factory(output: global.output, stageCount: stageCount))
            do {
                let results = try await workflow.run()
                try BootstrapReport(results: results, dryRun: dryRun).print(global.output)
            } catch let failure as BootstrapFailure {
                try BootstrapReport(results: failure.results, dryRun: dryRun).print(global.output)
                throw ExitCodes.failure
            } catch let locked as LedgerLockedError {
                Console.printError("Error: \(locked)")
                throw ExitCodes.ledgerLocked
            }
        }
    }
}

extension Stage: ExpressibleByArgument {}

/// The summary `bootstrap` prints at the end.
struct BootstrapReport: Encodable {
    let results: [StageBootstrapResult]
    let dryRun: Bool

    func print(_ output: OutputFormat) throws {
        switch output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            Console.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        case .table:
            Console.print(table)
        }
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
            if let error = result.error, !result.stacks.isEmpty {
                table.rows.append([result.stage, result.account, result.region, "-", "failed", trusts, error])
            }
        }
        let changed = results.flatMap(\.stacks).filter { ![.unchanged, .skippedNewer].contains($0.action) }.count
        let failed = results.filter { !$0.succeeded }.count
        let summary: String
        if failed > 0 {
            summary = "\(failed) of \(results.count) stages failed"
        } else if dryRun {
            summary = changed == 0 ? "nothing to change" : "\(changed) stacks would change (dry run: nothing was changed)"
        } else {
            summary = changed == 0 ? "nothing to change: every stage is already bootstrapped as the topology says" : "\(changed) stacks changed"
        }
        return table.render() + "\n" + summary
    }
}
