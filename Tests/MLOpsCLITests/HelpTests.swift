import Foundation
import TestSupport
import Testing

/// Help and version are the first thing a user sees; they must list every verb and option.
@Suite struct HelpTests {
    @Test func rootHelpListsTheVerbs() async throws {
        let result = try await CommandRunner().run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("doctor"))
        #expect(result.stdout.contains("USAGE: mlopsctl"))
    }

    @Test func doctorHelpDescribesOptionsAndExitStatus() async throws {
        let result = try await CommandRunner().run(["doctor", "--help"])
        #expect(result.status == 0)
        for text in ["--topology", "--output", "--debug", "--credential-timeout", "MLOPSCTL_CREDENTIAL_TIMEOUT", "Exit status"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }

    /// `mlopsctl 0.1.0 (commit 9115103)`: the release and the commit the binary was built from (git HEAD of this checkout).
    @Test func versionNamesTheReleaseAndTheCommit() async throws {
        let result = try await CommandRunner().run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: #"^mlopsctl \d+\.\d+\.\d+ \(commit ([0-9a-f]{7}|unknown)\)$"#, options: .regularExpression) != nil, "\(line)")
        guard FileManager.default.fileExists(atPath: ConformanceData.packageRoot.appendingPathComponent(".git").path) else {
            #expect(line.hasSuffix("(commit unknown)"), "not built from a git checkout, yet: \(line)")
            return
        }
        let head = try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
            .run(["git", "-C", ConformanceData.packageRoot.path, "rev-parse", "--short=7", "HEAD"])
        guard head.status == 0 else { return }  // git itself is not installed here (the build reads .git without it)
        #expect(line.hasSuffix("(commit \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))"), "built from another commit: \(line)")
    }

    @Test func seedCodeHelpNamesTheBuiltInDefault() async throws {
        for command in [["publish-catalog"], ["promote"], ["synth"]] {
            let result = try await CommandRunner().run(command + ["--help"])
            #expect(result.status == 0)
            let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // help wraps at 80 columns
            #expect(text.contains("else the seed code built into mlopsctl"), "\(command)")
            #expect(text.contains("mlopsctl seed-code export DIR"), "\(command)")
            #expect(!text.contains("./seed_code"), "\(command)")
        }
        let export = try await CommandRunner().run(["seed-code", "export", "--help"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("USAGE: mlopsctl seed-code export <directory> [--force]"), "\(export.stdout)")
    }
}
