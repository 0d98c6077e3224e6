import Foundation
import TestSupport
import Testing

/// docs/commands: one page per command, and every flag a page's options name exists in that command's `--help`.
@Suite struct CommandDocsTests {
    static let folder = ConformanceData.packageRoot.appendingPathComponent("docs/commands")

    /// Each page and the command paths whose help it documents.
    static let pages: [String: [[String]]] = [
        "init": [["init"]], "doctor": [["doctor"]], "bootstrap": [["bootstrap"]], "publish-catalog": [["publish-catalog"]],
        "launch-project": [["launch-project"]], "promote": [["promote"]], "status": [["status"]], "teardown": [["teardown"]],
        "synth": [["synth"]], "seed-code": [["seed-code", "export"]], "refresh": [["refresh"]], "import": [["import"]],
        "ledger": ["list", "runs", "show", "export", "graph", "unlock", "forget"].map { ["ledger", $0] },
    ]

    static func flags(in text: Substring) -> Set<String> {
        Set(text.matches(of: /--[a-z][a-z0-9-]*[a-z0-9]/).map { String($0.output) })
    }

    @Test func everyVerbHasAPage() async throws {
        let help = try await CommandRunner().run(["--help"])
        // Lines like "  doctor                  Check that…" (continuations are indented further; "See 'mlopsctl help…'" is not a verb).
        let section = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let verbs = section.split(separator: "\n").compactMap { line in line.wholeMatch(of: #/  ([a-z][a-z-]*)( .*)?/#).map { String($0.1) } }
        #expect(!verbs.isEmpty, "no verbs in: \(help.stdout)")
        #expect(Set(verbs) == Set(Self.pages.keys), "verbs \(verbs.sorted()), pages \(Self.pages.keys.sorted())")
    }

    @Test(arguments: pages.keys.sorted())
    func everyFlagOnThePageExists(page: String) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("\(page).md"), encoding: .utf8)
        // The options part: from the line starting "Options" to the first example (ledger.md: every section).
        let options: Substring
        if page == "ledger" {
            // Prose only: the examples' output holds other commands' arguments (the runs a ledger recorded).
            options = Substring(text.split(separator: "```", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: "\n"))
        } else {
            let start = try #require(text.range(of: "\nOptions"), "\(page).md has no Options part")
            let end = text.range(of: "\nExample", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
            options = text[start.lowerBound..<end]
        }
        var known: Set<String> = []
        for path in Self.pages[page]! {
            let help = try await CommandRunner().run(path + ["--help"])
            #expect(help.status == 0, "\(path.joined(separator: " ")) --help: \(help.combined)")
            known.formUnion(Self.flags(in: Substring(help.stdout)))
        }
        let unknown = Self.flags(in: options).subtracting(known)
        #expect(unknown.isEmpty, "docs/commands/\(page).md names flags its command does not have: \(unknown.sorted())")
    }
}
