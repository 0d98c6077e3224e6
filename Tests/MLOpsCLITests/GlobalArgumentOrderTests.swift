import Foundation
import Testing
import TestSupport
@testable import MLOpsCLI

/// The shared options work before the verb, as in the AWS CLI: they are moved to just after the command path.
@Suite struct GlobalArgumentOrderTests {
    @Test(arguments: [
        (["--debug", "doctor"], ["doctor", "--debug"]),
        (["--output", "json", "--topology", "t.yaml", "bootstrap", "--stage", "dev"], ["bootstrap", "--output", "json", "--topology", "t.yaml", "--stage", "dev"]),
        (["--output=jsonl", "--quiet", "ledger", "runs", "--limit", "2"], ["ledger", "runs", "--output=jsonl", "--quiet", "--limit", "2"]),
        (["--ledger", "l.sqlite", "ledger", "show", "3"], ["ledger", "show", "--ledger", "l.sqlite", "3"]),
        (["doctor", "--debug"], ["doctor", "--debug"]),
        (["--debug", "bootstrp"], ["--debug", "bootstrp"]),  // not a verb: left for the parser to name
        (["--output"], ["--output"]),
        (["--version"], ["--version"]),
    ])
    func sharedOptionsMoveAfterTheCommandPath(_ arguments: [String], _ expected: [String]) {
        #expect(GlobalArgumentOrder.normalized(arguments) == expected)
    }

    @Test func theBinaryTakesThemBeforeTheVerb() async throws {
        let ledger = FileManager.default.temporaryDirectory.appendingPathComponent("order-\(UUID().uuidString).sqlite").path
        let result = try await CommandRunner().run(["--output", "json", "--ledger", ledger, "ledger", "runs"])
        #expect(result.status == 0, "\(result.combined)")
        #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any] != nil, "\(result.stdout)")
        let debug = try await CommandRunner().run(["--debug", "doctor", "--topology", "/nonexistent/topology.yaml"])
        #expect(debug.status == 1 && !debug.stderr.contains("Unknown option"), "\(debug.combined)")
    }
}
