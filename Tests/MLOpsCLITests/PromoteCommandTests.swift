import Foundation
import TestSupport
import Testing

/// `promote` and `status` through the binary. Bad input ends in one line naming the flag and the fix, a non-zero
/// exit and no AWS call (the endpoint is a closed port, so a call would show up as a connection error) and no ledger.
@Suite struct PromoteCommandTests {
    static let topology = ClosedPortSandbox.topology

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let expected: [String]
        var status: Int32 = 1
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "skip-gate without a reason", arguments: ["--to", "preprod", "--skip-gate"], expected: ["--skip-gate needs --reason"]),
        Case(name: "reason without skip-gate", arguments: ["--to", "preprod", "--reason", "hotfix"], expected: ["--reason only goes with --skip-gate"]),
        Case(name: "skip-gate to dev", arguments: ["--to", "dev", "--skip-gate", "--reason", "x"], expected: ["dev has no gate"]),
        Case(name: "malformed package ARN", arguments: ["--to", "dev", "--model-package", "not-an-arn"], expected: ["--model-package 'not-an-arn'"]),
        Case(name: "unknown stage", arguments: ["--to", "qa"], expected: ["qa"], status: 64),
        Case(name: "governance is not a deployment stage", arguments: ["--to", "governance"], expected: ["dev, preprod or prod"], status: 64),
        Case(
            name: "ARN and latest-approved together",
            arguments: ["--to", "dev", "--model-package", "arn:aws:sagemaker:us-east-1:222222222222:model-package/g/1", "--latest-approved"],
            expected: ["--model-package and --latest-approved"], status: 64),
        Case(name: "missing deploy config", arguments: ["--to", "dev", "--seed-code", "/nonexistent/seed"], expected: ["/nonexistent/seed/deploy_app/config/dev.json"]),
        Case(name: "unreachable account", arguments: ["--to", "dev"], expected: ["cannot confirm the account"]),
    ]

    /// Runs mlopsctl in a closed-port sandbox with the repository's seed code; says whether a ledger was written.
    func run(_ arguments: [String], topology: String = Self.topology) async throws -> (CommandRunner.Result, ledgerExists: Bool) {
        try await ClosedPortSandbox.run(
            arguments, topology: topology, secret: "CANARY-SECRET-promote",
            environment: ["MLOPSCTL_SEED_CODE": ConformanceData.packageRoot.appendingPathComponent("seed_code").path])
    }

    @Test(arguments: cases)
    func badInputFailsBeforeAnyChange(_ testCase: Case) async throws {
        let (result, ledgerExists) = try await run(["promote", "--project", "demo"] + testCase.arguments)
        #expect(result.status == testCase.status, "\(result.combined)")
        for text in testCase.expected {
            #expect(result.stderr.contains(text), "missing '\(text)' in: \(result.stderr)")
        }
        if testCase.name != "unreachable account" {
            #expect(!result.combined.contains("cannot confirm the account"), "an AWS call was attempted: \(result.combined)")
        }
        for marker in ["Fatal error", "Stack dump", "Backtrace", "CANARY-SECRET"] {
            #expect(!result.combined.contains(marker), "\(marker) in: \(result.combined)")
        }
        if testCase.status == 1 {
            #expect(result.stderr.split(separator: "\n").filter { !$0.isEmpty }.count == 1, "expected one line: \(result.stderr)")
        }
        #expect(!ledgerExists)
    }

    @Test func aProjectNameSageMakerWouldRefuseIsNamed() async throws {
        let (result, ledgerExists) = try await run(["promote", "--project", "Bad_Name!", "--to", "dev"])
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stderr.contains("--project 'Bad_Name!'"), "\(result.stderr)")
        #expect(!ledgerExists)
    }

    @Test func aStageInAnotherRegionThanDevIsNotRefusedForItsRegion() async throws {
        // Each stage may live in its own region: the run goes on to the account check (no AWS here), writing nothing.
        let topology = Self.topology.replacingOccurrences(
            of: "prod:       { account: \"444444444444\", profile: gov }", with: "prod:       { account: \"444444444444\", profile: gov, region: eu-west-1 }")
        let (result, ledgerExists) = try await run(["promote", "--project", "demo", "--to", "prod", "--yes"], topology: topology)
        #expect(result.status == 1, "\(result.combined)")
        #expect(!result.stderr.contains("differs from dev's"), "\(result.stderr)")
        #expect(result.combined.contains("cannot confirm the account"), "\(result.combined)")
        #expect(!ledgerExists)
    }

    @Test func statusWithoutPromotionsSaysSoInTextAndJSON() async throws {
        let (text, _) = try await run(["status"])
        #expect(text.status == 0 && text.stdout.contains("no promotion recorded"), "\(text.combined)")
        let (json, ledgerExists) = try await run(["status", "--project", "demo", "--output", "json"])
        #expect(json.status == 0, "\(json.combined)")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any]
        #expect(decoded?.isEmpty == true, "\(json.stdout)")
        #expect(!ledgerExists, "status only reads")
    }
}
