import ArgumentParser
import AWSConfig
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Everything in the ledger as one JSON document (runs with their events, resources, stack sets and instances, the lock).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole ledger as JSON: runs with their stack events, resources, stack sets and instances, and the lock.",
            discussion: """
                The ledger holds no secrets: no column can hold one. Dates are ISO 8601 (UTC). The export is JSON whatever \
                --output says (with jsonl: the closing result line holds it).

                Examples:
                  Keep a copy of the whole ledger:
                    mlopsctl ledger export > ledger-backup.json
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions

        func run() async throws {
            let ledger = try ledgerOptions.openForReading(environment: .current)
            let export = try await ledger.export()
            if global.output == .jsonl { return try global.contract("ledger export").result(export, text: "") }
            try Console.printJSON(export)
        }
    }
}
