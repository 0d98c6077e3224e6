import ArgumentParser
import BuildInfo

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
                mlopsctl doctor --topology profiles/mlopsctl.yaml
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
            Init.self, Doctor.self, Bootstrap.self, PublishCatalog.self, LaunchProject.self, Promote.self, Status.self, Teardown.self,
            Synth.self, LedgerCommand.self, SeedCodeCommand.self,
        ])

    public init() {}

    /// Parses the process arguments and runs the chosen command. The executable calls this rather than
    /// `main()` because the synchronous `main()` overload wins overload resolution from another module.
    public static func entryPoint(_ arguments: [String]? = nil) async {
        HelpTopic.handle(arguments ?? Array(CommandLine.arguments.dropFirst()))  // `help <topic>`; exits when it prints one
        do {
            var command = try parseAsRoot(arguments)
            if let asyncCommand = command as? any AsyncParsableCommand {
                try await InterruptibleRun.run(asyncCommand, arguments: arguments ?? Array(CommandLine.arguments.dropFirst()))
            } else {
                try command.run()
            }
        } catch {
            UnknownCommand.exitIfMisspeltCommand(arguments: arguments ?? Array(CommandLine.arguments.dropFirst()))
            exit(withError: error)
        }
    }
}
