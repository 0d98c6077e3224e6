import Foundation
import TestSupport
import Testing

/// The committed completion scripts must be what the current binary generates (run scripts/generate-completions).
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func committedScriptIsCurrent(shell: String) async throws {
        let result = try await CommandRunner().run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let committed = try String(
            contentsOf: ConformanceData.packageRoot.appendingPathComponent("completions/mlopsctl.\(shell)"), encoding: .utf8)
        #expect(result.stdout == committed, "completions/mlopsctl.\(shell) is stale: run scripts/generate-completions")
    }
}
