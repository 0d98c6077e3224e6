import ArgumentParser
import Foundation
import Logging

/// How results are printed.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
}

/// Options every subcommand shares, spliced in with `@OptionGroup`.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Topology file.", discussion: "Default: $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml."),
        completion: .file(extensions: ["yaml", "yml"]))
    public var topology: String?

    @Option(name: .long, help: "Output format: table or json.")
    public var output: OutputFormat = .table

    @Flag(name: .long, help: "Log every AWS request (method, host, status, request id; never credentials) to stderr.")
    public var debug = false

    public init() {}

    /// A logger writing to stderr; `--debug` lowers its level so request logs appear.
    public func makeLogger() -> Logger {
        var logger = Logger(label: "mlopsctl") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = debug ? .debug : .warning
        return logger
    }
}
