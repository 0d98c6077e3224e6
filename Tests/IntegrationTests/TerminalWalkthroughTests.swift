import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// The whole lifecycle as a person runs it, in one folder, with no --topology anywhere: `init` on a terminal answering
/// every prompt, then the verbs without a terminal (they read the ./mlopsctl.yaml init wrote), and the two
/// confirmations a person types: promoting to prod and tearing down. Without a terminal the same confirmations are
/// never asked: they fail with one line naming the flag to pass. No run without a terminal prints an escape code.
@Suite struct TerminalWalkthroughTests {
    static let escape = "\u{1B}"

    /// Runs `arguments` without a terminal in `folder` and checks that nothing it printed holds an escape code.
    static func plain(_ arguments: [String], in folder: URL, environment: [String: String]) async throws -> CommandRunner.Result {
        let result = try await CommandRunner().run(arguments, environment: environment, currentDirectory: folder, timeout: 300)
        #expect(!result.stdout.contains(escape) && !result.stderr.contains(escape), "escape codes without a terminal: \(arguments) \(result.combined)")
        return result
    }

    /// Runs `arguments` on a pseudo-terminal in `folder`, typing `answers`; returns what the screen showed.
    static func typed(_ arguments: [String], answers: [String], in folder: URL, environment: [String: String]) async throws -> CommandRunner.Result {
        try await CommandRunner().run(
            [CommandRunner.defaultExecutable.path] + arguments, environment: environment, currentDirectory: folder, timeout: 400,
            through: PseudoTerminal.wrapper(answers: answers, timeoutSeconds: 300))
    }

    @Test func aPersonAtATerminalRunsTheLifecycleAndScriptsAreNeverAsked() async throws {
        try await withEmulator { emulator in
            let folder = emulator.directory.appendingPathComponent("walkthrough")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var environment = emulator.environment
            environment["HOME"] = emulator.directory.path
            environment["MLOPSCTL_LEDGER"] = folder.appendingPathComponent("ledger.sqlite").path
            let prod = try #require(emulator.account("prod")).accountID

            // init without a terminal asks nothing: one line naming the flags still missing, and nothing written.
            let unasked = try await Self.plain(["init", "--region", "us-east-1"], in: folder, environment: environment)
            #expect(unasked.status != 0 && unasked.stderr.contains("--governance-account") && unasked.stderr.contains("--prod-profile"),
                    "\(unasked.combined)")
            #expect(unasked.stderr.split(whereSeparator: \.isNewline).count == 1 && !unasked.combined.contains("account id"), "\(unasked.combined)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mlopsctl.yaml").path))

            // init: every prompt answered (the qualifier and the source by their defaults).
            var answers: [String] = []
            for account in emulator.accounts { answers += [account.accountID, account.profile] }
            answers += ["us-east-1", "", "cloudformation", ""]
            let initScreen = try await Self.typed(["init"], answers: answers, in: folder, environment: environment)
            #expect(initScreen.status == 0, "\(initScreen.combined)")
            for prompt in [
                "AWS profiles found: ", "governance account id: ", "dev AWS profile [local-dev]: ", "prod account id: ", "region [us-east-1]: ",
                "CDK bootstrap qualifier [hnb659fds]: ", "how launch-project creates projects (sagemaker or cloudformation) [sagemaker]: ",
                "where project pipelines read their code (s3 or codecommit) [s3]: ",
            ] {
                #expect(initScreen.stdout.contains(prompt), "the screen lacks \"\(prompt)\": \(initScreen.stdout)")
            }
            let initLines = initScreen.stdout.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(initLines.suffix(2).first == "wrote ./mlopsctl.yaml; every profile reaches its account", "\(initLines.suffix(3))")
            #expect(initLines.last?.hasPrefix("next: mlopsctl bootstrap --dry-run ") == true, "\(initLines.suffix(3))")
            let topology = try TopologyLoader.load(path: folder.appendingPathComponent("mlopsctl.yaml").path)
            #expect(topology.project.via == .cloudformation && topology.stages.map(\.account) == emulator.accounts.map(\.accountID))

            // The next commands find ./mlopsctl.yaml alone. The lead role parameter is the platform team's, set by hand.
            let dryBootstrap = try await Self.plain(["bootstrap", "--dry-run"], in: folder, environment: environment)
            #expect(dryBootstrap.status == 0 && dryBootstrap.stdout.contains("would-create"), "\(dryBootstrap.combined)")
            let bootstrap = try await Self.plain(["bootstrap"], in: folder, environment: environment)
            #expect(bootstrap.status == 0, "\(bootstrap.combined)")
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            let dev = try fixture.session(.dev)
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)
            let publish = try await Self.plain(["publish-catalog"], in: folder, environment: environment)
            #expect(publish.status == 0, "\(publish.combined)")

