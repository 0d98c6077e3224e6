import AWSConfig
import AWSServices
import AWSWire
import Credentials
import Foundation
import Logging
import Synchronization
import Topology

/// The AWS session of each stage, resolved once per run from one load of the shared config files: every verb, and
/// every region a stage is reached in, shares the stage's one resolved profile, endpoints and credential cache.
public struct StageSessions: Sendable {
    public let config: SharedConfig
    public let environment: EnvironmentVariables
    public let transport: any HTTPTransport
    public let logger: Logger
    /// The bound of credential sources that wait on something outside mlopsctl (`--credential-timeout`).
    public let credentialTimeout: Duration
    /// Each request attempt's connect and read limits (`--cli-connect-timeout` / `--cli-read-timeout`).
    public let timeouts: HTTPTimeouts
    private let resolved = ResolvedSessions()
    /// Told of every request each stage's session sends, labelled with the stage and its account (`--record-requests`).
    public let observer: (any RequestObserver)?

    public init(
        config: SharedConfig, environment: EnvironmentVariables, transport: any HTTPTransport, logger: Logger,
        observer: (any RequestObserver)? = nil, credentialTimeout: Duration = CredentialTimeLimit.defaultLimit,
        timeouts: HTTPTimeouts = .awsDefault
    ) {
        self.credentialTimeout = credentialTimeout
        self.timeouts = timeouts
        self.config = config
        self.environment = environment
        self.transport = transport
        self.logger = logger
        self.observer = observer
    }

    /// Loads `~/.aws/config` and `~/.aws/credentials` (or the files the environment names).
    public static func load(
        environment: EnvironmentVariables = .current, transport: any HTTPTransport = CurlTransport(), logger: Logger,
        observer: (any RequestObserver)? = nil, credentialTimeout: Duration = CredentialTimeLimit.defaultLimit,
        timeouts: HTTPTimeouts = .awsDefault
    ) throws -> StageSessions {
        StageSessions(
            config: try SharedConfigFiles.load(environment: environment), environment: environment, transport: transport, logger: logger,
            observer: observer, credentialTimeout: credentialTimeout, timeouts: timeouts)
    }

    /// The stage's profile in the stage's region, or in `region` (same credentials); throws profile errors (naming the
    /// profile) without any network call. The first call for a stage resolves it; later calls reuse that session.
    /// A stage written without a profile in a topology with an `organization:` section is reached through the
    /// organization: its `organizationRole` in its account, assumed with the organization profile's credentials.
    public func session(for stage: StageConfig, region: String? = nil) throws -> AWSSession {
        let session = try resolved.session(for: stage) {
            let base = try AWSSession.make(
                profile: stage.profile, region: stage.region, environment: environment, config: config, transport: transport(for: stage),
                logger: logger, credentialTimeout: credentialTimeout, timeouts: timeouts)
            guard let role = stage.organizationRole else { return base }
            let partition = Partition.of(region: stage.region)
            return base.assumingRole("arn:\(partition):iam::\(stage.account):role/\(role)", sessionName: "mlopsctl-\(stage.stage.rawValue)")
        }
        return session.inRegion(region ?? stage.region)
    }

    /// A profile that is no stage's, in `region` (the organization's management profile); resolved once per run like a stage's.
    public func session(profile: String, region: String) throws -> AWSSession {
        try resolved.session(forProfile: profile) {
            try AWSSession.make(
                profile: profile, region: region, environment: environment, config: config, transport: observedTransport(labels: RequestLabels(stage: "organization")),
                logger: logger, credentialTimeout: credentialTimeout, timeouts: timeouts)
        }.inRegion(region)
    }

    private func observedTransport(labels: RequestLabels) -> any HTTPTransport {
        guard let observer else { return transport }
        return ObservedTransport(base: transport, observer: observer, labels: labels)
    }

    /// The transport of one stage's session: observed, with the stage's labels, when an observer listens.
    func transport(for stage: StageConfig) -> any HTTPTransport {
        guard let observer else { return transport }
        return ObservedTransport(base: transport, observer: observer, labels: RequestLabels(stage: stage.stage.rawValue, account: stage.account))
    }
}

/// The sessions resolved so far, by stage settings (account, profile, region), and of other profiles by name.
private final class ResolvedSessions: Sendable {
    private let sessions = Mutex<[StageConfig: AWSSession]>([:])
    private let profiles = Mutex<[String: AWSSession]>([:])

    func session(forProfile profile: String, make: () throws -> AWSSession) throws -> AWSSession {
        if let known = profiles.withLock({ $0[profile] }) { return known }
        let made = try make()
        return profiles.withLock { cache in
            if let raced = cache[profile] { return raced }
            cache[profile] = made
            return made
        }
    }

    func session(for stage: StageConfig, make: () throws -> AWSSession) throws -> AWSSession {
        if let known = sessions.withLock({ $0[stage] }) { return known }
        let made = try make()
        return sessions.withLock { cache in
            if let raced = cache[stage] { return raced }
            cache[stage] = made
            return made
        }
    }
}
