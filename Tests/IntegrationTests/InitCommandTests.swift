import Foundation
import Testing
import TestSupport
import Topology

/// `mlopsctl init` writes a topology that reads back, after checking each profile's account with STS.
@Suite struct InitCommandTests {
    static func flags(_ emulator: Emulator, override: [String: String] = [:]) -> [String] {
        var arguments = ["--region", "us-east-1", "--qualifier", "acme01"]
        for account in emulator.accounts {
            arguments += ["--\(account.stage)-account", account.accountID, "--\(account.stage)-profile", override[account.stage] ?? account.profile]
        }
        return arguments
    }

    @Test func flagsWriteAVerifiedTopologyAndAMismatchWritesNothing() async throws {
        try await withEmulator { emulator in
            let out = emulator.directory.appendingPathComponent("profiles/acme.yaml")
            var environment = emulator.environment
            environment["HOME"] = emulator.directory.path
            let result = try await CommandRunner().run(["init", "--out", out.path] + Self.flags(emulator), environment: environment)
            #expect(result.status == 0, "\(result.combined)")
            let topology = try TopologyLoader.load(path: out.path)
            #expect(topology.qualifier == "acme01")
            #expect(topology.stages.map(\.account) == emulator.accounts.map(\.accountID))
            #expect(topology.stages.map(\.profile) == emulator.accounts.map(\.profile))

            let again = try await CommandRunner().run(["init", "--out", out.path] + Self.flags(emulator), environment: environment)
            #expect(again.status == 1 && again.stderr.contains("--force"), "\(again.combined)")

            let wrong = emulator.directory.appendingPathComponent("profiles/wrong.yaml")
            let mismatch = try await CommandRunner().run(
                ["init", "--out", wrong.path] + Self.flags(emulator, override: ["dev": "local-prod"]), environment: environment)
            #expect(mismatch.status == 1, "\(mismatch.combined)")
            #expect(mismatch.stderr.contains("dev") && mismatch.stderr.contains("444444444444"), "\(mismatch.stderr)")
            #expect(!FileManager.default.fileExists(atPath: wrong.path))
        }
    }

    /// The accounts and region from the seed's constants.py, the profiles from flags; STS confirms each account.
    @Test func theSeedsConstantsFileIsVerifiedLikeAnswers() async throws {
        try await withEmulator { emulator in
            var text = SeedConstantsFixture.filledIn.replacingOccurrences(of: "eu-west-1", with: "us-east-1")
            for (stage, fixture) in zip(["governance", "dev", "preprod", "prod"], ["111111111111", "222222222222", "333333333333", "444444444444"]) {
                text = text.replacingOccurrences(of: "\"\(fixture)\"", with: "\"\(emulator.account(stage)!.accountID)\"")
            }
            // Dev and preprod swapped in the file: the check must catch it.
            let swapped = text.replacingOccurrences(of: "DEV_ACCOUNT", with: "TMP").replacingOccurrences(of: "PREPROD_ACCOUNT", with: "DEV_ACCOUNT")
                .replacingOccurrences(of: "TMP", with: "PREPROD_ACCOUNT")
            let constants = emulator.directory.appendingPathComponent("constants.py")
            let profiles = emulator.accounts.flatMap { ["--\($0.stage)-profile", $0.profile] }
            var environment = emulator.environment
            environment["HOME"] = emulator.directory.path

            try swapped.write(to: constants, atomically: true, encoding: .utf8)
            let wrongOut = emulator.directory.appendingPathComponent("wrong.yaml")
            let refused = try await CommandRunner().run(
                ["init", "--from-seed-constants", constants.path, "--out", wrongOut.path] + profiles, environment: environment)
            #expect(refused.status == 1 && refused.stderr.contains("not written"), "\(refused.combined)")
            #expect(!FileManager.default.fileExists(atPath: wrongOut.path))

            try text.write(to: constants, atomically: true, encoding: .utf8)
            let out = emulator.directory.appendingPathComponent("seed.yaml")
            let result = try await CommandRunner().run(
                ["init", "--from-seed-constants", constants.path, "--out", out.path] + profiles, environment: environment)
            #expect(result.status == 0 && result.stdout.contains("every profile reaches its account"), "\(result.combined)")
            #expect(try TopologyLoader.load(path: out.path).stages.map(\.account) == emulator.accounts.map(\.accountID))
        }
    }

    @Test func aTerminalSessionIsAskedForEveryAnswer() async throws {
        try await withEmulator { emulator in
            let out = emulator.directory.appendingPathComponent("tty.yaml")
            // python3's pty gives the child a real terminal; the answers include one invalid account id first.
            var answers = ["12"]
            for account in emulator.accounts { answers += [account.accountID, account.profile] }
            answers.append("eu-west-1")
            var environment = emulator.environment
            environment["HOME"] = emulator.directory.path
            let result = try await CommandRunner().run(
                [CommandRunner.defaultExecutable.path, "init", "--out", out.path], environment: environment,
                through: PseudoTerminal.wrapper(answers: answers))
            #expect(result.status == 0, "\(result.combined)")
            #expect(result.stdout.contains("12-digit"), "the invalid answer must be explained: \(result.stdout)")
            let topology = try TopologyLoader.load(path: out.path)
            #expect(topology.stages.map(\.profile) == emulator.accounts.map(\.profile))
            #expect(topology.stages.allSatisfy { $0.region == "eu-west-1" })
        }
    }
}
