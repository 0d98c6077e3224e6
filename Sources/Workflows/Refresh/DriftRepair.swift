import AWSServices

/// One call that puts a drifted resource back the way the stack's template has it. Only what mlopsctl's verbs own:
/// settings CloudFormation would not restore by itself (it never notices a change made outside it).
public enum DriftRepair: Sendable, Equatable {
    case putParameter(name: String, value: String, type: SSMParameterType)
    case updateTrustPolicy(role: String, document: String)
    case putRolePolicy(role: String, name: String, document: String)
    case attachRolePolicy(role: String, policyArn: String)
    case detachRolePolicy(role: String, policyArn: String)
    /// A bucket deleted outside mlopsctl, created again (in the session's region) before its settings are put back.
    case createBucket(name: String)
    case putBucketVersioning(bucket: String, status: S3VersioningStatus)
    case putPublicAccessBlock(bucket: String, S3PublicAccessBlock)
    case putBucketEncryption(bucket: String, S3EncryptionRule)
    case putBucketPolicy(bucket: String, document: String)

    /// What it does, for `--dry-run` and the report ("would " + summary, "repaired: " + summary).
    public var summary: String {
        switch self {
        case .putParameter(let name, _, _): "put SSM parameter \(name) back to the template's value"
        case .updateTrustPolicy(let role, _): "restore the trust policy of role \(role)"
        case .putRolePolicy(let role, let name, _): "restore the inline policy \(name) of role \(role)"
        case .attachRolePolicy(let role, let arn): "attach \(arn) to role \(role) again"
        case .detachRolePolicy(let role, let arn): "detach \(arn) from role \(role) (attached outside mlopsctl)"
        case .createBucket(let name): "create bucket \(name) again"
        case .putBucketVersioning(let bucket, let status): "set versioning of bucket \(bucket) to \(status.rawValue)"
        case .putPublicAccessBlock(let bucket, _): "restore the public access block of bucket \(bucket)"
        case .putBucketEncryption(let bucket, _): "restore the default encryption of bucket \(bucket)"
        case .putBucketPolicy(let bucket, _): "restore the bucket policy of \(bucket)"
        }
    }

    /// Repairs run in this order: a bucket exists before its settings and policy are put.
    var order: Int {
        switch self {
        case .createBucket: 0
        case .putBucketVersioning, .putPublicAccessBlock, .putBucketEncryption: 1
        case .putBucketPolicy: 2
        default: 3
        }
    }

    /// Makes the call with `session` (the stage's, in the resource's region).
    func apply(_ session: AWSSession) async throws {
        switch self {
        case .putParameter(let name, let value, let type):
            try await session.ssm.putParameter(name: name, value: value, type: type, overwrite: true)
        case .updateTrustPolicy(let role, let document):
            try await session.iam.updateAssumeRolePolicy(roleName: role, document: document)
        case .putRolePolicy(let role, let name, let document):
            try await session.iam.putRolePolicy(roleName: role, policyName: name, document: document)
        case .attachRolePolicy(let role, let arn):
            try await session.iam.attachRolePolicy(roleName: role, policyArn: arn)
        case .detachRolePolicy(let role, let arn):
            try await session.iam.detachRolePolicy(roleName: role, policyArn: arn)
        case .createBucket(let name):
            try await session.s3.createBucket(name)
        case .putBucketVersioning(let bucket, let status):
            try await session.s3.putBucketVersioning(bucket, status: status)
        case .putPublicAccessBlock(let bucket, let block):
            try await session.s3.putPublicAccessBlock(bucket, block)
        case .putBucketEncryption(let bucket, let rule):
            try await session.s3.putBucketEncryption(bucket, rule)
        case .putBucketPolicy(let bucket, let document):
            try await session.s3.putBucketPolicy(bucket, document: document)
        }
    }
}
