import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Workflows

extension MLOpsCommand {
    /// Publishes the SageMaker project template to Service Catalog in dev.
    struct PublishCatalog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload the seed code and publish the SageMaker project template to Service Catalog in dev.",
            discussion: """
                Needs a bootstrapped dev stage and the SSM parameter /mlops/role/lead (the role allowed to launch projects). \
                Zips the seed code's build_app and deploy_app deterministically (the seed code built into mlopsctl unless \
                --seed-code or $MLOPSCTL_SEED_CODE names a folder), uploads them and the project template to \
                dev's bootstrap staging bucket under content-addressed keys (skipping what is already there), deploys in dev's \
                account a support stack <catalog stack>-support-<region> (artifact bucket and KMS key of the project deploy \
                pipelines) in each region other than dev's that preprod or prod live in, then deploys the catalog stack: SSM parameters, launch role, portfolio, product (every published version kept), launch constraint \
                and principal association. A re-run with nothing changed makes no change. Exit status: 0, 1, 3 (ledger locked), 5 (account mismatch), 64 (usage), \
                130/143 (interrupted by Ctrl-C/SIGTERM: run it again to resume).

                Examples:
                  See what would be uploaded and changed, then publish:
                    mlopsctl publish-catalog --dry-run
                    mlopsctl publish-catalog
                  Publish your own seed code (start from `mlopsctl seed-code export`):
                    mlopsctl publish-catalog --seed-code my-seed
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: SeedCodeHelp.option, completion: .directory)
        var seedCode: String?
        @Flag(help: "Print what would be uploaded and changed, and change nothing.") var dryRun = false
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("publish-catalog")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let workflow = PublishCatalogWorkflow(
                topology: topology, sessions: sessions,
                seedCode: SeedCodeLocation(
                    explicit: seedCode, environment: environment.values, currentDirectory: FileManager.default.currentDirectoryPath),
                dryRun: dryRun, openLedger: { try LedgerDatabase.open(path: ledgerPath) }, lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 },
                display: output.progressSink(stageCount: 1)(topology[.dev]))
            let result = try await workflow.run()
            try output.result(result, text: Self.table(result, dryRun: dryRun))
        }

        static func table(_ result: PublishCatalogResult, dryRun: Bool) -> String {
            var table = TextTable(header: ["WHAT", "WHERE", dryRun ? "WOULD" : "RESULT"])
            for upload in result.uploads { table.rows.append([upload.name, "s3://\(upload.bucket)/\(upload.key)", upload.outcome]) }
            for support in result.supportStacks {
                table.rows.append([
                    "support stack (\(support.region))", "\(support.stack.stack) (s3://\(support.bucket))",
                    support.stack.action.rawValue + (support.stack.detail.map { ": \($0)" } ?? ""),
                ])
            }
            table.rows.append(["catalog stack", result.stack.stack, result.stack.action.rawValue + (result.stack.detail.map { ": \($0)" } ?? "")])
            for repair in result.repairs { table.rows.append(["drift", repair, dryRun ? "would-repair" : "repaired"]) }
            let changed = result.uploads.contains { $0.outcome != "already-present" } || result.stack.action != .unchanged
                || result.supportStacks.contains { $0.stack.action != .unchanged } || !result.repairs.isEmpty
            return table.render() + "\nproduct versions: \(result.versions.joined(separator: ", ")) (this run: \(result.productVersion))\n"
                + (changed ? (dryRun ? "dry run: nothing was changed" : "published in dev \(result.account) \(result.region)") : "nothing to change")
        }
    }
}
