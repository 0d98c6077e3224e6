/// A cross-region support stack (what CDK pipelines' `CrossRegionSupportStack` holds): in the pipeline's account and
/// one other region, a KMS key with an alias and an S3 bucket encrypted with it, where CodePipeline keeps the input
/// artifacts of the deploy actions of that region. The deploy and cfn-exec roles of the target stages in that region
/// (and only those) may read the artifacts and decrypt them; the pipelines' own roles get their access from their IAM
/// policies (the key policy delegates to the account).
public enum PipelineSupportTemplate {
    public enum OutputName: String, Sendable, CaseIterable {
        case bucketName = "BucketName"
        case keyArn = "KeyArn"
        case keyAlias = "KeyAlias"
    }

    enum ID {
        static let key = "ArtifactKey"
        static let keyAlias = "ArtifactKeyAlias"
        static let bucket = "ArtifactBucket"
        static let bucketPolicy = "ArtifactBucketPolicy"
    }

    /// - Parameter readers: the CDK bootstrap names of the target stages in `names.region` (stages may share an account).
    public static func make(_ names: PipelineSupportNames, readers: [BootstrapNames]) -> Template {
        let roles = ProjectTemplateBuilder.unique(readers.flatMap { [$0.deployRoleARN, $0.cloudFormationExecutionRoleARN] })
        let accounts = ProjectTemplateBuilder.unique(readers.map { "arn:\(names.partition):iam::\($0.account):root" })
        // Account principals narrowed to the exact roles: a policy naming a role that does not exist yet is refused
        // (KMS, S3), and the target stages may be bootstrapped after the catalog is published.
        let onlyTheRoles: CFNValue = ["ArnEquals": ["aws:PrincipalArn": .array(roles.map(CFNValue.string))]]
        let own: [CFNValue] = [.sub(ProjectTemplateBuilder.accountRoot)]
        let keyStatements = [
            PolicyStatement.grant("AccountAdministersKey", to: own, ProjectTemplateBuilder.keyAdministration, ["*"]),
            PolicyStatement.grant("AccountUsesKey", to: own, ProjectTemplateBuilder.keyUse, ["*"]),
            PolicyStatement.grant(
                "TargetDeploymentRolesDecrypt", to: accounts.map(CFNValue.string), ["kms:Decrypt", "kms:DescribeKey"], ["*"],
                condition: onlyTheRoles),
        ]
        return Template(
            description: "Artifact store of the mlopsctl project deploy pipelines for their actions in \(names.region) (mlopsctl)",
            resources: [
                ID.key: Resource(
                    type: "AWS::KMS::Key",
                    properties: [
                        "Description": .string("Deploy pipeline artifacts in \(names.region) (mlopsctl, qualifier \(names.qualifier))"),
                        "EnableKeyRotation": true,
                        // A JSON string: the emulator breaks on an object-valued KeyPolicy.
                        "KeyPolicy": .subJSON(PolicyStatement.document(keyStatements)),
                        "PendingWindowInDays": 7,
                    ],
                    deletionPolicy: .delete, updateReplacePolicy: .delete),
                ID.keyAlias: Resource(
                    type: "AWS::KMS::Alias", properties: ["AliasName": .string(names.keyAlias), "TargetKeyId": .ref(ID.key)]),
                ID.bucket: Resource(
                    type: "AWS::S3::Bucket",
                    properties: [
                        "BucketName": .string(names.bucket),
                        "BucketEncryption": [
                            "ServerSideEncryptionConfiguration": [
                                [
                                    "ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .getAtt(ID.key, "Arn")],
                                    "BucketKeyEnabled": true,
                                ],
                            ],
                        ],
                        "PublicAccessBlockConfiguration": [
                            "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
                        ],
                        "OwnershipControls": ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]],
                        // Versioned like the project's pipeline bucket; old versions of replicated artifacts expire.
                        "VersioningConfiguration": ["Status": "Enabled"],
                        "LifecycleConfiguration": [
                            "Rules": [
                                ["Id": "ExpireNoncurrentVersions", "Status": "Enabled", "NoncurrentVersionExpiration": ["NoncurrentDays": 30]],
                                ["Id": "AbortIncompleteMultipartUploads", "Status": "Enabled",
                                 "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1]],
                            ],
                        ],
                    ],
                    deletionPolicy: .delete, updateReplacePolicy: .delete),
                ID.bucketPolicy: Resource(type: "AWS::S3::BucketPolicy", properties: [
                    "Bucket": .ref(ID.bucket),
                    "PolicyDocument": PolicyStatement.document([
                        PolicyStatement.denyInsecureTransport(bucket: ID.bucket),
                        // What CDK grants a cross-account CloudFormation action's roles: read the templates and assets.
                        PolicyStatement.grant(
                            "TargetDeploymentRolesRead", to: accounts.map(CFNValue.string), ["s3:GetBucket*", "s3:GetObject*", "s3:List*"],
                            [.getAtt(ID.bucket, "Arn"), .sub("${\(ID.bucket).Arn}/*")], condition: onlyTheRoles),
                    ]),
                ]),
            ],
            outputs: [
                OutputName.bucketName.rawValue: Output(value: .ref(ID.bucket), description: "The artifact bucket of \(names.region)"),
                OutputName.keyArn.rawValue: Output(value: .getAtt(ID.key, "Arn"), description: "The key encrypting it"),
                OutputName.keyAlias.rawValue: Output(value: .string(names.keyAlias), description: "The key's alias (the pipelines name it)"),
            ])
    }
}
