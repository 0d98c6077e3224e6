import ArgumentParser
import AWSConfig
import Foundation

/// A misspelt verb or subcommand (`mlopsctl bootstrp`, `mlopsctl ledger lsit`): ArgumentParser rejects it as
/// "Unexpected argument 'bootstrp'" followed by the whole usage; this turns that into one line naming the closest
/// command, exit 64, like ArgumentParser's own "Unknown option '--x'. Did you mean '--y'?".
enum UnknownCommand {
    /// Exits with the one-line error when `error` is ArgumentParser rejecting a word where a subcommand of the command
    /// reached so far belongs; returns for any other error (the caller reports it as usual).
    static func exitIfMisspeltCommand(_ error: any Error, arguments: [String]) {
        guard MLOpsCommand.exitCode(for: error) == .validationFailure,
            let word = unexpectedWord(in: MLOpsCommand.message(for: error)), let index = arguments.firstIndex(of: word)
        else { return }
        // Follow the subcommand names typed before the word: `ledger lsit` is looked up among ledger's subcommands.
        var command: any ParsableCommand.Type = MLOpsCommand.self
        var path: [String] = []
        for argument in arguments[..<index] {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { continue }
            command = next
            path.append(argument)
        }
        var names = command.configuration.subcommands.map { $0._commandName }
        guard !names.isEmpty else { return }
        if command == MLOpsCommand.self { names.append("help") }  // ArgumentParser's own verb
        let prefix = path.map { $0 + " " }.joined()
        fail(word, among: names, kind: "command", prefix: prefix)
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

    /// `bootstrp` from ArgumentParser's "Unexpected argument 'bootstrp'" (one word; several extra words are left
    /// to ArgumentParser's own message).
    static func unexpectedWord(in message: String) -> String? {
        let prefix = "Unexpected argument '"
        guard message.hasPrefix(prefix), message.hasSuffix("'") else { return nil }
        let word = String(message.dropFirst(prefix.count).dropLast())
        return word.isEmpty || word.contains("'") ? nil : word
    }
}
