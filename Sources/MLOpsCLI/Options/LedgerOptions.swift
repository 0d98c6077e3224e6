import ArgumentParser
import AWSConfig
import Foundation
import Ledger

/// Where the ledger is: spliced into every command that reads or writes it.
public struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ledger file.", discussion: "Default: $MLOPSCTL_LEDGER, else $XDG_STATE_HOME/mlopsctl/ledger.sqlite, else ~/.local/state/mlopsctl/ledger.sqlite.",
            valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    public var ledger: String?

    public init() {}

    /// `--ledger` > `$MLOPSCTL_LEDGER` > `$XDG_STATE_HOME/…` > `~/.local/state/…`.
    public func location(environment: EnvironmentVariables) -> LedgerLocation {
        LedgerLocation.resolve(explicit: ledger, environment: environment.values)
    }

    /// Opens the ledger, creating it when missing (commands that record what they create).
    public func open(environment: EnvironmentVariables) throws -> LedgerDatabase {
        try LedgerDatabase.open(path: location(environment: environment).path)
    }

    /// Opens the ledger for a command that only looks: a missing file reads as an empty ledger and is not
    /// created, so `ledger list` on a fresh machine leaves nothing behind.
    func openForReading(environment: EnvironmentVariables) throws -> LedgerDatabase {
        let path = location(environment: environment).path
        guard FileManager.default.fileExists(atPath: path) else { return try LedgerDatabase.inMemory() }
        return try LedgerDatabase.open(path: path)
    }
}
