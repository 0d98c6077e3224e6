import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension MLOpsCommand {
    /// Adopts a bootstrap or catalog stack made by other means, like `terraform import`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adopt a CDK bootstrap stack or the seed's catalog stack made by other means (recorded as adopted).",
            discussion: """
                Reads the stack (with the stage's profile, its account checked first) and checks that it is one mlopsctl \
                knows: a CDK bootstrap stack (a BootstrapVersion output and the topology's qualifier), as `cdk bootstrap` or the \
                seed's cdk-account-setup.sh make it; or, in dev, the seed's catalog stack (its /mlops/code/* parameters). Then it \
                records the stack and every resource in it in the ledger as adopted: nothing in AWS changes. Refresh and status \
                --verify check adopted resources like the others; teardown keeps them unless --include-adopted. A stack the \
                ledger already tracks is left as it is. Exit status: 0; 1 when the stack is not one mlopsctl imports (nothing \
                recorded); 3 when another run holds the ledger; 5 when the profile reaches another account.

                Examples:
                  Adopt the CDK bootstrap stack of prod:
                    mlopsctl import --stage prod --stack CDKToolkit
                  Check the seed's catalog stack first, then adopt it:
                    mlopsctl import --stage dev --stack DEV-MLOpsServiceCatalog --dry-run
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "The stage whose account and region hold the stack: governance, dev, preprod or prod.") var stage: Stage
        @Option(help: "The stack's name.") var stack: String
        @Flag(help: "Check the stack and say what would be recorded; record nothing.") var dryRun = false
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30

        func run() async throws {
            let output = global.contract("import")
            guard !stack.isEmpty, stack.count <= 128, stack.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw CLIUsageProblem("--stack '\(stack)' is not a stack name (letters, digits and hyphens, at most 128)")
            }
            let environment = EnvironmentVariables.current
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let workflow = ImportWorkflow(
                topology: topology, sessions: sessions, stage: stage, stackName: stack, dryRun: dryRun,
                openLedger: { [dryRun] in try dryRun ? LedgerDatabase.openReadOnly(path: ledgerPath) : LedgerDatabase.open(path: ledgerPath) },
                ledgerExists: { FileManager.default.fileExists(atPath: ledgerPath) }, lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 })
            let result: ImportWorkflow.Result
            do {
                result = try await workflow.run()
            } catch let refusal as ImportRefusal {
                throw CLIFailure(refusal.description)
            }
            try output.result(result, text: Self.text(result))
        }

        static func text(_ result: ImportWorkflow.Result) -> String {
            let what = result.kind == .cdkBootstrap
                ? "CDK bootstrap stack\(result.bootstrapVersion.map { " (version \($0))" } ?? "")" : "the seed's catalog stack"
            let place = "\(result.stage) \(result.account) \(result.region)"
            switch result.action {
            case "already-tracked":
                return "\(result.stack) in \(place) is already in the ledger (row \(result.ledgerRow.map(String.init) ?? "?")); nothing recorded"
            case "would-adopt":
                return "\(result.stack) in \(place) is a \(what): import would record it and its \(result.resources) resources as adopted "
                    + "(dry run: nothing recorded)"
            default:
                return "adopted \(result.stack) in \(place), a \(what), with its \(result.resources) resources (ledger row "
                    + "\(result.ledgerRow.map(String.init) ?? "?")); teardown keeps it unless --include-adopted"
            }
        }
    }
}
