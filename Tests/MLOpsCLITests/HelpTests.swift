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

    /// `mlopsctl 0.1.0 (commit 4beab16, built 2026-12-06)`: the release, the commit the binary was built from (git HEAD
    /// of this checkout) and the UTC day of the build that embedded it (not before the commit, not after today).
    @Test func versionNamesTheReleaseTheCommitAndTheBuildDate() async throws {
        let result = try await CommandRunner().run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pattern = #"^mlopsctl \d+\.\d+\.\d+ \(commit ([0-9a-f]{7}|unknown), built (\d{4}-\d{2}-\d{2})\)$"#
        guard let match = line.range(of: pattern, options: .regularExpression) else {
            Issue.record("not `mlopsctl X.Y.Z (commit abcdef0, built yyyy-mm-dd)`: \(line)")
            return
        }
        let built = String(line[match].suffix(11).prefix(10))
        #expect(built <= Self.utcDay(Date()), "built after today: \(line)")
        guard FileManager.default.fileExists(atPath: ConformanceData.packageRoot.appendingPathComponent(".git").path) else {
            #expect(line.contains("(commit unknown,"), "not built from a git checkout, yet: \(line)")
            return
        }
        let head = try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
            .run(["git", "-C", ConformanceData.packageRoot.path, "log", "-1", "--format=%H %ct"])
        let fields = head.stdout.split(separator: " ")
        guard head.status == 0, fields.count == 2 else { return }  // git itself is not installed here (the build reads .git without it)
        #expect(line.contains("(commit \(fields[0].prefix(7)),"), "built from another commit: \(line)")
        if let seconds = Double(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) {
            #expect(built >= Self.utcDay(Date(timeIntervalSince1970: seconds)), "built before its commit was made: \(line)")
        }
    }

    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
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
