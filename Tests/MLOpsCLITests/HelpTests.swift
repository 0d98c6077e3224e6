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
        for text in ["--topology", "--output", "--debug", "Exit status"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }

    @Test func versionPrints() async throws {
        let result = try await CommandRunner().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
    }
}
