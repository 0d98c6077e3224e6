import ArgumentParser
import BuildInfo
import Foundation

/// The root command: configuration only; each verb is a subcommand in its own file.
public struct MLOpsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mlopsctl",
        abstract: "Bootstrap and govern the AWS accounts behind an MLOps platform.",
        discussion: """
            Ctrl-C (SIGINT) or SIGTERM stops a command at its next safe point: the ledger records what was done and \
            releases its lock, and the command exits 130 (SIGINT) or 143 (SIGTERM); run the same command again to resume. \
            A second Ctrl-C stops at once. Credential helpers (credential_process, SSO, web identity) are stopped after \
            --credential-timeout seconds (default 60, or $MLOPSCTL_CREDENTIAL_TIMEOUT).

            Help topics: `mlopsctl help topology` (the topology file and where it is looked for), `mlopsctl help ledger` (the \
            record of what mlopsctl created, and its lock), `mlopsctl help credentials` (profiles, regions, endpoints).

            Examples:
              Write the topology file, then check every stage's profile and account:
                mlopsctl init
                mlopsctl doctor
              Read the bootstrap plan of all four accounts, then apply it:
                mlopsctl bootstrap --dry-run
                mlopsctl bootstrap
              Publish the project template, launch a project, serve its model in dev:
                mlopsctl publish-catalog
                mlopsctl launch-project --name demo
                mlopsctl promote --project demo --to dev --approve
            """,
        version: MLOpsVersion.description,
        subcommands: [
            Init.self, Doctor.self, Bootstrap.self, PublishCatalog.self, LaunchProject.self, Promote.self, Status.self, Refresh.self, Import.self, Teardown.self,
            Synth.self, LedgerCommand.self, SeedCodeCommand.self,
        ])

    public init() {}

    /// Parses the process arguments and runs the chosen command. The executable calls this rather than
    /// `main()` because the synchronous `main()` overload wins overload resolution from another module.
    /// Every error ends here: one line on stderr (ours, or ArgumentParser's with its usage block for a usage error),
    /// the exit code of docs/output.md, and with `--output jsonl` the closing `result` line.
    public static func entryPoint(_ arguments: [String]? = nil) async {
        HelpTopic.handle(arguments ?? Array(CommandLine.arguments.dropFirst()))  // `help <topic>`; exits when it prints one
        let arguments = GlobalArgumentOrder.normalized(arguments ?? Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            // Chosen before the command runs, so that a run failing at its first step still ends with a result line.
            if CommandTree.globalOptions(of: command)?.output == .jsonl { JSONLine.begin(command: CommandTree.path(of: type(of: command))) }
            if let asyncCommand = command as? any AsyncParsableCommand {
                try await InterruptibleRun.run(asyncCommand, arguments: arguments)
            } else {
                try command.run()
            }
            JSONLine.finish(exitCode: 0, error: nil)
        } catch {
            let misspelt = UnknownCommand.misspeltCommand(arguments: arguments)
            let code = misspelt == nil ? ExitStatus.code(for: error) : ExitCodes.usage.rawValue
            if code != 0, !JSONLine.hasBegun, GlobalArgumentOrder.asksForJSONLines(arguments) {
                JSONLine.begin(command: GlobalArgumentOrder.commandPath(arguments))  // the line did not parse: still one result line
            }
            let message = misspelt ?? ExitStatus.message(for: error)
            JSONLine.finish(exitCode: code, error: (message ?? (code == 0 || error is ExitCode ? nil : fullMessage(for: error))).map(Self.firstLine))
            guard let message else { exit(withError: error) }
            Console.printError(message)
            Foundation.exit(code)
        }
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1).first ?? "").replacingOccurrences(of: "Error: ", with: "", options: .anchored)
    }
}
