import ArgumentParser
import AWSConfig
import Foundation
import Ledger
import Workflows

extension MLOpsCommand {
    /// Which model package each stage serves, from the ledger.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which model package each stage serves, since when and promoted by whom.",
            discussion: """
                Reads the ledger only (no AWS call): the last successful `mlopsctl promote` of each project and stage. With \
                --verify it also reads each stage's endpoint stack (read-only, with that stage's profile in the region the promotion \
                was recorded in, its account checked first) \
                and says whether it still serves what was recorded, then reads every other resource the ledger tracks as \
                `mlopsctl refresh` does (in sync, changed, gone, unreadable) and prints a summary per stage; the JSON output stays \
                the list of promotions (`mlopsctl refresh --output json` has the resources). With --org: per stage role, the organization's stack sets and their \
                instances (current, outdated, failed, with the failed ones and CloudFormation's reason), from the ledger; --verify \
                also lists each stack set's instances now (read-only). Exit status: 0; 2 when --verify finds a difference (or, \
                with --org, failed or outdated instances); 1.

                Examples:
                  What each stage serves, from the ledger:
                    mlopsctl status
                  Project demo, checked against the live endpoint stacks:
                    mlopsctl status --project demo --verify
                  The organization's stack sets, with their failed instances:
                    mlopsctl status --org --verify
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "Only this project.") var project: String?
        @Flag(help: "Also read each stage's endpoint stack and every tracked resource, and say what differs from the ledger.") var verify = false
        @Flag(help: "Show the organization's stack sets instead: instances current, outdated and failed per stage role.") var org = false

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("status")
            let path = ledgerOptions.location(environment: environment).path
            if org { return try await runOrganization(ledgerPath: path, environment: environment, output: output) }
            let statuses: [PromotionStatus]
            if FileManager.default.fileExists(atPath: path) {
                statuses = try await PromotionStatus.read(ledger: try LedgerDatabase.open(path: path), project: project)
            } else {
                statuses = []
            }
            var shown = statuses
            var resources: RefreshReport?
            if verify && FileManager.default.fileExists(atPath: path) {
                let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
                let sessions = try global.stageSessions(for: Self.self, environment: environment)
                shown = await PromotionStatus.verify(statuses, topology: topology, sessions: sessions)
                // Every other resource the ledger tracks, read the way `refresh` reads it.
                resources = try await RefreshWorkflow(
                    topology: topology, sessions: sessions, ledger: try LedgerDatabase.open(path: path),
                    options: RefreshWorkflow.Options(project: project)
                ).run()
            }
            try output.result(shown, text: text(shown) + (resources.map { "\n\nResources (as `mlopsctl refresh` reads them):\n" + RefreshText(report: $0, applied: false).text } ?? ""))
            if verify && (shown.contains(where: { $0.live != PromotionStatus.asRecorded }) || resources?.hasDrift == true) { throw ExitCodes.unhealthy }
            if resources?.hasUnreadable == true {
                throw CLIFailure("some resources could not be read: see the permission column, or run `mlopsctl refresh`")
            }
        }

        private func text(_ shown: [PromotionStatus]) -> String {
                guard !shown.isEmpty else {
                    return "no promotion recorded\(project.map { " for project \($0)" } ?? ""); run `mlopsctl promote`"
                }
                let formatter = ISO8601DateFormatter()
                var table = TextTable(header: ["PROJECT", "STAGE", "REGION", "VERSION", "PACKAGE", "SINCE", "BY", "NOTE"] + (verify ? ["LIVE"] : []))
                for status in shown {
                    table.rows.append([
                        status.project, status.stage, status.region, status.packageVersion.map(String.init) ?? "-", status.packageArn,
                        formatter.string(from: status.since), status.promotedBy ?? "-", status.skippedGateReason.map { "gate skipped: \($0)" } ?? "",
                    ] + (verify ? [status.live ?? "-"] : []))
                }
                return table.render()
        }
    }
}

extension MLOpsCommand.Status {
    /// `--org`: the stack sets' instances, from the ledger (and with --verify from StackSets).
    func runOrganization(ledgerPath: String, environment: EnvironmentVariables, output: CommandOutput) async throws {
        // --verify reads StackSets through the organization profile: the section is checked before anything is read.
        let settings = try verify ? CommandContext.loadTopology(global, environment: environment, output: output).organization : nil
        if verify && settings == nil { throw OrganizationInputError.noOrganizationSection }
        var statuses: [OrganizationStatus] = []
        if FileManager.default.fileExists(atPath: ledgerPath) {
            statuses = try await OrganizationStatus.read(ledger: try LedgerDatabase.open(path: ledgerPath))
        }
        if let settings, !statuses.isEmpty {
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            statuses = try await OrganizationStatus.verify(statuses, access: try await OrganizationAccess.connect(settings, sessions: sessions))
        }
        try output.result(statuses, text: OrganizationText.status(statuses, verified: verify))
        if verify && statuses.contains(where: { !$0.isHealthy }) { throw ExitCodes.unhealthy }
    }
}
