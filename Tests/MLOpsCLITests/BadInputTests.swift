import Foundation
import TestSupport
import Testing

/// Bad input must end in a short error that names the input and the fix, a non-zero exit status and
/// no stack trace, before any AWS call (the endpoints here are a closed loopback port).
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var topology: String = BadInputTests.validTopology
        var config: String = BadInputTests.validConfig
        var credentials: String = BadInputTests.validCredentials
        var arguments: [String] = ["doctor"]
        /// Texts the output must contain (all of them).
        let expected: [String]
        var expectedStatus: Int32? = nil
        /// Several problems in one file are listed one per line; a single problem stays on one line.
        var oneLine = true
        var testDescription: String { name }
    }

    static let validTopology = """
        version: 1
        region: us-east-1
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: gov }
          preprod:    { account: "333333333333", profile: gov }
          prod:       { account: "444444444444", profile: gov }
        """
    static let validConfig = "[profile gov]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n"
    static let validCredentials = "[gov]\naws_access_key_id = AKIDCANARY0000000000\naws_secret_access_key = CANARY-SECRET-bad-input\n"

    static let cases: [Case] = [
        Case(name: "malformed INI", config: "[profile gov]\nregion = us-east-1\nthis line is not valid\n", expected: ["config line 3", "expected"]),
        Case(
            name: "unknown profile",
            topology: validTopology.replacingOccurrences(of: "profile: gov }", with: "profile: gvo }"),
            expected: ["gvo", "gov"], expectedStatus: 2),
        Case(
            name: "profile cycle",
            config: "[profile gov]\nrole_arn = arn:aws:iam::111111111111:role/A\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::111111111111:role/B\nsource_profile = gov\n",
            credentials: "", expected: ["gov", "cycle"], expectedStatus: 2),
        Case(
            name: "role_arn with both source_profile and credential_source",
            config: "[profile gov]\nrole_arn = arn:aws:iam::111111111111:role/A\nsource_profile = b\ncredential_source = Environment\n"
                + "[profile b]\nregion = us-east-1\n",
            expected: ["gov", "source_profile", "credential_source"], expectedStatus: 2),
        Case(
            name: "non-12-digit account",
            topology: validTopology.replacingOccurrences(of: "\"222222222222\"", with: "\"2222\""),
            expected: ["stages.dev.account", "12-digit"]),
        Case(
            name: "bad qualifier",
            topology: validTopology.replacingOccurrences(of: "region: us-east-1\n", with: "region: us-east-1\nqualifier: far-too-long-qualifier\n"),
            expected: ["qualifier"]),
        Case(
            name: "requests recorded into a folder that does not exist",
            arguments: ["doctor", "--record-requests", "/nonexistent-mlopsctl-dir/requests.jsonl"],
            expected: ["cannot record requests to /nonexistent-mlopsctl-dir/requests.jsonl", "--record-requests"]),
        Case(
            name: "unknown stage",
            topology: validTopology.replacingOccurrences(of: "  prod:", with: "  production:"),
            expected: ["production", "prod"], oneLine: false),
        Case(name: "unreadable topology file", arguments: ["doctor", "--topology", "/nonexistent/mlopsctl.yaml"], expected: ["/nonexistent/mlopsctl.yaml"]),
        Case(name: "unreadable config file (a directory)", config: "<directory>", expected: ["config"]),
        Case(name: "unknown option", arguments: ["doctor", "--outptu", "json"], expected: ["--outptu"], expectedStatus: 64),
        // --org without an organization: section, for each verb that has it (teardown reads the ledger, but needs the
        // organization profile to reach the stack sets).
        Case(name: "bootstrap --org without organization section", arguments: ["bootstrap", "--org"], expected: ["--org needs an organization: section"]),
        Case(name: "status --org --verify without organization section", arguments: ["status", "--org", "--verify"], expected: ["--org needs an organization: section"]),
        Case(
            name: "teardown --bootstrap --org without organization section", arguments: ["teardown", "--bootstrap", "--org", "--yes"],
            expected: ["--org needs an organization: section"]),
        Case(name: "teardown --org without --bootstrap", arguments: ["teardown", "--org"], expected: ["--org tears down", "--bootstrap"], expectedStatus: 64),
        Case(
            name: "organization target with a malformed OU id",
            topology: validTopology + "\norganization:\n  profile: gov\n  targets:\n    dev: { organizationalUnits: [ou-BAD] }\n",
            arguments: ["bootstrap", "--org"], expected: ["organization.targets.dev.organizationalUnits", "ou-BAD"]),
    ]

    @Test(arguments: cases)
    func failsCleanly(_ testCase: Case) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let topology = dir.appendingPathComponent("mlopsctl.yaml")
        let config = dir.appendingPathComponent("config")
        let credentials = dir.appendingPathComponent("credentials")
        try testCase.topology.write(to: topology, atomically: true, encoding: .utf8)
        if testCase.config == "<directory>" {
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        } else {
            try testCase.config.write(to: config, atomically: true, encoding: .utf8)
        }
        try testCase.credentials.write(to: credentials, atomically: true, encoding: .utf8)

        let result = try await CommandRunner().run(
            testCase.arguments,
            environment: [
                "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path, "MLOPSCTL_TOPOLOGY": topology.path,
                "AWS_MAX_ATTEMPTS": "1", "HOME": dir.path,
            ])

        if let status = testCase.expectedStatus {
            #expect(result.status == status, "\(result.combined)")
        } else {
            #expect(result.status == 1, "\(result.combined)")
        }
        for text in testCase.expected {
            #expect(result.combined.contains(text), "missing '\(text)' in: \(result.combined)")
        }
        for marker in ["Fatal error", "Stack dump", "Current stack trace", "Backtrace", "CANARY-SECRET"] {
            #expect(!result.combined.contains(marker), "\(marker) in: \(result.combined)")
        }
        if testCase.expectedStatus == nil && testCase.oneLine {
            // A file error is one line (ArgumentParser's "Error: " prefix plus our message), usage text excepted.
            let lines = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
            #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        }
    }
}
