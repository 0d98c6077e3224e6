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
            UnknownCommand.exitIfMisspeltCommand(error, arguments: arguments ?? Array(CommandLine.arguments.dropFirst()))
            exit(withError: error)
        }
    }
}
