import AWSConfig
import AWSServices
import AWSWire
import Credentials
import Foundation
import Logging
import Topology

/// Builds the AWS session of each stage from one load of the shared config files, so that every
/// stage sees the same configuration and the files are read once per run.
public struct StageSessions: Sendable {
    public let config: SharedConfig
    public let environment: EnvironmentVariables
    public let transport: any HTTPTransport
    public let logger: Logger
    /// Told of every request each stage's session sends, labelled with the stage and its account (`--record-requests`).
    public let observer: (any RequestObserver)?

    public init(
        config: SharedConfig, environment: EnvironmentVariables, transport: any HTTPTransport, logger: Logger,
        observer: (any RequestObserver)? = nil
    ) {
        self.config = config
        self.environment = environment
        self.transport = transport
        self.logger = logger
        self.observer = observer
    }

    /// Loads `~/.aws/config` and `~/.aws/credentials` (or the files the environment names).
    public static func load(
        environment: EnvironmentVariables = .current, transport: any HTTPTransport = URLSessionTransport(), logger: Logger,
        observer: (any RequestObserver)? = nil
    ) throws -> StageSessions {
        StageSessions(
            config: try SharedConfigFiles.load(environment: environment), environment: environment, transport: transport, logger: logger,
            observer: observer)
    }

    /// The stage's profile and region; throws profile errors (naming the profile) without any network call.
    public func session(for stage: StageConfig) throws -> AWSSession {
        try AWSSession.make(
            profile: stage.profile, region: stage.region, environment: environment, config: config, transport: transport(for: stage),
            logger: logger)
    }

    /// The transport of one stage's session: observed, with the stage's labels, when an observer listens.
    func transport(for stage: StageConfig) -> any HTTPTransport {
        guard let observer else { return transport }
        return ObservedTransport(base: transport, observer: observer, labels: RequestLabels(stage: stage.stage.rawValue, account: stage.account))
    }
}
