import Foundation
import TestSupport
import Testing

/// `bootstrap` with bad input: every problem listed, non-zero exit, no AWS call (the configured endpoint is a
/// closed port, so any call would show up as a connection error) and no ledger written.
@Suite struct BootstrapBadInputTests {
    static let stages = """
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: gov }
          preprod:    { account: "333333333333", profile: gov }
          prod:       { account: "444444444444", profile: gov }
        """

    func run(_ topology: String, arguments: [String] = ["bootstrap"]) async throws -> (CommandRunner.Result, ledgerExists: Bool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-bootstrap-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try topology.write(to: dir.appendingPathComponent("mlopsctl.yaml"), atomically: true, encoding: .utf8)
        try "[profile gov]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n".write(
            to: dir.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "[gov]\naws_access_key_id = AKIDEXAMPLE00000000\naws_secret_access_key = CANARY-SECRET-bootstrap\n".write(
            to: dir.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        let ledger = dir.appendingPathComponent("state/ledger.sqlite")
        let result = try await CommandRunner().run(
            arguments,
            environment: [
                "AWS_CONFIG_FILE": dir.appendingPathComponent("config").path,
                "AWS_SHARED_CREDENTIALS_FILE": dir.appendingPathComponent("credentials").path,
                "MLOPSCTL_TOPOLOGY": dir.appendingPathComponent("mlopsctl.yaml").path, "MLOPSCTL_LEDGER": ledger.path,
                "AWS_MAX_ATTEMPTS": "1", "HOME": dir.path,
            ], currentDirectory: dir)
        return (result, FileManager.default.fileExists(atPath: ledger.path))
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
