import ArgumentParser
import AWSConfig
import Foundation
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Clears a lock left by a run that is gone (killed on another host, or a reused pid here).
    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the ledger lock of a run that is no longer running.",
            discussion: """
                Only for a lock whose run is gone: a run on this host that died is taken over automatically. Prints who \
                held the lock and marks that run interrupted. Asks for confirmation on a terminal; otherwise needs --yes. \
                Exit status: 0 when removed or not locked, 1 when declined, 64 without --yes and no terminal.

                Examples:
                  Clear the lock of a run that died on another host (asks first):
                    mlopsctl ledger unlock
                  The same from a script:
                    mlopsctl ledger unlock --yes
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions
        @Flag(help: "Remove the lock without asking.")
        var yes = false

        /// `--output json`: whether a lock was held, by whom, and whether this run removed it.
        struct Result: Encodable {
            let ledger: String
            let locked: Bool
            let holder: Holder?
            let removed: Bool
        }

        struct Holder: Encodable {
            let who: String
            let pid: Int32
            let runId: Int64
            let command: String
            let since: Date
        }

        func run() async throws {
            let output = global.contract("ledger unlock")
            let location = ledgerOptions.location(environment: .current)
            guard FileManager.default.fileExists(atPath: location.path) else {
                return try output.result(
                    Result(ledger: location.path, locked: false, holder: nil, removed: false),
                    text: "ledger \(location.path) does not exist; nothing to unlock")
            }
            let ledger = try LedgerDatabase.open(path: location.path)
            guard let holder = try await ledger.lockHolder() else {
                return try output.result(
                    Result(ledger: location.path, locked: false, holder: nil, removed: false), text: "ledger \(location.path) is not locked")
            }
            let description = Self.describe(holder)
            if !yes {
                let prompter = Prompter()
                guard prompter.isInteractive else {
                    throw CLIUsageProblem("ledger \(location.path) is locked by \(description); pass --yes to remove the lock (stdin is not a terminal)")
                }
                output.note("ledger \(location.path) is locked by \(description).")
                let answer = (prompter.ask("Remove the lock? Only if that run is no longer running. [y/N]") ?? "").lowercased()
                guard answer == "y" || answer == "yes" else { throw CLIFailure("left locked") }
            }
            // Only the run the user saw: a lock that changed hands meanwhile stays.
            guard let removed = try await ledger.forceUnlock(onlyRun: holder.runId) else {
                throw CLIFailure("the lock changed hands meanwhile; nothing removed (run `mlopsctl ledger unlock` again to see the new holder)")
            }
            try output.result(
                Result(
                    ledger: location.path, locked: true,
                    holder: Holder(who: removed.who, pid: removed.pid, runId: removed.runId, command: removed.command, since: removed.since),
                    removed: true),
                text: "removed the lock held by \(Self.describe(removed)); run \(removed.runId) is marked interrupted")
        }

        static func describe(_ holder: LockHolder) -> String {
            "\(holder.who) (pid \(holder.pid), run \(holder.runId), `mlopsctl \(holder.command)`) since \(holder.since.formatted(.iso8601))"
        }
    }
}
