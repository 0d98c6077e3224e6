import ArgumentParser
import AWSConfig
import Foundation
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Hands a resource over to someone else: it stays in AWS, its row stays in the ledger, mlopsctl stops managing it.
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand a resource over to someone else: mlopsctl stops managing it and never deletes it.",
            discussion: """
                Changes the ledger only (no AWS call). The row stays, marked handedOver with who (user@host), when and \
                --reason; a stack takes the resources it holds with it. A resource inside a stack mlopsctl still manages is \
                refused (deleting that stack would delete it): hand over the stack. Later runs of every verb, teardown \
                included, leave handed-over resources alone. Asks for confirmation on a terminal; otherwise needs --yes. \
                Exit status: 0 when handed over, 1 when refused or declined, 3 when another run holds the ledger, 64 on \
                bad input.

                Examples:
                  Hand stack 42 (ids: `mlopsctl ledger list --kind stack`) to a team:
                    mlopsctl ledger forget 42 --reason "data team owns it now"
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Argument(help: ArgumentHelp("The resource's ledger row: the ROW column of `mlopsctl ledger list` (ledgerRow in JSON).", valueName: "row"))
        var id: Int64
        @Option(help: ArgumentHelp("Why, and to whom: kept in the ledger.", valueName: "text")) var reason: String
        @Flag(help: "Hand it over without asking.") var yes = false

        /// `--output json`: the rows handed over, the first being the one named.
        struct Result: Encodable {
            let ledger: String
            let handedOver: [ResourceRow]
        }

        func run() async throws {
            // One-line errors (CLIUsageProblem, exit 64) rather than ArgumentParser's usage dump.
            guard id > 0 else { throw CLIUsageProblem("the id \(id) is not a ledger resource id (a positive number; see `mlopsctl ledger list`)") }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIUsageProblem("--reason is empty; say why and to whom, e.g. --reason \"the data team runs it now\"")
            }
            let output = global.contract("ledger forget")
            let environment = EnvironmentVariables.current
            let location = ledgerOptions.location(environment: environment)
            guard FileManager.default.fileExists(atPath: location.path) else {
                throw CLIFailure("ledger \(location.path) does not exist; check the path (--ledger or MLOPSCTL_LEDGER)")
            }
            let ledger = try LedgerDatabase.open(path: location.path)
            guard let row = try await ledger.resource(id: id) else { throw LedgerError.noSuchResource(id: id) }
            let described = "\(row.kind.rawValue) \(row.physicalId ?? row.logicalId ?? "?") (\(row.stage), \(row.account), \(row.region))"
            if !yes {
                let prompter = Prompter()
                guard prompter.isInteractive else {
                    throw CLIUsageProblem("pass --yes to hand over \(described) (stdin is not a terminal)")
                }
                let answer = (prompter.ask("Hand over \(described)? mlopsctl will never change or delete it again. [y/N]") ?? "").lowercased()
                guard answer == "y" || answer == "yes" else { throw CLIFailure("not handed over") }
            }
            let request = LockRequest.current(
                command: "ledger forget", arguments: [String(id), "--reason", reason], environment: environment.values)
            let rows = try await ledger.withLock(request) { lock in
                try await ledger.handOver(id, runId: lock.runId, who: request.who, reason: reason)
            }
            let others = rows.count > 1 ? " and the \(rows.count - 1) resource(s) it holds" : ""
            try output.result(
                Result(ledger: location.path, handedOver: rows.map(ResourceRow.init(resource:))),
                text: "handed over \(described)\(others); mlopsctl no longer manages \(rows.count == 1 ? "it" : "them")")
        }
    }
}
