import Foundation
import Testing
import TestSupport

/// The hostile input corpus (issue 11, item 4): every case runs the built binary and must end in a clean refusal,
/// see `HostileInputRunner`. Offline cases use a closed port or a loopback server; the rest share one emulator.
/// Serialized: each case must finish within seconds, which says nothing when 70 binaries share two cores.
@Suite(.serialized) struct HostileInputTests {
    @Test(arguments: HostileInputCase.offlineCases)
    func refusedCleanly(_ testCase: HostileInputCase) async throws {
        try await HostileInputRunner.run(testCase)
    }

    @Test func refusedCleanlyAgainstTheEmulator() async throws {
        try await withEmulator { emulator in
            for testCase in HostileInputCase.emulatorCases {
                try await HostileInputRunner.run(testCase, emulator: emulator)
            }
        }
    }

    /// The figures of docs/reliability.md: cases by category (the same for the same code, so `fixed`).
    @Test func figures() throws {
        let cases = HostileInputCase.allCases
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.testDescription)).count == cases.count, "two cases share a name")
        var byCategory: [String: Int] = [:]
        for testCase in cases { byCategory[testCase.category, default: 0] += 1 }
        try ReliabilityFigures.write(suite: "HostileInput", fixed: ["cases": cases.count, "byCategory": byCategory])
    }
}
