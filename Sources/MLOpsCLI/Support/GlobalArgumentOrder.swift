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

    static func normalized(_ arguments: [String], root: any ParsableCommand.Type = MLOpsCommand.self) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = String(word.prefix { $0 != "=" })
            if flags.contains(word) || (valued.contains(name) && word.contains("=")) {
                leading.append(word)
                index += 1
            } else if valued.contains(word), index + 1 < arguments.count {
                leading += [word, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
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
