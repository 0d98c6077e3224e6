import ArgumentParser
import Foundation

/// `mlopsctl help <topic>`: a page about what several verbs share (the topology file, the ledger, credentials),
/// which ArgumentParser's `help <verb>` has no place for. `mlopsctl help` alone prints the root help plus a line
/// naming the topics; `help <verb> [<subcommand>]` is left to ArgumentParser. `help ledger` is the topic (which
/// lists the ledger's subcommands); `mlopsctl ledger --help` is the command's help.
enum HelpTopic: String, CaseIterable {
    case topology, ledger, credentials

    /// One line, for lists of topics.
    var summary: String {
        switch self {
        case .topology: "what the topology file holds and where mlopsctl looks for it"
        case .ledger: "the local record of what mlopsctl created: where it lives, its lock, its commands"
        case .credentials: "how profiles, credentials, regions and endpoints are resolved"
        }
    }

    /// The page `mlopsctl help <topic>` prints.
    var page: String {
        switch self {
        case .topology: Self.topologyPage
        case .ledger: Self.ledgerPage
        case .credentials: Self.credentialsPage
        }
    }

    /// The line `mlopsctl help` adds under the root help.
    static let topicsLine = "HELP TOPICS: \(allCases.map(\.rawValue).joined(separator: ", ")) (mlopsctl help <topic>)"

    /// Prints the page and exits for `help` and `help <topic>`, fails with a did-you-mean for `help <unknown>`, and
    /// returns for anything else (ArgumentParser then parses the arguments as usual).
    static func handle(_ arguments: [String]) {
        guard arguments.first == "help", arguments.count <= 2 else { return }
        guard arguments.count == 2 else {
            Console.print(MLOpsCommand.helpMessage() + "\n\n" + topicsLine)
            exit(ExitCode.success.rawValue)
        }
        let word = arguments[1]
        if let topic = HelpTopic(rawValue: word) {
            Console.print(topic.page)
            exit(ExitCode.success.rawValue)
        }
        let verbs = MLOpsCommand.configuration.subcommands.map { $0._commandName } + ["help"]
        guard !word.hasPrefix("-"), !verbs.contains(word) else { return }
        UnknownCommand.fail(word, among: allCases.map(\.rawValue) + verbs, kind: "help topic or command", prefix: "help ")
    }
}
