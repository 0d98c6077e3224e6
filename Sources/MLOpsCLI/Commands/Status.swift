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
            discussion: "Reads the ledger only (no AWS call): the last successful `mlopsctl promote` of each project and stage.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: "Only this project.") var project: String?

        func run() async throws {
            let environment = EnvironmentVariables.current
            let path = ledgerOptions.location(environment: environment).path
            let statuses: [PromotionStatus]
            if FileManager.default.fileExists(atPath: path) {
                statuses = try await PromotionStatus.read(ledger: try LedgerDatabase.open(path: path), project: project)
            } else {
                statuses = []
            }
            switch global.output {
            case .json: try Console.printJSON(statuses)
            case .table:
                guard !statuses.isEmpty else {
                    return Console.print("no promotion recorded\(project.map { " for project \($0)" } ?? ""); run `mlopsctl promote`")
                }
                let formatter = ISO8601DateFormatter()
                var table = TextTable(header: ["PROJECT", "STAGE", "VERSION", "PACKAGE", "SINCE", "BY", "NOTE"])
                for status in statuses {
                    table.rows.append([
                        status.project, status.stage, status.packageVersion.map(String.init) ?? "-", status.packageArn,
                        formatter.string(from: status.since), status.promotedBy ?? "-", status.skippedGateReason.map { "gate skipped: \($0)" } ?? "",
                    ])
                }
                Console.print(table.render())
            }
        }
    }
}
