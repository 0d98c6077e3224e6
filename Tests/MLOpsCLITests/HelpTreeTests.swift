import Foundation
import MLOpsCLI
import TestSupport
import Testing

/// Help that teaches: every command and subcommand has a one-line abstract, a discussion and, in it, an
/// "Examples:" part with at least one invocation of that very command; and every example parses. The tree is the
/// one the binary describes (`--experimental-dump-help`, what generate-manual and completions read too), so a new
/// command is checked without touching this test.
@Suite struct HelpTreeTests {
    struct CommandInfo: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let subcommands: [CommandInfo]?
    }

    struct ToolInfo: Decodable {
        let command: CommandInfo
    }

    /// Each command with the words that reach it (`["mlopsctl", "ledger", "list"]`), root first; ArgumentParser's
    /// own `help` command is left out.
    static func commandTree() async throws -> [(path: [String], info: CommandInfo)] {
        let result = try await CommandRunner().run(["--experimental-dump-help"])
        guard result.status == 0 else { throw DumpFailed(stderr: result.stderr) }
        let root = try JSONDecoder().decode(ToolInfo.self, from: Data(result.stdout.utf8)).command
        func walk(_ info: CommandInfo, _ path: [String]) -> [(path: [String], info: CommandInfo)] {
            [(path, info)] + (info.subcommands ?? []).filter { $0.commandName != "help" }.flatMap { walk($0, path + [$0.commandName]) }
        }
        return walk(root, [root.commandName])
    }

    struct DumpFailed: Error { let stderr: String }

    /// The example command lines of a discussion: the lines after "Examples:" that start with `mlopsctl `.
    static func examples(in discussion: String) -> [String] {
        let lines = discussion.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Examples:" }) else { return [] }
        return lines[(start + 1)...].map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("mlopsctl ") || $0 == "mlopsctl" }
    }

    /// Shell words of a plain command line: blanks separate, single or double quotes group; a redirection or pipe
    /// (`> file`, `| jq`) ends the command (no other shell syntax).
    static func words(of line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character? = nil, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return Array(words.prefix { !["|", ">", ">>", "&&", ";"].contains($0) })
    }

    @Test func everyCommandHasAnAbstractADiscussionAndAnExampleOfItself() async throws {
        let tree = try await Self.commandTree()
        #expect(tree.count >= 16, "the tree is smaller than the verbs it must hold: \(tree.map { $0.path.joined(separator: " ") })")
        for (path, info) in tree {
            let name = path.joined(separator: " ")
            let abstract = info.abstract ?? ""
            #expect(!abstract.isEmpty && !abstract.contains("\n"), "\(name): the abstract must be one line: \(abstract)")
            let discussion = info.discussion ?? ""
            #expect(!discussion.isEmpty, "\(name) has no discussion")
            let examples = Self.examples(in: discussion)
            // An example line that wraps (help wraps at 80 columns, a man page indents by 5) no longer reads as a command.
            let exampleLines = discussion.components(separatedBy: "Examples:").dropFirst().joined().split(separator: "\n")
            #expect(exampleLines.allSatisfy { $0.count <= 74 }, "\(name): example lines wider than 74 columns: \(exampleLines.filter { $0.count > 74 })")
            #expect(
                examples.contains { Array(Self.words(of: $0).prefix(path.count)) == path },
                "\(name): its discussion has no \"Examples:\" part with an example of `\(name)`")
        }
    }

    /// An example that does not parse teaches a mistake: each one must get past ArgumentParser (parsing and
    /// `validate()`, in process; nothing runs).
    @Test func everyExampleParses() async throws {
        var checked = 0
        for (path, info) in try await Self.commandTree() {
            for example in Self.examples(in: info.discussion ?? "") {
                let arguments = Array(Self.words(of: example).dropFirst())
                do {
                    _ = try MLOpsCommand.parseAsRoot(arguments)
                } catch {
                    Issue.record("`\(example)` (in the help of \(path.joined(separator: " "))) does not parse: \(MLOpsCommand.fullMessage(for: error))")
                }
                checked += 1
            }
        }
        #expect(checked >= 16)
    }

    @Test func splitsWordsLikeAShell() {
        #expect(Self.words(of: #"mlopsctl promote --reason "gate checked by hand" --yes"#) == ["mlopsctl", "promote", "--reason", "gate checked by hand", "--yes"])
        #expect(Self.words(of: "mlopsctl  ledger show 42 ''") == ["mlopsctl", "ledger", "show", "42", ""])
        #expect(Self.words(of: "mlopsctl ledger export > ledger.json") == ["mlopsctl", "ledger", "export"])
    }
}
