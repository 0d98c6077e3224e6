import ArgumentParser
import AWSConfig
import Foundation
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Every run, newest first: where `ledger show` ids come from.
    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the runs the ledger recorded: id, verb, operator, outcome and time, newest first.",
            discussion: """
                Reads the ledger only. Pass a run's id to `mlopsctl ledger show ID` for its stack events and resources. \
                --output json prints an array of objects with id, command, arguments, operator (the caller ARN STS \
                returned, null before it was known), host, pid, startedAt, endedAt, outcome and message.

                Examples:
                  Every run, newest first:
                    mlopsctl ledger runs
                  The last five teardowns:
                    mlopsctl ledger runs --verb teardown --limit 5
                  The ids of failed runs, for a script:
                    mlopsctl ledger runs --outcome failed --output json | jq '.[].id'
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: ArgumentHelp("Only runs of this verb, e.g. bootstrap or teardown.", valueName: "verb")) var verb: String?
        @Option(help: ArgumentHelp("Only runs with this outcome: running, succeeded, failed or interrupted.", valueName: "outcome"))
        var outcome: String?
        @Option(help: ArgumentHelp("At most this many runs (the newest).", valueName: "count")) var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            let wanted = try LedgerUsageError.parse(outcome, option: "--outcome", as: RunOutcome.self)
            let ledger = try ledgerOptions.openForReading(environment: .current)
            var runs = try await ledger.runs()
                .filter { verb == nil || $0.command == verb }
                .filter { wanted == nil || $0.outcome == wanted }
                .sorted { ($0.id ?? 0) > ($1.id ?? 0) }
            if let limit { runs = Array(runs.prefix(limit)) }
            try global.contract("ledger runs").result(runs.map(RunRow.init), text: RunRow.table(runs))
        }
    }
}

/// One run as `ledger runs` prints it; in JSON every key is present (null when unknown).
struct RunRow: Encodable {
    let id: Int64?
    let command: String
    let arguments: [String]
    let `operator`: String?
    let host: String
    let pid: Int32
    let startedAt: Date
    let endedAt: Date?
    let outcome: String
    let message: String?

    init(_ run: Run) {
        id = run.id
        command = run.command
        arguments = run.arguments
        `operator` = run.operatorArn
        host = run.host
        pid = run.pid
        startedAt = run.startedAt
        endedAt = run.endedAt
        outcome = run.outcome.rawValue
        message = run.message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(command, forKey: .command)
        try container.encode(arguments, forKey: .arguments)
        try container.encode(`operator`, forKey: .operator)
        try container.encode(host, forKey: .host)
        try container.encode(pid, forKey: .pid)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(endedAt, forKey: .endedAt)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(message, forKey: .message)
    }

    enum CodingKeys: String, CodingKey { case id, command, arguments, `operator`, host, pid, startedAt, endedAt, outcome, message }

    static func table(_ runs: [Run]) -> String {
        guard !runs.isEmpty else { return "no runs recorded" }
        var table = TextTable(header: ["ID", "VERB", "OUTCOME", "STARTED", "DURATION", "OPERATOR", "ARGUMENTS"])
        for run in runs {
            let duration = run.endedAt.map { "\(Int($0.timeIntervalSince(run.startedAt).rounded()))s" } ?? "-"
            table.rows.append([
                run.id.map(String.init) ?? "?", run.command, run.outcome.rawValue, run.startedAt.formatted(.iso8601), duration,
                run.operatorArn ?? "-", run.arguments.joined(separator: " "),
            ])
        }
        return table.render()
    }
}
