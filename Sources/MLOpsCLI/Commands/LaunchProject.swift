import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension ProjectSettings.Via: ExpressibleByArgument {}

extension MLOpsCommand {
    /// Creates a SageMaker project from the published catalog.
    struct LaunchProject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a SageMaker project from the published template.",
            discussion: """
                --via sagemaker (the default, or the topology's project.via) calls SageMaker CreateProject with the catalog's \
                product and waits for provisioning; --via cloudformation deploys the project template directly as a stack in \
                dev (accounts without Studio, and the local emulator). The project id defaults to the one the ledger holds for \
                this name (a launch that was killed or failed is resumed), else a generated one. Everything \
                created is recorded in the ledger under the project's name. --dry-run makes every check and prints the plan \
                (would-create, would-update or unchanged, and a stack's resource changes, read from a change set it then \
                deletes) and changes nothing, in AWS or in the ledger. Exit status: 0, 1, 3 (ledger locked), \
                5 (account mismatch), 64 (usage), \
                130/143 (interrupted by Ctrl-C/SIGTERM: run it again to resume).

                Examples:
                  Launch the project demo through SageMaker:
                    mlopsctl launch-project --name demo
                  Without SageMaker Studio (or on the local emulator):
                    mlopsctl launch-project --name demo --via cloudformation
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "Project name: 1-32 letters, digits and hyphens, starting with a letter.") var name: String
        @Option(help: "Project id (1-16 lower-case letters, digits, hyphens); when left out, the ledger's for this name, else generated.") var id: String?
        @Option(help: "sagemaker or cloudformation (default: the topology's project.via).") var via: ProjectSettings.Via?
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30
        @Flag(help: "Make every check, print what would be created or updated, and change nothing.") var dryRun = false

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("launch-project")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let workflow = LaunchProjectWorkflow(
                topology: topology, sessions: sessions, identity: ProjectIdentity(name: name, id: id), via: via,
                openLedger: { [dryRun] in try dryRun ? LedgerDatabase.openReadOnly(path: ledgerPath) : LedgerDatabase.open(path: ledgerPath) },
                ledgerExists: { FileManager.default.fileExists(atPath: ledgerPath) },
                lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 },
                display: output.progressSink(stageCount: 1)(topology[.dev]))
            if dryRun {
                let plan = try await workflow.plan()
                return try output.result(plan, text: LaunchProjectPlanText.text(plan))
            }
            let result = try await workflow.run()
            var table = TextTable(header: ["PROJECT", "ID", "VIA", "STACK", "RESULT"])
            table.rows.append([result.name, result.id, result.via, result.stack ?? "-", result.stackAction])
            for (key, value) in result.outputs.sorted(by: { $0.key < $1.key }) { table.rows.append(["", "", "", key, value]) }
            for repair in result.repairs { table.rows.append(["", "", "", repair, "repaired"]) }
            try output.result(
                result, text: table.render() + "\nproject \(result.name) (\(result.id)) is ready in dev \(result.account) \(result.region)")
        }
    }
}
