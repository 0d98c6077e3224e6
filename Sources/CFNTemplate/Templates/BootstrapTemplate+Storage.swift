// The bootstrap stack's storage: the asset bucket and its optional KMS key, the image repository,
// and the version parameter.
extension BootstrapTemplate {
    static let keyUseActions: CFNValue = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]

    static var storageResources: [String: Resource] {
        [
            "FileAssetsBucketEncryptionKey": fileAssetsKey,
            "FileAssetsBucketEncryptionKeyAlias": Resource(
                type: "AWS::KMS::Alias",
                properties: ["AliasName": .sub("alias/cdk-${Qualifier}-assets-key"), "TargetKeyId": .ref("FileAssetsBucketEncryptionKey")],
                condition: "CreateNewKey"),
            "StagingBucket": stagingBucket,
            "StagingBucketPolicy": stagingBucketPolicy,
            "ContainerAssetsRepository": containerAssetsRepository,
            "CdkBootstrapVersion": Resource(
                type: "AWS::SSM::Parameter",
                properties: ["Type": "String", "Name": .sub("/cdk-bootstrap/${Qualifier}/version"), "Value": .string(String(version))]),
        ]
    }

    /// Created only when `FileAssetsBucketKmsKeyId` is empty; deleted with the stack (since version 26).
    private static var fileAssetsKey: Resource {
        let policy: CFNValue = [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Action": [
                        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                        "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
                        "kms:GenerateDataKey", "kms:TagResource", "kms:UntagResource",
                    ],
                    "Effect": "Allow",
                    "Principal": ["AWS": .accountId],
                    "Resource": "*",
                ],
                // Any principal of this account, but only through S3 in this region.
                [
                    "Action": keyUseActions,
                    "Effect": "Allow",
                    "Principal": ["AWS": "*"],
                    "Resource": "*",
                    "Condition": ["StringEquals": ["kms:CallerAccount": .accountId, "kms:ViaService": ["s3.${AWS::Region}.amazonaws.com"]]],
                ],
                [
                    "Action": keyUseActions,
                    "Effect": "Allow",
                    "Principal": ["AWS": .getAtt("FilePublishingRole", "Arn")],
                    "Resource": "*",
                ],
            ],
        ]
        return Resource(
            type: "AWS::KMS::Key",
            // Yearly rotation of the key material (upstream CDK leaves it off); old material still decrypts old objects.
            properties: ["KeyPolicy": .subJSON(policy), "EnableKeyRotation": true],
            condition: "CreateNewKey",
            deletionPolicy: .delete,
            updateReplacePolicy: .delete)
    }

    /// Retained and versioned: assets outlive the stack, so teardown must empty every version itself.
    private static var stagingBucket: Resource {
        let encryptionKey: CFNValue = .if(
            "CreateNewKey", .getAtt("FileAssetsBucketEncryptionKey", "Arn"),
            .if("UseAwsManagedKey", .noValue, .ref(ParameterName.fileAssetsBucketKmsKeyId.rawValue)))
        return Resource(
            type: "AWS::S3::Bucket",
            properties: [
                "BucketName": .if(
                    "HasCustomFileAssetsBucketName", .ref(ParameterName.fileAssetsBucketName.rawValue),
                    .sub("cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}")),
                "AccessControl": "Private",
                "BucketEncryption": [
                    "ServerSideEncryptionConfiguration": [
                        ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": encryptionKey]],
                    ],
                ],
                // Always, unlike upstream CDK (which lets a parameter drop it): no bucket of ours may ever be public.
                "PublicAccessBlockConfiguration": [
                    "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
                ],
                "VersioningConfiguration": ["Status": "Enabled"],
                "LifecycleConfiguration": [
                    "Rules": [
                        // Versions become noncurrent only when garbage collection deletes objects.
                        ["Id": "CleanupOldVersions", "Status": "Enabled", "NoncurrentVersionExpiration": ["NoncurrentDays": 30]],
                        ["Id": "AbortIncompleteMultipartUploads", "Status": "Enabled",
                         "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1]],
                    ],
                ],
            ],
            deletionPolicy: .retain,
            updateReplacePolicy: .retain)
    }

    /// TLS only.
    private static var stagingBucketPolicy: Resource {
        Resource(
            type: "AWS::S3::BucketPolicy",
            properties: [
                "Bucket": .ref("StagingBucket"),
                "PolicyDocument": [
                    "Id": "AccessControl",
                    "Version": "2012-10-17",
                    "Statement": [
                        [
                            "Sid": "AllowSSLRequestsOnly",
                            "Action": "s3:*",
                            "Effect": "Deny",
                            "Resource": [.sub("${StagingBucket.Arn}"), .sub("${StagingBucket.Arn}/*")],
                            "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                            "Principal": "*",
                        ],
                    ],
                ],
            ])
    }

    private static var containerAssetsRepository: Resource {
        let lifecycle: CFNValue = [
            "rules": [
                [
                    "rulePriority": 1,
                    "description": "Untagged images should not exist, but expire any older than one year",
                    "selection": ["tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 365],
                    "action": ["type": "expire"],
                ],
            ],
        ]
        func pull(_ sid: String, service: String, actions: CFNValue, sourceArn: String) -> CFNValue {
            [
                "Sid": .string(sid),
                "Effect": "Allow",
                "Principal": ["Service": .string(service)],
                "Action": actions,
                "Condition": ["StringLike": ["aws:sourceArn": .sub(sourceArn)]],
            ]
        }
        return Resource(
            type: "AWS::ECR::Repository",
            properties: [
                "ImageTagMutability": "IMMUTABLE",
                // Basic scanning on push (free): known CVEs in an asset image show in the console (upstream CDK: off).
                "ImageScanningConfiguration": ["ScanOnPush": true],
                // Security Hub wants a lifecycle rule even though untagged images should never exist.
                "LifecyclePolicy": ["LifecyclePolicyText": .string(CFNValue.jsonText(lifecycle))],
                "RepositoryName": .if(
                    "HasCustomContainerAssetsRepositoryName", .ref(ParameterName.containerAssetsRepositoryName.rawValue),
                    .sub("cdk-${Qualifier}-container-assets-${AWS::AccountId}-${AWS::Region}")),
                "RepositoryPolicyText": [
                    "Version": "2012-10-17",
                    "Statement": [
                        pull("LambdaECRImageRetrievalPolicy", service: "lambda.amazonaws.com",
                             actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                             sourceArn: "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*"),
                        pull("EmrServerlessImageRetrievalPolicy", service: "emr-serverless.amazonaws.com",
                             actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"],
                             sourceArn: "arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/*"),
                    ],
                ],
            ])
    }
}
