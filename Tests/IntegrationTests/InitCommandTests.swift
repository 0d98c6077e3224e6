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
            // Then the region, the qualifier (the default), how projects are launched (one unknown answer first) and
            // their source (the default).
            answers += ["eu-west-1", "", "studio", "cloudformation", ""]
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
            #expect(topology.qualifier == Topology.defaultQualifier)
            #expect(topology.project == ProjectSettings(source: .s3, via: .cloudformation), "\(topology.project)")
            #expect(result.stdout.contains("answer sagemaker or cloudformation"), "the unknown answer must be explained: \(result.stdout)")
        }
    }

    /// A scratch folder with an empty AWS config (no profiles, no region), as a machine without a terminal sees it.
    static func scratch() throws -> (URL, [String: String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("config"))
        let config = directory.appendingPathComponent("config").path
        return (directory, ["HOME": directory.path, "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": config])
    }

    static let offlineAnswers = [
        "--no-verify", "--region", "eu-west-1", "--governance-account", "111111111111", "--governance-profile", "acme-gov",
        "--dev-account", "222222222222", "--dev-profile", "acme-dev", "--preprod-account", "333333333333", "--preprod-profile", "acme-pre",
        "--prod-account", "444444444444", "--prod-profile", "acme-prod",
    ]

    /// Without --out, init writes where doctor, bootstrap and the rest look: $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml;
    /// its last line names the next command, with --topology only when the others would not find the file alone.
    @Test func itWritesWhereTheOtherCommandsLookAndSaysWhatToRunNext() async throws {
        let (directory, environment) = try Self.scratch()
        let plain = try await CommandRunner().run(["init"] + Self.offlineAnswers, environment: environment, currentDirectory: directory)
        #expect(plain.status == 0, "\(plain.combined)")
        let written = directory.appendingPathComponent("mlopsctl.yaml")
        #expect(try TopologyLoader.load(path: written.path).project == ProjectSettings(), "the defaults: via sagemaker, source s3")
        #expect(plain.stdout.contains("wrote ./mlopsctl.yaml"), "\(plain.stdout)")
        #expect(plain.stdout.contains("next: mlopsctl doctor") && !plain.stdout.contains("--topology"), "\(plain.stdout)")
        // The file init wrote is the one the next command reads (doctor fails on the unknown profiles, not on a missing file).
        let doctor = try await CommandRunner().run(["doctor"], environment: environment, currentDirectory: directory)
        #expect(!doctor.combined.contains("file not found") && doctor.combined.contains("acme-dev"), "\(doctor.combined)")

        var withVariable = environment
        withVariable["MLOPSCTL_TOPOLOGY"] = directory.appendingPathComponent("team/topology.yaml").path
        let fromVariable = try await CommandRunner().run(["init"] + Self.offlineAnswers, environment: withVariable, currentDirectory: directory)
        #expect(fromVariable.status == 0 && fromVariable.stdout.contains("wrote ./team/topology.yaml"), "\(fromVariable.combined)")
        #expect(!fromVariable.stdout.contains("--topology"), "\(fromVariable.stdout)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("team/topology.yaml").path))

        let elsewhere = try await CommandRunner().run(
            ["init", "--topology", "other.yaml"] + Self.offlineAnswers, environment: environment, currentDirectory: directory)
        #expect(elsewhere.status == 0 && elsewhere.stdout.contains("next: mlopsctl doctor --topology ./other.yaml"), "\(elsewhere.combined)")
        let both = try await CommandRunner().run(
            ["init", "--topology", "a.yaml", "--out", "b.yaml"] + Self.offlineAnswers, environment: environment, currentDirectory: directory)
        #expect(both.status != 0 && both.stderr.contains("--out and --topology"), "\(both.combined)")

        let again = try await CommandRunner().run(["init"] + Self.offlineAnswers, environment: environment, currentDirectory: directory)
        #expect(again.status != 0 && again.stderr.contains("./mlopsctl.yaml already exists"), "\(again.combined)")
    }

    /// Every setting the loader reads (but organization) has a flag, and what init writes reads back to it.
    @Test func everyTopologySettingHasAFlagAndReadsBack() async throws {
        let (directory, environment) = try Self.scratch()
        try Data(#"{"Version":"2012-10-17","Statement":[]}"#.utf8).write(to: directory.appendingPathComponent("extra.json"))
        let settings = [
            "--qualifier", "acme01", "--via", "cloudformation", "--source", "codecommit", "--trust", "prod=governance", "--trust", "preprod=",
            "--execution-policy", "dev=arn:aws:iam::aws:policy/ReadOnlyAccess", "--execution-policy", "dev=extra.json",
            "--bootstrap-stack-name", "AcmeToolkit", "--termination-protection", "--tag", "team=ml", "--tag", "cost center=42",
            "--portfolio-name", "Acme templates", "--portfolio-owner", "platform", "--product-name", "Acme MLOps", "--product-version", "2.0",
        ]
        let result = try await CommandRunner().run(["init"] + Self.offlineAnswers + settings, environment: environment, currentDirectory: directory)
        #expect(result.status == 0, "\(result.combined)")
        let topology = try TopologyLoader.load(path: directory.appendingPathComponent("mlopsctl.yaml").path)
        #expect(topology.qualifier == "acme01")
        #expect(topology.project == ProjectSettings(source: .codecommit, via: .cloudformation))
        #expect(topology.trust[.prod] == [.governance] && topology.trust[.preprod] == [] && topology.trust[.dev] == [.governance])
        #expect(topology.executionPolicies[.dev] == [
            .managed(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"), .document(path: directory.appendingPathComponent("extra.json").standardizedFileURL.path),
        ], "\(topology.executionPolicies)")
        #expect(topology.bootstrap == BootstrapSettings(stackName: "AcmeToolkit", terminationProtection: true, tags: ["team": "ml", "cost center": "42"]))
        #expect(topology.catalog == CatalogSettings(
            portfolioName: "Acme templates", portfolioOwner: "platform", productName: "Acme MLOps", productVersion: "2.0"))

        // Bad values are refused by the loader's own rules, naming the setting, and nothing is written.
        let bad = try await CommandRunner().run(
            ["init", "--out", "bad.yaml"] + Self.offlineAnswers + ["--bootstrap-stack-name", "1 bad", "--trust", "prod=qa", "--via", "studio"],
            environment: environment, currentDirectory: directory)
        #expect(bad.status != 0 && bad.stderr.contains("studio"), "\(bad.combined)")
        let badStack = try await CommandRunner().run(
            ["init", "--out", "bad.yaml"] + Self.offlineAnswers + ["--bootstrap-stack-name", "1 bad", "--trust", "prod=qa"],
            environment: environment, currentDirectory: directory)
        #expect(badStack.status != 0 && badStack.stderr.contains("qa"), "\(badStack.combined)")
        let badName = try await CommandRunner().run(
            ["init", "--out", "bad.yaml"] + Self.offlineAnswers + ["--bootstrap-stack-name", "1 bad"], environment: environment, currentDirectory: directory)
        #expect(badName.status != 0 && badName.stderr.contains("--bootstrap-stack-name: \"1 bad\" is not a valid stack name"), "\(badName.combined)")
        #expect(!badName.stderr.contains("line"), "the generated file's lines mean nothing to the user: \(badName.stderr)")
        let badPolicy = try await CommandRunner().run(
            ["init", "--out", "bad.yaml"] + Self.offlineAnswers + ["--execution-policy", "prod=missing.json", "--product-version", ""],
            environment: environment, currentDirectory: directory)
        #expect(badPolicy.stderr.contains("--execution-policy: policy file") && badPolicy.stderr.contains("--product-version: must be"),
                "\(badPolicy.combined)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.yaml").path))
    }

    /// Without a terminal, the missing required answers are named as flags in one line; optional ones are not asked.
    @Test func withoutATerminalTheMissingAnswersAreNamedAsFlags() async throws {
        let (directory, environment) = try Self.scratch()
        let result = try await CommandRunner().run(["init", "--region", "eu-west-1"], environment: environment, currentDirectory: directory)
        #expect(result.status != 0, "\(result.combined)")
        #expect(result.stderr.contains("--dev-account") && result.stderr.contains("--prod-profile") && !result.stderr.contains("--via"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1 && !result.combined.contains("\u{1B}"), "\(result.combined)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mlopsctl.yaml").path))
    }
}
