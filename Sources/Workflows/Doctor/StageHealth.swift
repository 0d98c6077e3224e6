import Foundation

/// One row of `mlopsctl doctor`: what the topology expects of a stage and what its credentials really reach.
public struct StageHealth: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        case healthy
        /// The credentials work but belong to another account.
        case wrongAccount = "wrong-account"
        /// The profile cannot be resolved from the AWS config files.
        case misconfigured
        /// The profile resolves but its credentials cannot be obtained (SSO login, MFA, process…).
        case noCredentials = "no-credentials"
        /// The endpoint did not answer.
        case unreachable
        /// AWS answered with an error (invalid key, signature mismatch, expired token…).
        case rejected
    }

    public var stage: String
    public var profile: String
    public var expectedAccount: String
    public var actualAccount: String?
    public var arn: String?
    public var region: String
    public var endpoint: String
    public var verdict: Verdict
    /// One line saying what is wrong and how to fix it; nil when healthy.
    public var problem: String?

    public var isHealthy: Bool { verdict == .healthy }

    public init(
        stage: String, profile: String, expectedAccount: String, actualAccount: String? = nil, arn: String? = nil, region: String,
        endpoint: String, verdict: Verdict, problem: String? = nil
    ) {
        self.stage = stage
        self.profile = profile
        self.expectedAccount = expectedAccount
        self.actualAccount = actualAccount
        self.arn = arn
        self.region = region
        self.endpoint = endpoint
        self.verdict = verdict
        self.problem = problem
    }
}
