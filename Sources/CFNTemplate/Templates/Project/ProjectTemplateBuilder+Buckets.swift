// The project's buckets: artifacts (models, data), pipeline artifacts, and for the `.s3` source the source
// bucket. Versioned, SSE-KMS, private, TLS-only; deleted with the project (teardown empties them first).
extension ProjectTemplateBuilder {
    var bucketResources: [String: Resource] {
        var resources: [String: Resource] = [
            ID.artifactBucket: bucket(name: names.artifactBucket, key: ID.artifactKey),
            ID.artifactBucketPolicy: bucketPolicy(ID.artifactBucket, grants: [
                // Endpoints in preprod and prod load model artifacts from here.
                PolicyStatement.grant(
                    "TargetAccountsReadModels", to: targetAccountRoots,
                    ["s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"],
                    [.getAtt(ID.artifactBucket, "Arn"), objectsIn(ID.artifactBucket)]),
            ]),
            ID.pipelineBucket: bucket(name: names.pipelineBucket, key: ID.pipelineKey),
            ID.pipelineBucketPolicy: bucketPolicy(ID.pipelineBucket, grants: [
                // What CDK grants a cross-account CloudFormation action's roles: read the templates and assets.
                PolicyStatement.grant(
                    "DeploymentRolesReadPipelineArtifacts", to: deploymentRoleARNs.map(CFNValue.string),
                    ["s3:GetBucket*", "s3:GetObject*", "s3:List*"],
                    [.getAtt(ID.pipelineBucket, "Arn"), objectsIn(ID.pipelineBucket)]),
            ]),
        ]
        if usesS3Source {
            var source = bucket(name: names.sourceBucket, key: ID.pipelineKey)
            // S3 sends "Object Created" events to EventBridge, whose rules start the pipelines (see +Triggers).
            source.properties["NotificationConfiguration"] = ["EventBridgeConfiguration": ["EventBridgeEnabled": true]]
            resources[ID.sourceBucket] = source
            resources[ID.sourceBucketPolicy] = bucketPolicy(ID.sourceBucket, grants: [])
        }
        return resources
    }

    private func bucket(name: String, key: String) -> Resource {
        Resource(
            type: "AWS::S3::Bucket",
            properties: [
                "BucketName": .sub(name),
                "BucketEncryption": [
                    "ServerSideEncryptionConfiguration": [
                        [
                            "ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .getAtt(key, "Arn")],
                            // One data key per bucket instead of one KMS call per object.
                            "BucketKeyEnabled": true,
                        ],
                    ],
                ],
                "VersioningConfiguration": ["Status": "Enabled"],
                "PublicAccessBlockConfiguration": [
                    "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
                ],
                "OwnershipControls": ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]],
                "LifecycleConfiguration": [
                    "Rules": [
                        ["Id": "ExpireNoncurrentVersions", "Status": "Enabled", "NoncurrentVersionExpiration": ["NoncurrentDays": 30]],
                        ["Id": "AbortIncompleteMultipartUploads", "Status": "Enabled",
                         "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1]],
                    ],
                ],
                "Tags": tags,
            ],
            deletionPolicy: .delete,
            updateReplacePolicy: .delete)
    }

    private func bucketPolicy(_ bucket: String, grants: [CFNValue]) -> Resource {
        Resource(type: "AWS::S3::BucketPolicy", properties: [
            "Bucket": .ref(bucket),
            "PolicyDocument": PolicyStatement.document([PolicyStatement.denyInsecureTransport(bucket: bucket)] + grants),
        ])
    }
}
