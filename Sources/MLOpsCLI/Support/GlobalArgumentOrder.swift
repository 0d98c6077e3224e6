import ArgumentParser

/// Lets the options every command shares come before the verb, as in the AWS CLI (`mlopsctl --debug doctor`):
/// ArgumentParser only accepts a subcommand's options after it, so leading shared options are moved to just after
/// the command path (`doctor --debug`). Anything else is left where it is for the parser to judge.
enum GlobalArgumentOrder {
    /// The shared options that take a value; `--name=value` is recognised too.
    static let valued: Set<String> = [
        "--topology", "--output", "--record-requests", "--credential-timeout", "--cli-connect-timeout", "--cli-read-timeout", "--ledger",
    ]
    static let flags: Set<String> = ["--debug", "--quiet"]

    /// Whether the command line asks for `--output jsonl`, read without parsing (for a command line that does not
    /// parse, whose stream must still end with a result line).
    static func asksForJSONLines(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { $0 == "--output" && $1 == "jsonl" } || arguments.contains("--output=jsonl")
    }

    /// The command path the words name, as far as the tree knows them (`ledger runs`; `mlopsctl` for none).
    static func commandPath(_ arguments: [String], root: any ParsableCommand.Type = MLOpsCommand.self) -> String {
        var command: any ParsableCommand.Type = root
        var words: [String] = []
        for word in arguments.dropFirst(leadingOptionWords(arguments)) {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = next
            words.append(word)
        }
        return words.isEmpty ? "mlopsctl" : words.joined(separator: " ")
    }

    /// How many words at the start are shared options and their values.
    static func leadingOptionWords(_ arguments: [String]) -> Int {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = String(word.prefix { $0 != "=" })
            if flags.contains(word) || (valued.contains(name) && word.contains("=")) {
                index += 1
            } else if valued.contains(word), index + 1 < arguments.count {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    static func normalized(_ arguments: [String], root: any ParsableCommand.Type = MLOpsCommand.self) -> [String] {
        let index = leadingOptionWords(arguments)
        let leading = Array(arguments[..<index])
        guard !leading.isEmpty, index < arguments.count, !arguments[index].hasPrefix("-") else { return arguments }
        // The command path: the verb, then each word that names a subcommand of the command before it.
        var command: any ParsableCommand.Type = root
        var end = index
        while end < arguments.count,
              let next = command.configuration.subcommands.first(where: { $0._commandName == arguments[end] }) {
            command = next
            end += 1
        }
        guard end > index else { return arguments }  // not a verb (a typo): the parser names it
        return Array(arguments[index..<end]) + leading + Array(arguments[end...])
    }
}