            // launch-project --dry-run: the plan, and the ledger untouched.
            let ledgerBefore = CatalogAndLaunchTests.ledgerBytes(environment["MLOPSCTL_LEDGER"]!)
            let preview = try await Self.plain(["launch-project", "--name", "demo", "--id", "p-walk1", "--dry-run"], in: folder, environment: environment)
            #expect(preview.status == 0 && preview.stdout.contains("would-create") && preview.stdout.contains("dry run: nothing was changed"),
                    "\(preview.combined)")
            #expect(CatalogAndLaunchTests.ledgerBytes(environment["MLOPSCTL_LEDGER"]!) == ledgerBefore)
            #expect(try await dev.cloudFormation.describeStack("mlops-project-demo-p-walk1") == nil)
            let launch = try await Self.plain(["launch-project", "--name", "demo", "--id", "p-walk1"], in: folder, environment: environment)
            #expect(launch.status == 0, "\(launch.combined)")
            let package = try await PromoteTests.registerPackage(dev, group: "demo-p-walk1")
            for arguments in [["--to", "dev", "--approve"], ["--to", "preprod"]] {
                let promoted = try await Self.plain(["promote", "--project", "demo"] + arguments, in: folder, environment: environment)
                #expect(promoted.status == 0, "\(promoted.combined)")
            }

            // Without a terminal, prod is never asked for: one line naming the flag.
            let unconfirmed = try await Self.plain(["promote", "--project", "demo", "--to", "prod"], in: folder, environment: environment)
            #expect(unconfirmed.status != 0 && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.combined)")
            #expect(unconfirmed.stderr.split(whereSeparator: \.isNewline).count == 1, "\(unconfirmed.stderr)")
            #expect(!unconfirmed.combined.contains("Type the prod account id"), "\(unconfirmed.combined)")
            // On a terminal: the prod account id typed.
            let prodScreen = try await Self.typed(["promote", "--project", "demo", "--to", "prod"], answers: [prod], in: folder, environment: environment)
            #expect(prodScreen.status == 0, "\(prodScreen.combined)")
            #expect(prodScreen.stdout.contains("Type the prod account id (\(prod)) to deploy to prod: "), "\(prodScreen.stdout)")
            #expect(prodScreen.stdout.contains("\(package) is live in prod"), "\(prodScreen.stdout)")

            // Teardown without a terminal: the plan, then one line naming --yes, then (with --yes) one naming --confirm-prod.
            for (flags, needed) in [([String](), "--yes"), (["--yes"], "--confirm-prod \(prod)")] {
                let refused = try await Self.plain(["teardown", "--all"] + flags, in: folder, environment: environment)
                #expect(refused.status != 0 && refused.stdout.contains("Teardown plan (in order):"), "\(refused.combined)")
                let errorLines = refused.stderr.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("Error:") }
                #expect(errorLines.count == 1 && errorLines.first?.contains(needed) == true, "\(refused.stderr)")
                #expect(!refused.combined.contains("Type yes") && !refused.combined.contains("Type the prod account id"), "\(refused.combined)")
            }
            #expect(try await dev.cloudFormation.describeStack("mlops-project-demo-p-walk1") != nil, "a refused teardown deletes nothing")

            // On a terminal: yes, then the prod account id.
            let teardown = try await Self.typed(["teardown", "--all"], answers: ["yes", prod], in: folder, environment: environment)
            #expect(teardown.status == 0, "\(teardown.combined)")
            for line in [
                "Teardown plan (in order):", "Type yes to delete the resources above: ", "Type the prod account id (\(prod)) to confirm: ",
                "teardown complete",
            ] {
                #expect(teardown.stdout.contains(line), "the screen lacks \"\(line)\": \(teardown.stdout)")
            }
            #expect(try await dev.cloudFormation.describeStack("mlops-project-demo-p-walk1") == nil)
            let ledger = try LedgerDatabase.open(path: environment["MLOPSCTL_LEDGER"]!)
            #expect(try await ledger.resources().allSatisfy { $0.status == .deleted || $0.status == .retained })
        }
    }

    /// A single stage's progress is one live line on a terminal (rewritten with `\r ESC[K`); with NO_COLOR set the same
    /// terminal gets plain `[stage]` lines and no escape code at all.
    @Test func liveProgressOnlyOnATerminalWithoutNoColor() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            let environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            let live = try await CommandRunner().run(
                [CommandRunner.defaultExecutable.path, "bootstrap", "--stage", "dev"], environment: environment, timeout: 300,
                through: PseudoTerminal.wrapper(answers: []))
            #expect(live.status == 0 && live.stdout.contains("\r\u{1B}[K"), "\(live.stdout)")
            var noColor = environment
            noColor["NO_COLOR"] = "1"
            let plain = try await CommandRunner().run(
                [CommandRunner.defaultExecutable.path, "bootstrap", "--stage", "governance"], environment: noColor, timeout: 300,
                through: PseudoTerminal.wrapper(answers: []))
            #expect(plain.status == 0 && !plain.stdout.contains(Self.escape) && plain.stdout.contains("[governance] "), "\(plain.stdout)")
        }
    }
}
