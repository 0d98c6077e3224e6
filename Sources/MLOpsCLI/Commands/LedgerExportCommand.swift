import ArgumentParser
import AWSConfig
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Everything in the ledger as one JSON document (runs with their events, resources, stack sets and instances, the lock).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole ledger as JSON: runs with their stack events, resources, stack sets and instances, and the lock.",
            discussion: """
                The ledger holds no secrets: no column can hold one. Dates are ISO 8601 (UTC).

                Examples:
                  Keep a copy of the whole ledger:
                    mlopsctl ledger export > ledger-backup.json
                """)

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() async throws {
            let ledger = try ledgerOptions.openForReading(environment: .current)
            try Console.printJSON(try await ledger.export())
        }
    }
}
