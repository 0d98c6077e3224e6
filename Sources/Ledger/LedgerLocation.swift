import Foundation

/// Where the ledger file lives: `--ledger PATH` > `$MLOPSCTL_LEDGER` > `$XDG_STATE_HOME/mlopsctl/ledger.sqlite`
/// > `~/.local/state/mlopsctl/ledger.sqlite` (the XDG base-directory rule for state that survives restarts).
public struct LedgerLocation: Sendable, Equatable {
    /// Which rule chose the path, for `--debug` output and error messages.
    public enum Source: String, Sendable {
        case option = "--ledger"
        case environment = "MLOPSCTL_LEDGER"
        case xdgStateHome = "XDG_STATE_HOME"
        case home = "HOME"
    }

    public let path: String
    public let source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Resolves the path. `environment` is the process environment, passed in; `home` defaults to `$HOME`
    /// from that environment, else the account's home folder. Relative `--ledger`/`MLOPSCTL_LEDGER` values are
    /// taken from `currentDirectory`. An empty variable counts as unset, as XDG asks.
    public static func resolve(
        explicit: String?, environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> LedgerLocation {
        func absolute(_ value: String) -> String {
            let expanded = value.hasPrefix("~/") ? homeFolder(environment) + value.dropFirst(1) : value
            return expanded.hasPrefix("/") ? expanded : URL(fileURLWithPath: currentDirectory).appendingPathComponent(expanded).path
        }
        if let explicit, !explicit.isEmpty {
            return LedgerLocation(path: absolute(explicit), source: .option)
        }
        if let value = environment["MLOPSCTL_LEDGER"], !value.isEmpty {
            return LedgerLocation(path: absolute(value), source: .environment)
        }
        // XDG: a relative XDG_STATE_HOME is invalid and must be ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return LedgerLocation(path: state + "/mlopsctl/ledger.sqlite", source: .xdgStateHome)
        }
        return LedgerLocation(path: homeFolder(environment) + "/.local/state/mlopsctl/ledger.sqlite", source: .home)
    }

    private static func homeFolder(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }
}
