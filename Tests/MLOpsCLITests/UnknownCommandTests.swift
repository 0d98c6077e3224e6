import Foundation
import TestSupport
import Testing

/// A misspelt verb or subcommand ends in one line naming the closest command, exit 64, no usage dump and no
/// stack trace (ArgumentParser alone prints "Unexpected argument" and the whole usage).
@Suite struct UnknownCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let line: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["bootstrp"], line: "Error: unknown command 'bootstrp'. Did you mean 'bootstrap'?"),
        Case(arguments: ["teardonw", "--all"], line: "Error: unknown command 'teardonw'. Did you mean 'teardown'?"),
        // Shared options may come before the verb: the word after them is still the one judged.
        Case(arguments: ["--debug", "--output", "json", "bootstrp"], line: "Error: unknown command 'bootstrp'. Did you mean 'bootstrap'?"),
        Case(arguments: ["ledger", "lsit"], line: "Error: unknown command 'ledger lsit'. Did you mean 'ledger list'?"),
        Case(arguments: ["ledger", "unlok", "--yes"], line: "Error: unknown command 'ledger unlok'. Did you mean 'ledger unlock'?"),
        Case(arguments: ["seed-code", "exprot", "my-seed"], line: "Error: unknown command 'seed-code exprot'. Did you mean 'seed-code export'?"),
        Case(
            arguments: ["frobnicate"],
            line: "Error: unknown command 'frobnicate'; choose one of: init, doctor, bootstrap, publish-catalog, launch-project, promote, "
                + "status, refresh, import, teardown, synth, ledger, seed-code, help."),
    ]

    @Test(arguments: cases)
    func misspeltCommandGetsOneLine(testCase: Case) async throws {
        let result = try await CommandRunner().run(testCase.arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == testCase.line + "\n", "\(result.stderr)")
    }

    /// Extra words after a command without subcommands keep ArgumentParser's own message.
    @Test func extraArgumentOfALeafCommandIsNotCalledACommand() async throws {
        let result = try await CommandRunner().run(["doctor", "bootstrp"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unexpected argument 'bootstrp'"), "\(result.stderr)")
        #expect(!result.stderr.contains("unknown command"))
    }
}
