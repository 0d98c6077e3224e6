import ArgumentParser
import AWSConfig
import Foundation
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// One run: what it was, the stack events it saw, and the resources it last touched.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one run: its command, outcome, stack events and the resources it touched.",
            discussion: """
                Run ids are listed by `mlopsctl ledger runs`. Exit status: 0, or 1 when the run is unknown.

                Examples:
                  Run 42: its command, outcome, stack events and resources:
                    mlopsctl ledger show 42
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions

        @Argument(help: "The run id.")
        var runId: Int64

        func run() async throws {
            let ledger = try ledgerOptions.openForReading(environment: .current)
            guard let run = try await ledger.run(id: runId) else { throw LedgerError.noSuchRun(id: runId) }
            let report = RunReport(
                run: run, events: try await ledger.events(runId: runId), resources: try await ledger.resources(touchedBy: runId).map(ResourceRow.init))
            try global.contract("ledger show").result(report, text: report.text)
        }
    }
}

/// What `ledger show` prints.
struct RunReport: Encodable {
    let run: Run
    let events: [StackEvent]
    let resources: [ResourceRow]

    var text: String {
        var lines = ["run \(run.id.map(String.init) ?? "?"): mlopsctl \(run.command)  \(run.outcome.rawValue)"]
        lines.append("  arguments:  \(run.arguments.joined(separator: " "))")
        lines.append("  operator:   \(run.operatorArn ?? "-")")
        lines.append("  host:       \(run.host) (pid \(run.pid))")
        lines.append("  started:    \(run.startedAt.formatted(.iso8601))")
        lines.append("  ended:      \(run.endedAt.map { $0.formatted(.iso8601) } ?? "-")")
        if let message = run.message { lines.append("  message:    \(message)") }
        lines.append("")
        lines.append("stack events (\(events.count)):")
        if !events.isEmpty {
            var table = TextTable(header: ["TIME", "STAGE", "STACK", "LOGICAL ID", "TYPE", "STATUS", "REASON"])
            for event in events {
                table.rows.append([
                    event.timestamp.formatted(.iso8601), event.stage, event.stackName, event.logicalId, event.resourceType, event.status,
                    event.reason ?? "",
                ])
            }
            lines.append(table.render())
        }
        lines.append("")
        lines.append("resources touched (\(resources.count)):")
        if !resources.isEmpty { lines.append(ResourceRow.table(resources.map(\.resource))) }
        return lines.joined(separator: "\n")
    }
}
