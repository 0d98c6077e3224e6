import Foundation
import TestSupport
import Testing

/// `mlopsctl help <topic>` prints a page about what several verbs share; `mlopsctl help` and `help <verb>` still
/// behave as ArgumentParser's `help` does.
@Suite struct HelpTopicTests {
    struct Topic: CustomTestStringConvertible, Sendable {
        let name: String
        /// Facts the page must state (names of the files, variables and commands it explains).
        let facts: [String]
        var testDescription: String { name }
    }

    static let topics: [Topic] = [
        Topic(name: "topology", facts: ["--topology PATH", "$MLOPSCTL_TOPOLOGY", "./mlopsctl.yaml", "mlopsctl init", "stages:", "governance", "prod", "qualifier", "organization"]),
        Topic(
            name: "ledger",
            facts: [
                "--ledger PATH", "$MLOPSCTL_LEDGER", "$XDG_STATE_HOME/mlopsctl/ledger.sqlite", "~/.local/state/mlopsctl/ledger.sqlite", "lock",
                "--lock-timeout", "mlopsctl ledger unlock", "mlopsctl ledger forget", "mlopsctl ledger list", "mlopsctl ledger show", "mlopsctl ledger export",
            ]),
        Topic(
            name: "credentials",
            facts: [
                "~/.aws/config", "~/.aws/credentials", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "AWS_REGION", "role_arn",
                "source_profile", "sso_session", "credential_process", "endpoint_url", "AWS_ENDPOINT_URL",
            ]),
    ]

    @Test(arguments: topics)
    func topicPrintsItsPage(topic: Topic) async throws {
        let result = try await CommandRunner().run(["help", topic.name])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains("USAGE:"), "printed a command's help instead of the topic page")
        for fact in topic.facts {
            #expect(result.stdout.contains(fact), "mlopsctl help \(topic.name) does not mention \(fact)")
        }
        let wide = result.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines wider than 80 columns: \(wide)")
    }

    @Test func helpAloneShowsTheRootHelpAndTheTopics() async throws {
        let result = try await CommandRunner().run(["help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: mlopsctl <subcommand>"))
        #expect(result.stdout.contains("SUBCOMMANDS:"))
        let last = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "HELP TOPICS: topology, ledger, credentials (mlopsctl help <topic>)", "\(last)")
    }

    @Test func rootHelpNamesTheTopics() async throws {
        let result = try await CommandRunner().run(["--help"])
        #expect(result.status == 0)
        for topic in Self.topics {
            #expect(result.stdout.contains("mlopsctl help \(topic.name)"), "root --help does not name the \(topic.name) topic")
        }
    }

    /// `help <verb>` and `help <verb> <subcommand>` are ArgumentParser's: the command's own help.
    @Test(arguments: [["doctor"], ["ledger", "list"], ["seed-code", "export"]])
    func helpOfAVerbIsItsCommandHelp(words: [String]) async throws {
        let result = try await CommandRunner().run(["help"] + words)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: mlopsctl \(words.joined(separator: " "))"), "\(result.stdout)")
    }

    @Test func unknownTopicSuggestsTheClosest() async throws {
        let result = try await CommandRunner().run(["help", "topolgy"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: unknown help topic or command 'help topolgy'. Did you mean 'help topology'?\n", "\(result.stderr)")
    }
}
