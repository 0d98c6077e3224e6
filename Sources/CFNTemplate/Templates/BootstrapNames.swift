/// The physical names the bootstrap stack gives its resources in one environment (account + region),
/// as the CDK CLI and synthesized CDK apps expect them. Keep in step with `BootstrapTemplate`
/// (a test substitutes the template's `Fn::Sub` patterns and compares).
public struct BootstrapNames: Sendable, Hashable {
    /// The CDK CLI's default qualifier; every CDK app uses it unless configured otherwise.
    public static let defaultQualifier = "hnb659fds"
    /// The CDK CLI's default bootstrap stack name.
    public static let defaultStackName = "CDKToolkit"

    public var qualifier: String
    public var account: String
    public var region: String
    public var partition: String

    public init(qualifier: String = BootstrapNames.defaultQualifier, account: String, region: String, partition: String = "aws") {
        self.qualifier = qualifier
        self.account = account
        self.region = region
        self.partition = partition
    }

    private var suffix: String { "\(account)-\(region)" }

    /// `cdk-<q>-assets-<account>-<region>`: the file-asset staging bucket (retained on stack deletion).
    public var stagingBucket: String { "cdk-\(qualifier)-assets-\(suffix)" }
    /// `cdk-<q>-container-assets-<account>-<region>`: the ECR repository for image assets.
    public var containerAssetsRepository: String { "cdk-\(qualifier)-container-assets-\(suffix)" }
    public var deployRole: String { "cdk-\(qualifier)-deploy-role-\(suffix)" }
    public var cloudFormationExecutionRole: String { "cdk-\(qualifier)-cfn-exec-role-\(suffix)" }
    public var filePublishingRole: String { "cdk-\(qualifier)-file-publishing-role-\(suffix)" }
    public var imagePublishingRole: String { "cdk-\(qualifier)-image-publishing-role-\(suffix)" }
    public var lookupRole: String { "cdk-\(qualifier)-lookup-role-\(suffix)" }
    public var filePublishingRoleDefaultPolicy: String { "cdk-\(qualifier)-file-publishing-role-default-policy-\(suffix)" }
    public var imagePublishingRoleDefaultPolicy: String { "cdk-\(qualifier)-image-publishing-role-default-policy-\(suffix)" }
    /// The example permissions boundary the template creates when `UseExamplePermissionsBoundary` is true.
    public var permissionsBoundaryPolicy: String { "cdk-\(qualifier)-permissions-boundary-\(suffix)" }
    /// `alias/cdk-<q>-assets-key`, present only when the stack created its own KMS key.
    public var fileAssetsKeyAlias: String { "alias/cdk-\(qualifier)-assets-key" }
    /// `/cdk-bootstrap/<q>/version`: read by CDK apps' `CheckBootstrapVersion` rule.
    public var versionParameter: String { "/cdk-bootstrap/\(qualifier)/version" }
    /// `CdkBootstrap-<q>-FileAssetKeyArn`: the deprecated export; an import of it blocks stack deletion.
    public var fileAssetKeyExport: String { "CdkBootstrap-\(qualifier)-FileAssetKeyArn" }

    /// `arn:<partition>:iam::<account>:role/<name>`.
    public func roleARN(_ roleName: String) -> String {
        "arn:\(partition):iam::\(account):role/\(roleName)"
    }

    /// The role deployers assume to drive CloudFormation in this environment.
    public var deployRoleARN: String { roleARN(deployRole) }
    /// The role CloudFormation acts as; holds the execution policies.
    public var cloudFormationExecutionRoleARN: String { roleARN(cloudFormationExecutionRole) }
    public var filePublishingRoleARN: String { roleARN(filePublishingRole) }
    public var imagePublishingRoleARN: String { roleARN(imagePublishingRole) }
    public var lookupRoleARN: String { roleARN(lookupRole) }
}
