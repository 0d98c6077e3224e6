import ArgumentParser

/// The command tree as typed: `ledger runs` for `MLOpsCommand.LedgerCommand.Runs`.
enum CommandTree {
    static func path(of command: any ParsableCommand.Type, root: any ParsableCommand.Type = MLOpsCommand.self) -> String {
        func search(_ node: any ParsableCommand.Type, _ prefix: [String]) -> [String]? {
            for child in node.configuration.subcommands {
                let path = prefix + [child._commandName]
                if child == command { return path }
                if let found = search(child, path) { return found }
            }
            return nil
        }
        return (search(root, []) ?? [command._commandName]).joined(separator: " ")
    }

    /// The shared options of a parsed command, when it has them (found by reflection: the `@OptionGroup` property).
    static func globalOptions(of command: any ParsableCommand) -> GlobalOptions? {
        Mirror(reflecting: command).children.lazy.compactMap { ($0.value as? OptionGroup<GlobalOptions>)?.wrappedValue }.first
    }
}
