import ArgumentParser
import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import Workflows

/// How results are printed (docs/output.md): text, one JSON document, or a stream of JSON lines.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case jsonl
}

/// Options every subcommand shares, spliced in with `@OptionGroup`.
public struct GlobalOptions: ParsableArguments {
    /// The environment variable that does what `--record-requests` does.
    public static let recordRequestsVariable = "MLOPSCTL_RECORD_REQUESTS"

    @Option(
        name: .long, help: ArgumentHelp("Topology file.", discussion: "Default: $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml."),
        completion: .file(extensions: ["yaml", "yml"]))
    public var topology: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).",
            discussion: "Shapes and JSON Schemas: docs/output.md."))
    public var output: OutputFormat = .table

    @Flag(name: .long, help: "Print only the result: no progress, notes or plans on stderr (errors still are).")
    public var quiet = false

    @Flag(name: .long, help: "Log every AWS request (method, host, status, request id; never credentials) to stderr.")
    public var debug = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.",
            discussion: "Never a header, body or credential. Default: $MLOPSCTL_RECORD_REQUESTS. Read by scripts/generate-permissions.",
            valueName: "file"),
        completion: .file())
    public var recordRequests: String?

    @Option(
        name: .customLong("credential-timeout"),
        help: ArgumentHelp(
            "Seconds a credential_process helper, SSO or web identity may take before it is stopped.",
            discussion: "Default: $MLOPSCTL_CREDENTIAL_TIMEOUT, else 60. The helper and its process group are killed at the limit.",
            valueName: "seconds"))
    public var credentialTimeout: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).", valueName: "seconds"))
    public var cliConnectTimeout: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).",
            discussion: "A request that times out is retried by retry_mode / max_attempts (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS).",
            valueName: "seconds"))
    public var cliReadTimeout: String?

    public init() {}

    /// The output contract of this run, for the command path `command` (e.g. `bootstrap`, `ledger runs`).
    func contract(_ command: String) -> CommandOutput {
        CommandOutput(format: output, quiet: quiet, command: command)
    }

    /// `--credential-timeout` > `$MLOPSCTL_CREDENTIAL_TIMEOUT` > 60 s; a bad value fails naming the flag or variable.
    public func credentialTimeLimit(environment: EnvironmentVariables) throws -> Duration {
        try CredentialTimeLimit.resolve(option: credentialTimeout, environment: environment)
    }

    /// The connect and read limits of every AWS request; a value that is not a number of seconds is a one-line error.
    public func httpTimeouts() throws -> HTTPTimeouts {
        var timeouts = HTTPTimeouts.awsDefault
        do {
            if let cliConnectTimeout { timeouts.connect = try HTTPTimeouts.limit(seconds: cliConnectTimeout, option: "--cli-connect-timeout") }
            if let cliReadTimeout { timeouts.read = try HTTPTimeouts.limit(seconds: cliReadTimeout, option: "--cli-read-timeout") }
        } catch let error as HTTPTimeoutValueError {
            throw CLIError(error.description)
        }
        return timeouts
    }

    /// A logger writing to stderr; `--debug` lowers its level so request logs appear.
    public func makeLogger() -> Logger {
        var logger = Logger(label: "mlopsctl") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = debug ? .debug : .warning
        return logger
    }

    /// The request journal `--record-requests` (else `$MLOPSCTL_RECORD_REQUESTS`) asks for, opened now so that a path
    /// that cannot be written fails before the first AWS call; nil when neither is set.
    public func requestJournal(verb: String, environment: EnvironmentVariables) throws -> JSONLinesRequestJournal? {
        guard let path = recordRequests ?? environment.values[Self.recordRequestsVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        return try JSONLinesRequestJournal(path: path, verb: verb)
    }

    /// Every stage's session, from one load of the AWS config files, with this run's logger and request journal.
    public func stageSessions(for command: any ParsableCommand.Type, environment: EnvironmentVariables) throws -> StageSessions {
        let credentialTimeout = try credentialTimeLimit(environment: environment)
        let timeouts = try httpTimeouts()
        return try StageSessions.load(
            environment: environment, transport: CurlTransport(), logger: makeLogger(),
            observer: try requestJournal(verb: command._commandName, environment: environment), credentialTimeout: credentialTimeout,
            timeouts: timeouts)
    }
}
