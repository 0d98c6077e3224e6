import ArgumentParser
import AWSConfig
import Foundation

/// A misspelt verb or subcommand (`mlopsctl bootstrp`, `mlopsctl ledger lsit`): ArgumentParser rejects it as
/// "Unexpected argument 'bootstrp'" (or, with options after it, as an unknown option) followed by the whole usage;
/// this turns that into one line naming the closest command, exit 64, like ArgumentParser's own "Unknown option
/// '--x'. Did you mean '--y'?".
enum UnknownCommand {
    /// Called when parsing or running failed: exits with the one-line error when a word stands where a subcommand
    /// must (right after the root or a command that has subcommands) and is none of them; returns otherwise, and the
    /// caller reports the error as usual. A run that failed was parsed, so its words are all known commands.
    static func exitIfMisspeltCommand(arguments: [String]) {
        var command: any ParsableCommand.Type = MLOpsCommand.self
        var path: [String] = []
        for argument in arguments {
            var names = command.configuration.subcommands.map { $0._commandName }
            // An option may take the next word as its value: what follows it is not known to be a command.
            guard !names.isEmpty, !argument.hasPrefix("-") else { return }
            if let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            if command == MLOpsCommand.self {
                if argument == "help" { return }  // ArgumentParser's own verb, which reports `help <verb>` as an error
                names.append("help")
            }
            fail(argument, among: names, kind: "command", prefix: path.map { $0 + " " }.joined())
        }
    }

    /// `Error: unknown command 'ledger lsit'. Did you mean 'ledger list'?` (or the list of names when none is
    /// close) on stderr, then exit 64.
    static func fail(_ word: String, among names: [String], kind: String, prefix: String) -> Never {
        let line: String
        if let closest = NameSuggestions.closest(to: word, among: names, limit: 1).first {
            line = "Error: unknown \(kind) '\(prefix)\(word)'. Did you mean '\(prefix)\(closest)'?"
        } else {
            line = "Error: unknown \(kind) '\(prefix)\(word)'; choose one of: \(names.joined(separator: ", "))."
        }
        Console.printError(line)
        exit(ExitCode.validationFailure.rawValue)
    }
}
