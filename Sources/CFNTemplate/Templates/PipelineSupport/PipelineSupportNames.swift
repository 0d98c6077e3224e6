/// The names of one cross-region support stack: the artifact store, in the pipeline's (dev) account, that the
/// project deploy pipelines use for their actions in one other region (CodePipeline replicates each cross-region
/// action's input artifacts into a bucket of that action's region, under a key of that region). All names are
/// derived from the qualifier, account and region, so a project template can name them without reading AWS.
public struct PipelineSupportNames: Sendable, Hashable {
    public var qualifier: String
    /// The account of the pipelines (dev).
    public var account: String
    public var region: String
    public var partition: String

    public init(qualifier: String, account: String, region: String, partition: String = "aws") {
        self.qualifier = qualifier
        self.account = account
        self.region = region
        self.partition = partition
    }

    /// `<catalog stack>-support-<region>`, as CDK pipelines name theirs (`<pipeline stack>-support-<region>`).
    public static func stackName(catalogStack: String, region: String) -> String { "\(catalogStack)-support-\(region)" }

    /// Whether `stackName` is a support stack of `catalogStack` (in any region).
    public static func isSupportStack(_ stackName: String, of catalogStack: String) -> Bool {
        stackName.hasPrefix("\(catalogStack)-support-")
    }

    /// `mlopsctl-<q>-pipeline-<account>-<region>`: S3 names take no capitals or `_`, which a qualifier may hold.
    public var bucket: String {
        let qualifier = qualifier.lowercased().replacingOccurrences(of: "_", with: "-")
        return "mlopsctl-\(qualifier)-pipeline-\(account)-\(region)"
    }

    public var bucketARN: String { "arn:\(partition):s3:::\(bucket)" }

    /// `alias/mlopsctl-<q>-pipeline-artifacts` (one per account and region): CodePipeline's `EncryptionKey.Id` takes the
    /// alias ARN, which is known before the key exists.
    public var keyAlias: String { "alias/mlopsctl-\(qualifier)-pipeline-artifacts" }
    public var keyAliasARN: String { "arn:\(partition):kms:\(region):\(account):\(keyAlias)" }
    /// Every key of the region and account, narrowed by an `kms:ResourceAliases` condition on `keyAlias` in IAM policies.
    public var keysARN: String { "arn:\(partition):kms:\(region):\(account):key/*" }
}
