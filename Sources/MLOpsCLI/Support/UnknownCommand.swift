import ArgumentParser
import AWSConfig
import Foundation

/// A misspelt verb or subcommand (`mlopsctl bootstrp`, `mlopsctl ledger lsit`): ArgumentParser rejects it as
/// "Unexpected argument 'bootstrp'" (or, with options after it, as an unknown option) followed by the whole usage;
/// this turns that into one line naming the closest command, exit 64, like ArgumentParser's own "Unknown option
/// '--x'. Did you mean '--y'?".
enum UnknownCommand {
    /// Called when parsing or running failed: the one-line error when a word stands where a subcommand must (right
    /// after the root or a command that has subcommands) and is none of them; nil otherwise, and the caller reports
    /// the error as usual. A run that failed was parsed, so its words are all known commands. Shared options before
    /// the verb are skipped (`mlopsctl --debug bootstrp`).
    static func misspeltCommand(arguments: [String]) -> String? {
        let arguments = Array(arguments.dropFirst(GlobalArgumentOrder.leadingOptionWords(arguments)))
        var command: any ParsableCommand.Type = MLOpsCommand.self
        var path: [String] = []
        for argument in arguments {
            var names = command.configuration.subcommands.map { $0._commandName }
            // An option may take the next word as its value: what follows it is not known to be a command.
            guard !names.isEmpty, !argument.hasPrefix("-") else { return nil }
            if let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            if command == MLOpsCommand.self {
                if argument == "help" { return nil }  // ArgumentParser's own verb, which reports `help <verb>` as an error
                names.append("help")
            }
            return line(argument, among: names, kind: "command", prefix: path.map { $0 + " " }.joined())
        }
        return nil
    }

    /// `Error: unknown command 'ledger lsit'. Did you mean 'ledger list'?` (or the list of names when none is
    /// close) on stderr, then exit 64.
    static func fail(_ word: String, among names: [String], kind: String, prefix: String) -> Never {
        Console.printError(line(word, among: names, kind: kind, prefix: prefix))
        exit(ExitCode.validationFailure.rawValue)
    }

    static func line(_ word: String, among names: [String], kind: String, prefix: String) -> String {
        if let closest = NameSuggestions.closest(to: word, among: names, limit: 1).first {
            return "Error: unknown \(kind) '\(prefix)\(word)'. Did you mean '\(prefix)\(closest)'?"
        }
        return "Error: unknown \(kind) '\(prefix)\(word)'; choose one of: \(names.joined(separator: ", "))."
    }
}
