import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension MLOpsCommand {
    /// Serves a model package from one stage's endpoint.
    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deploy a model package to a stage's real-time endpoint (dev, then preprod, then prod).",
            discussion: """
                Picks --model-package ARN, or by default the newest Approved package of the project's group (--latest-approved). \
                --approve first sets a PendingManualApproval package to Approved (without an ARN: the newest package of the group). \
                Rejected and unknown packages are refused before any change. preprod needs the package live in dev, prod needs it \
                live in preprod, unless --skip-gate --reason TEXT (kept in the ledger). Promoting to prod asks for the prod account \
                id on a terminal; elsewhere it needs --yes. The endpoint stack mlops-<project>-endpoint-<stage> is deployed in the \
                stage's account as its CDK deploy role (CloudFormation acting as the cfn-exec role), sized by \
                the seed code's deploy_app/config/<stage>.json (built into mlopsctl unless --seed-code or $MLOPSCTL_SEED_CODE names a \
                folder; with optional dataCapture), and the run waits until the endpoint is InService. \
                A stage in another region than the package gets a model built from the package's containers: the model data \
                copied into the stage's CDK staging bucket in its region (recorded in the ledger), SageMaker's own images taken \
                from that region's registry, and any other image required to exist there already. A failed update is \
                rolled back and the previous package keeps serving. --dry-run makes every check and plans the stack, then stops \
                (no approval, deployment, confirmation or ledger run). Exit status: 0, 1, 3 (ledger locked), 5 (account mismatch), 64 (usage), \
                130/143 (interrupted by Ctrl-C/SIGTERM: run it again to resume).

                Examples:
                  Approve the newest package of project demo and serve it in dev:
                    mlopsctl promote --project demo --to dev --approve
                  See what promoting to preprod would do, then do it:
                    mlopsctl promote --project demo --to preprod --dry-run
                    mlopsctl promote --project demo --to preprod
                  Promote to prod from a pipeline (no terminal to type the account id on):
                    mlopsctl promote --project demo --to prod --yes
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "The project name (as launched with launch-project).") var project: String
        @Option(help: "The stage to deploy to: dev, preprod or prod.") var to: Stage
        @Option(help: "The model package version ARN to serve.") var modelPackage: String?
        @Flag(help: "Serve the newest Approved package of the project's group (the default).") var latestApproved = false
        @Flag(help: "Approve the package first if it is PendingManualApproval.") var approve = false
        @Flag(help: "Deploy even though the previous stage does not serve the package; needs --reason.") var skipGate = false
        @Option(help: "Why the gate is skipped (recorded in the ledger).") var reason: String?
        @Flag(help: "Promote to prod without typing the prod account id (required when stdin is not a terminal).") var yes = false
        @Flag(help: "Check the package, the gate and the config, plan the stack, and stop: nothing is approved, deployed or recorded.")
        var dryRun = false
        @Option(help: SeedCodeHelp.option, completion: .directory)
        var seedCode: String?
        @Option(help: "Seconds to wait for another mlopsctl run to release the ledger.") var lockTimeout: Int = 30

        func validate() throws {
            if to == .governance { throw ValidationError("--to takes dev, preprod or prod: governance serves no endpoint") }
            if modelPackage != nil, latestApproved { throw ValidationError("--model-package and --latest-approved exclude each other") }
        }

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("promote")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let ledgerPath = ledgerOptions.location(environment: environment).path
            let seed = SeedCodeLocation(explicit: seedCode, environment: environment.values, currentDirectory: FileManager.default.currentDirectoryPath)
            let options = PromoteOptions(
                project: project, target: to, package: modelPackage.map { .explicit($0) } ?? .latestApproved, approve: approve,
                skipGate: skipGate, reason: reason, yes: yes, dryRun: dryRun)
            let prompter = Prompter()
            let workflow = PromoteWorkflow(
                topology: topology, sessions: sessions, options: options, deployApp: .deploy(in: seed),
                openLedger: { try LedgerDatabase.open(path: ledgerPath) }, ledgerExists: { FileManager.default.fileExists(atPath: ledgerPath) },
                lockTimeout: .seconds(lockTimeout),
                arguments: CommandLine.arguments.dropFirst().map { $0 },
                display: output.progressSink(stageCount: 1)(topology[to]),
                user: environment.values["USER"] ?? environment.values["LOGNAME"], isInteractive: prompter.isInteractive,
                ask: { question in Prompter().ask(question) })
            let result = try await workflow.run()
            try output.result(result, text: Self.text(result, dryRun: dryRun))
        }

        static func text(_ result: PromoteResult, dryRun: Bool) -> String {
                    var table = TextTable(header: ["STAGE", "PACKAGE", "STACK", "RESULT", "ENDPOINT", "STATUS"])
                    table.rows.append([
                        result.stage, result.packageVersion.map { "v\($0)" } ?? result.packageArn, result.stack, result.stackAction,
                        result.endpoint, result.endpointStatus,
                    ])
                    var note = "\(result.packageArn) is live in \(result.stage) (\(result.account) \(result.region))"
                    if dryRun {
                        note = "dry run, nothing changed: \(result.packageArn) would be served in \(result.stage) (\(result.account) \(result.region))"
                        if result.wouldApprove { note += "; --approve would approve it first" }
                        if let detail = result.detail { note += "; \(detail)" }
                    }
                    if result.approved { note += "; approved by this run" }
                    if let reason = result.skippedGateReason { note += "; gate skipped: \(reason)" }
                    for image in result.images { note += "\nimage: \(image)" }
                    for copy in result.copies { note += "\nmodel data: \(copy.source) → \(copy.destination) (\(copy.bytes) bytes, \(copy.outcome))" }
                    return table.render() + "\n" + note
        }
    }
}
