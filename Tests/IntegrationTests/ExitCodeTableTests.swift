import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// The exit-code table of docs/output.md, end to end: each code it lists is provoked through the binary here (130 and
/// 143, stopping by signal, in InterruptTests), and the table lists exactly the codes of `ExitCodes`.
@Suite struct ExitCodeTableTests {
    /// The codes in the table's first column (`| 130, 143 |` gives two).
    static func documentedCodes() throws -> Set<Int32> {
        let text = try String(contentsOf: ConformanceData.packageRoot.appendingPathComponent("docs/output.md"), encoding: .utf8)
        let table = try #require(text.components(separatedBy: "## Exit codes").last)
        var codes: Set<Int32> = []
        for line in table.split(separator: "\n") where line.hasPrefix("| ") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for word in cell.split(separator: ",") { if let code = Int32(word.trimmingCharacters(in: .whitespaces)) { codes.insert(code) } }
        }
        return codes
    }

    /// A topology like the fixture's with one stage changed.
    static func variant(of fixture: BootstrapFixture, _ emulator: Emulator, stage: Stage, account: String? = nil, profile: String? = nil) throws -> String {
        var yaml = "version: 1\nregion: us-east-1\nqualifier: hnb659fds\nstages:\n"
        for entry in emulator.accounts {
            let changed = entry.stage == stage.rawValue
            yaml += "  \(entry.stage): { account: \"\(changed ? account ?? entry.accountID : entry.accountID)\", "
                + "profile: \(changed ? profile ?? entry.profile : entry.profile) }\n"
        }
        let file = emulator.directory.appendingPathComponent("variant-\(UUID().uuidString.prefix(8)).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func everyDocumentedCodeIsTheOneTheBinaryReturns() async throws {
        #expect(try Self.documentedCodes() == [0, 1, 2, 3, 4, 5, 64, 130, 143])
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            let environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            func run(_ arguments: [String], topology: String? = nil) async throws -> CommandRunner.Result {
                var environment = environment
                if let topology { environment["MLOPSCTL_TOPOLOGY"] = topology }
                return try await CommandRunner().run(arguments, environment: environment)
            }
            func expect(_ code: Int32, _ result: CommandRunner.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
                #expect(result.status == code, "\(what): \(result.combined)", sourceLocation: sourceLocation)
                if code != 0 {
                    #expect(result.stderr.hasPrefix("Error: "), "\(what): the first line says what is wrong: \(result.stderr)", sourceLocation: sourceLocation)
                }
            }

            expect(0, try await run(["ledger", "runs"]), "0: nothing recorded yet is not an error")
            expect(0, try await run(["bootstrap", "--stage", "dev"]), "0: bootstrap dev")
            expect(1, try await run(["doctor", "--topology", emulator.directory.appendingPathComponent("missing.yaml").path]), "1: no topology file")

            let wrongAccount = try Self.variant(of: fixture, emulator, stage: .preprod, account: "999999999999")
            let doctor = try await run(["doctor"], topology: wrongAccount)
            #expect(doctor.status == 2, "2: doctor finds preprod unhealthy: \(doctor.combined)")
            expect(5, try await run(["bootstrap", "--stage", "preprod"], topology: wrongAccount), "5: preprod's profile reaches another account")
            #expect(try await fixture.ledger.resources().allSatisfy { $0.stage == "dev" }, "5 changes nothing")

            let holder = try await fixture.ledger.acquireLock(
                LockRequest(command: "bootstrap", arguments: [], who: "alice@build-host", host: "build-host", pid: 4242))
            expect(3, try await run(["bootstrap", "--stage", "dev", "--lock-timeout", "0"]), "3: another run holds the ledger")
            try await holder.release(outcome: .interrupted)

            expect(64, try await run(["bootstrap", "--no-such-flag"]), "64: unknown option")
            expect(64, try await run(["promote", "--project", "demo", "--to", "governance"]), "64: governance serves no endpoint")
            expect(64, try await run(["teardown", "--bootstrap", "--stage", "dev"]), "64: no terminal and no --yes")
            expect(64, try await run(["ledger", "runs", "--outcome", "done"]), "64: a value the option does not take")

            // Dev's stacks, torn down with credentials that reach preprod's account: nothing is deleted there, and the
            // run ends partly done, naming what it left.
            let crossed = try Self.variant(of: fixture, emulator, stage: .dev, profile: emulator.account("preprod")!.profile)
            let partial = try await run(["teardown", "--bootstrap", "--stage", "dev", "--yes"], topology: crossed)
            #expect(partial.status == 4, "4: the account check left dev's stacks: \(partial.combined)")
            #expect(partial.stdout.contains("LEFT BEHIND") || partial.stdout.contains("account check"), "\(partial.stdout)")
            expect(0, try await run(["teardown", "--bootstrap", "--stage", "dev", "--yes"]), "0: with the right profile it goes")
        }
    }
}
