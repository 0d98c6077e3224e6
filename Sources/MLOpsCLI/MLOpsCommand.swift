import ArgumentParser

/// The root command: configuration only; each verb is a subcommand in its own file.
public struct MLOpsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mlopsctl",
        abstract: "Bootstrap and govern the AWS accounts behind an MLOps platform.",
        version: "0.1.0",
        subcommands: [])

    public init() {}
}
