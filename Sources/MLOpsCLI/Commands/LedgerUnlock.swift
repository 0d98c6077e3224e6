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

        @OptionGroup var ledgerOptions: LedgerOptions

        @Flag(help: "Remove the lock without asking.")
        var yes = false

        func run() async throws {
            let location = ledgerOptions.location(environment: .current)
            guard FileManager.default.fileExists(atPath: location.path) else {
                Console.print("ledger \(location.path) does not exist; nothing to unlock")
                return
            }
            let ledger = try LedgerDatabase.open(path: location.path)
            guard let holder = try await ledger.lockHolder() else {
                Console.print("ledger \(location.path) is not locked")
                return
            }
            let description = Self.describe(holder)
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    Console.printError("Error: ledger \(location.path) is locked by \(description); rerun with --yes to remove the lock (stdin is not a terminal)")
                    throw ExitCodes.usage
                }
                FileHandle.standardOutput.write(Data("ledger \(location.path) is locked by \(description).\nRemove the lock? Only if that run is no longer running. [y/N] ".utf8))
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                guard answer == "y" || answer == "yes" else {
                    Console.print("left locked")
                    throw ExitCodes.failure
                }
            }
            // Only the run the user saw: a lock that changed hands meanwhile stays.
            if let removed = try await ledger.forceUnlock(onlyRun: holder.runId) {
                Console.print("removed the lock held by \(Self.describe(removed)); run \(removed.runId) is marked interrupted")
            } else {
                Console.printError("Error: the lock changed hands meanwhile; nothing removed (run `mlopsctl ledger unlock` again to see the new holder)")
                throw ExitCodes.failure
            }
        }

        static func describe(_ holder: LockHolder) -> String {
            "\(holder.who) (pid \(holder.pid), run \(holder.runId), `mlopsctl \(holder.command)`) since \(holder.since.formatted(.iso8601))"
        }
    }
}
