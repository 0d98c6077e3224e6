import Foundation
import Testing
import TestSupport

/// No user-facing message names a flag mlopsctl does not have: every `--flag` in a string of Sources/ is an option of
/// some command (from the parser's own description of the command tree), or is part of another tool's command line
/// the message quotes (`aws sso login --profile p`, the pipeline's `checkov --directory .`).
@Suite struct MessageFlagTests {
    /// The commands whose own flags a message may quote.
    static let otherTools = ["aws ", "checkov "]

    static func mlopsctlFlags() async throws -> Set<String> {
        let dump = try await CommandRunner().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var flags: Set<String> = ["--help", "--version"]
        func walk(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    if let text = name["name"] as? String { flags.insert("--" + text) }
                }
            }
            for child in command["subcommands"] as? [[String: Any]] ?? [] { walk(child) }
        }
        walk(try #require(root["command"] as? [String: Any]))
        return flags
    }

    /// `--flag` words outside comments, with the text before them in the statement (this line and the one before).
    static func flagMentions(in file: URL) throws -> [(flag: String, before: String, line: Int)] {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let pattern = try NSRegularExpression(pattern: #"(?<![\w-])--[a-z][a-z0-9-]*"#)
        var mentions: [(String, String, Int)] = []
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            let text = line as NSString
            for match in pattern.matches(in: line, range: NSRange(location: 0, length: text.length)) {
                let before = (index > 0 ? lines[index - 1] : "") + "\n" + text.substring(to: match.range.location)
                mentions.append((text.substring(with: match.range), before, index + 1))
            }
        }
        return mentions
    }

    @Test func everyFlagAMessageNamesExists() async throws {
        let flags = try await Self.mlopsctlFlags()
        #expect(flags.contains("--topology") && flags.contains("--confirm-prod") && flags.count > 40, "\(flags)")
        let sources = ConformanceData.packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var checked = 0
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            // Test helpers and the build-time generator talk to developers, not users.
            if file.path.contains("/TestSupport/") || file.path.contains("/EmbedGenerator/") { continue }
            for mention in try Self.flagMentions(in: file) {
                checked += 1
                let quotesAnotherTool = Self.otherTools.contains { mention.before.contains($0) }
                #expect(flags.contains(mention.flag) || quotesAnotherTool,
                        "\(file.lastPathComponent):\(mention.line) names \(mention.flag), which no mlopsctl command has")
            }
        }
        #expect(checked > 50, "the scan found only \(checked) flags: is it reading the sources?")
    }
}
