import Foundation
import TestSupport
import Testing

/// `bootstrap` with bad input: every problem listed, non-zero exit, no AWS call (the configured endpoint is a
/// closed port, so any call would show up as a connection error) and no ledger written.
@Suite struct BootstrapBadInputTests {
    static let stages = ClosedPortSandbox.stages

    func run(_ topology: String, arguments: [String] = ["bootstrap"]) async throws -> (CommandRunner.Result, ledgerExists: Bool) {
        try await ClosedPortSandbox.run(arguments, topology: topology, secret: "CANARY-SECRET-bootstrap")
    }

    @Test func everyTopologyProblemIsListedAtOnce() async throws {
        let topology = "version: 1\nregion: us-east-1\nqualifier: much-too-long-qualifier\n" + Self.stages
            + "\ntrust:\n  prod: [staging]\nexecutionPolicies:\n  dev: [./missing.json]\n"
        let (result, ledgerExists) = try await run(topology)
        #expect(result.status == 1, "\(result.combined)")
        for fragment in ["qualifier", "trust.prod", "staging", "executionPolicies.dev", "missing.json"] {
            #expect(result.stderr.contains(fragment), "missing \(fragment) in \(result.stderr)")
        }
        #expect(!result.combined.contains("could not connect"), "an AWS call was attempted: \(result.combined)")
        #expect(!ledgerExists)
    }

    @Test func administratorAccessWithoutTheFlagIsRefusedBeforeAnyCall() async throws {
        let topology = "version: 1\nregion: us-east-1\n" + Self.stages
            + "\nexecutionPolicies:\n  prod: [\"arn:aws:iam::aws:policy/AdministratorAccess\"]\n"
        let (result, ledgerExists) = try await run(topology)
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stderr.contains("--allow-admin-execution-policy"))
        #expect(!result.combined.contains("could not connect"))
        #expect(!result.combined.contains("CANARY-SECRET"))
        #expect(!ledgerExists)
    }

    @Test func unknownStageOptionIsAUsageError() async throws {
        let (result, ledgerExists) = try await run("version: 1\nregion: us-east-1\n" + Self.stages, arguments: ["bootstrap", "--stage", "qa"])
        #expect(result.status == 64, "\(result.combined)")
        #expect(result.stderr.contains("qa"))
        #expect(!ledgerExists)
    }

    @Test func unreachableAccountsChangeNothing() async throws {
        let (result, ledgerExists) = try await run("version: 1\nregion: us-east-1\n" + Self.stages)
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stderr.contains("cannot confirm the account"), "\(result.stderr)")
        #expect(!ledgerExists)
    }
}
