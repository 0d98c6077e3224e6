import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Topology
import Workflows

extension MLOpsCommand {
    /// Compares every live ledger row with what exists in AWS, like `terraform plan -refresh-only`.
    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare what the ledger tracks with what really exists in AWS: in sync, changed, gone, unreadable.",
            discussion: """
                Reads only (Describe, Get, List and Head calls), with each stage's profile, its account checked first; stacks \
                are read concurrently. For every live row of the ledger it reads the resource and compares it with what its \
                stack's template says: for stacks, their status and the tags, template and parameters mlopsctl deployed them with; for IAM roles, the \
                trust policy and the attached managed policies; for buckets, versioning, default encryption, the public access \
                block and the bucket policy; for SSM parameters, the value; for KMS keys, enabled or pending deletion; ECR \
                repositories and managed policies, that they exist. Classes: in sync; changed (with what differs); gone \
                (deleted outside mlopsctl); unreadable (the IAM action that was refused is named); unchecked (a kind \
                mlopsctl has no read for). The verb that owns a resource repairs what it can (the repairs column says what): \
                bootstrap for the bootstrap stacks, publish-catalog for the catalog stack, launch-project for a project's stack.

                --cloudformation-drift also runs CloudFormation's own drift detection on each stack and adds what it found \
                (every property CloudFormation compares); it starts a detection (DetectStackDrift, which changes no resource \
                but is not a read) and waits for it, so it is not the default; where it cannot run (not supported, not \
                permitted) the stack says why.

                --apply records what was found: a gone row becomes deletedOutOfBand (it stays in the ledger as history; \
                teardown then skips it). Exit status: 0 when everything read is in sync; 2 when something changed or is gone; \
                1 when some resource could not be read (and nothing drifted), or on an error; 5 when a profile reaches another \
                account than the topology names.

                Examples:
                  Everything the ledger tracks:
                    mlopsctl refresh
                  Project demo in dev, as JSON for a script:
                    mlopsctl refresh --stage dev --project demo --output json
                  Record what was deleted outside mlopsctl:
                    mlopsctl refresh --apply
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(name: .customLong("stage"), help: "Only these stages (repeatable): governance, dev, preprod, prod.")
        var stages: [Stage] = []
        @Option(help: "Only this project's resources.") var project: String?
        @Flag(help: "Record the findings in the ledger: gone rows become deletedOutOfBand.") var apply = false
        @Flag(help: "Also run CloudFormation's drift detection on each stack (DetectStackDrift: not a read; waits for it).")
        var cloudformationDrift = false

        /// `--output json`.
        struct Result: Encodable {
            let ledger: String
            let stages: [RefreshReport.StageSummary]
            let resources: [RefreshFinding]
            /// Ledger rows `--apply` marked deletedOutOfBand.
            let recorded: [Int64]
        }

        func run() async throws {
            let output = global.contract("refresh")
            let environment = EnvironmentVariables.current
            let location = ledgerOptions.location(environment: environment)
            guard FileManager.default.fileExists(atPath: location.path) else {
                throw CLIFailure("ledger \(location.path) does not exist; check the path (--ledger or MLOPSCTL_LEDGER)")
            }
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let workflow = RefreshWorkflow(
                topology: topology, sessions: sessions, ledger: try LedgerDatabase.open(path: location.path),
                options: RefreshWorkflow.Options(stages: Set(stages), project: project, cloudFormationDrift: cloudformationDrift))
            var report = try await workflow.run()
            if apply {
                let request = LockRequest.current(command: "refresh", arguments: CommandLine.arguments.dropFirst().map { $0 }, environment: environment.values)
                report.recorded = try await workflow.record(report, lock: request)
            }
            try output.result(
                Result(ledger: location.path, stages: report.stages, resources: report.findings, recorded: report.recorded),
                text: RefreshText(report: report, applied: apply).text)
            if report.hasDrift { throw ExitCodes.unhealthy }
            if report.hasUnreadable {
                throw CLIFailure("some resources could not be read: grant the IAM actions named in the permission column and run refresh again")
            }
        }
    }
}
