// The roles CDK clients assume to publish assets and to look up context, with their trust policies.
extension BootstrapTemplate {
    /// `sts:ExternalId` must be absent (when `DenyExternalId` is true): a confused-deputy guard, since these
    /// roles trust whole accounts.
    static let denyExternalIdCondition: CFNValue = .if("ShouldDenyExternalId", ["Null": ["sts:ExternalId": "true"]], .noValue)

    /// Who may assume a bootstrap role: the own account always, and optionally accounts from a list parameter.
    enum Trustee {
        case ownAccount
        /// A `CommaDelimitedList` parameter of account ids, trusted when `condition` holds.
        case accounts(parameter: ParameterName, condition: String)
    }

    /// A trust policy granting `sts:AssumeRole` (guarded by `DenyExternalId`) and `sts:TagSession`
    /// (so clients can pass session tags) to each trustee.
    static func trustPolicy(_ trustees: [Trustee]) -> CFNValue {
        var statements: [CFNValue] = []
        for trustee in trustees {
            switch trustee {
            case .ownAccount:
                statements.append(statement("sts:TagSession", principal: .accountId))
                statements.append(statement("sts:AssumeRole", principal: .accountId, condition: denyExternalIdCondition))
            case .accounts(let parameter, let condition):
                let accounts = CFNValue.ref(parameter.rawValue)
                statements.append(.if(condition, statement("sts:AssumeRole", principal: accounts, condition: denyExternalIdCondition), .noValue))
                statements.append(.if(condition, statement("sts:TagSession", principal: accounts), .noValue))
            }
        }
        return ["Version": "2012-10-17", "Statement": .array(statements)]
    }

    private static func statement(_ action: CFNValue, principal: CFNValue, condition: CFNValue? = nil) -> CFNValue {
        var members: [String: CFNValue] = ["Action": action, "Effect": "Allow", "Principal": ["AWS": principal]]
        members["Condition"] = condition
        return .object(members)
    }

    static let trustedAccounts = Trustee.accounts(parameter: .trustedAccounts, condition: "HasTrustedAccounts")

    /// `[{Key: aws-cdk:bootstrap-role, Value: kind}]`: how the CDK CLI recognises its roles.
    static func roleTag(_ kind: String) -> CFNValue {
        [["Key": "aws-cdk:bootstrap-role", "Value": .string(kind)]]
    }

    static var publishingResources: [String: Resource] {
        [
            "FilePublishingRole": Resource(type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": trustPolicy([.ownAccount, trustedAccounts]),
                "RoleName": .sub("cdk-${Qualifier}-file-publishing-role-${AWS::AccountId}-${AWS::Region}"),
                "Tags": roleTag("file-publishing"),
            ]),
            "ImagePublishingRole": Resource(type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": trustPolicy([.ownAccount, trustedAccounts]),
                "RoleName": .sub("cdk-${Qualifier}-image-publishing-role-${AWS::AccountId}-${AWS::Region}"),
                "Tags": roleTag("image-publishing"),
            ]),
            "LookupRole": lookupRole,
            "FilePublishingRoleDefaultPolicy": filePublishingPolicy,
            "ImagePublishingRoleDefaultPolicy": imagePublishingPolicy,
        ]
    }

    private static var lookupRole: Resource {
        Resource(type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": trustPolicy([
                .ownAccount, .accounts(parameter: .trustedAccountsForLookup, condition: "HasTrustedAccountsForLookup"), trustedAccounts,
            ]),
            "RoleName": .sub("cdk-${Qualifier}-lookup-role-${AWS::AccountId}-${AWS::Region}"),
            "ManagedPolicyArns": [.sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")],
            "Policies": [
                [
                    "PolicyName": "LookupRolePolicy",
                    "PolicyDocument": [
                        "Version": "2012-10-17",
                        "Statement": [["Sid": "DontReadSecrets", "Effect": "Deny", "Action": ["kms:Decrypt"], "Resource": "*"]],
                    ],
                ],
            ],
            "Tags": roleTag("lookup"),
        ])
    }

    private static var filePublishingPolicy: Resource {
        Resource(type: "AWS::IAM::Policy", properties: [
            "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [
                    [
                        "Action": [
                            "s3:GetObject*", "s3:GetBucket*", "s3:GetEncryptionConfiguration", "s3:List*", "s3:DeleteObject*",
                            "s3:PutObject*", "s3:Abort*",
                        ],
                        "Resource": [.getAtt("StagingBucket", "Arn"), .sub("${StagingBucket.Arn}/*")],
                        "Condition": ["StringEquals": ["aws:ResourceAccount": [.accountId]]],
                        "Effect": "Allow",
                    ],
                    [
                        "Action": keyUseActions,
                        "Effect": "Allow",
                        "Resource": .if(
                            "CreateNewKey", .getAtt("FileAssetsBucketEncryptionKey", "Arn"),
                            .sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${FileAssetsBucketKmsKeyId}")),
                    ],
                ],
            ],
            "Roles": [.ref("FilePublishingRole")],
            "PolicyName": .sub("cdk-${Qualifier}-file-publishing-role-default-policy-${AWS::AccountId}-${AWS::Region}"),
        ])
    }

    private static var imagePublishingPolicy: Resource {
        Resource(type: "AWS::IAM::Policy", properties: [
            "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [
                    [
                        "Action": [
                            "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
                            "ecr:BatchCheckLayerAvailability", "ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:BatchGetImage",
                            "ecr:GetDownloadUrlForLayer",
                        ],
                        "Resource": .getAtt("ContainerAssetsRepository", "Arn"),
                        "Effect": "Allow",
                    ],
                    ["Action": ["ecr:GetAuthorizationToken"], "Resource": "*", "Effect": "Allow"],
                ],
            ],
            "Roles": [.ref("ImagePublishingRole")],
            "PolicyName": .sub("cdk-${Qualifier}-image-publishing-role-default-policy-${AWS::AccountId}-${AWS::Region}"),
        ])
    }
}
