import Foundation

/// One AWS request as `--record-requests` writes it: one JSON object per line. It names what an IAM policy needs
/// (who sent it, to which account, region and service, and the IAM actions it requires) and nothing else: no header,
/// body or query value, no credential. The field names are a stable format read by `scripts/generate-permissions`;
/// `version` changes when a field changes meaning.
public struct RequestRecord: Codable, Sendable, Equatable {
    public static let formatVersion = 1

    public var version: Int = RequestRecord.formatVersion
    /// The mlopsctl subcommand that sent it (`bootstrap`, `promote`, …).
    public var verb: String?
    /// The topology stage whose profile or account it went to (`dev`, …); nil outside a stage.
    public var stage: String?
    /// The stage's account id from the topology.
    public var account: String?
    /// Whose credentials signed it: `operator` (the stage's profile), `profile-chain` (the profile's own role or SSO
    /// steps, before the verb's first call), or the ARN of a role mlopsctl assumed (promote's CDK deploy role).
    public var principal: String
    /// The signing region (IAM signs for us-east-1 whatever the stage's region).
    public var region: String
    /// The SigV4 signing name, which is also the IAM service prefix for every service mlopsctl calls.
    public var service: String
    /// The API operation (`ListObjectVersions`, `CreateStack`).
    public var operation: String
    /// The IAM actions the request needs (`s3:ListBucketVersions`); API and IAM names differ for S3.
    public var actions: [String]
    /// The S3 bucket addressed, so that resource patterns can be checked against what was really touched.
    public var bucket: String?
    /// The HTTP status AWS answered; nil when no answer arrived.
    public var status: Int?

    public init(
        verb: String? = nil, stage: String? = nil, account: String? = nil, principal: String, region: String, service: String,
        operation: String, actions: [String], bucket: String? = nil, status: Int? = nil
    ) {
        self.verb = verb
        self.stage = stage
        self.account = account
        self.principal = principal
        self.region = region
        self.service = service
        self.operation = operation
        self.actions = actions
        self.bucket = bucket
        self.status = status
    }
}
