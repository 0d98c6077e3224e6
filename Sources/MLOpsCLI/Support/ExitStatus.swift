import ArgumentParser
import Ledger
import Workflows

/// How an error ends the process: its exit code (the table in docs/output.md) and its one-line message.
enum ExitStatus {
    /// The code for `error`: ours for the errors the contract names, ArgumentParser's for the rest (0 for --help, 64
    /// for usage errors, 1 otherwise).
    static func code(for error: any Error) -> Int32 {
        switch error {
        case let code as ExitCode: code.rawValue
        case is LedgerLockedError: ExitCodes.ledgerLocked.rawValue
        case let mismatch as any AccountMismatchError: mismatch.wrongAccount ? ExitCodes.accountMismatch.rawValue : ExitCodes.failure.rawValue
        case is CLIUsageProblem, is LedgerUsageError: ExitCodes.usage.rawValue
        default: MLOpsCommand.exitCode(for: error).rawValue
        }
    }

    /// The message for stderr, or nil when there is none to print (an `ExitCode`, whose message was printed already,
    /// or a request for help or the version, which ArgumentParser prints itself).
    static func message(for error: any Error) -> String? {
        switch error {
        case is ExitCode: nil
        case is LedgerLockedError, is any AccountMismatchError, is CLIUsageProblem, is LedgerUsageError, is CLIFailure:
            "Error: \(error)"
        default: nil
        }
    }
}
