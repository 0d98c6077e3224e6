import ArgumentParser

/// Exit codes a script can rely on; the table in docs/output.md (checked against this list by a test) explains each.
public enum ExitCodes {
    public static let success = ExitCode.success
    public static let failure = ExitCode.failure
    public static let usage = ExitCode.validationFailure
    /// `doctor` ran and at least one stage is unhealthy; or `status --verify` found a stage that differs from the ledger.
    public static let unhealthy = ExitCode(2)
    /// Another mlopsctl run holds the ledger lock.
    public static let ledgerLocked = ExitCode(3)
    /// The run finished but left something behind (listed in the output).
    public static let partial = ExitCode(4)
    /// A stage's credentials reach another account than the topology names; nothing was changed.
    public static let accountMismatch = ExitCode(5)
    /// Stopped by a signal at a safe point: 128 + the signal, so 130 for SIGINT (Ctrl-C) and 143 for SIGTERM.
    public static func interrupted(by signalNumber: Int32) -> ExitCode { ExitCode(128 + signalNumber) }
}
