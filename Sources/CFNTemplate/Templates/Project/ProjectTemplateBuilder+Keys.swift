// The two customer-managed KMS keys: the artifact key (models and data) and the pipeline key (CodePipeline
// artifacts; cross-account pipelines require a customer-managed key). Both go with the project.
extension ProjectTemplateBuilder {
    /// What the account may do to manage a key (through its IAM policies); the same list as the CDK bootstrap key.
    static let keyAdministration = [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",
        "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ]
    /// Encrypt and decrypt with a key.
    static let keyUse = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]

    var keyResources: [String: Resource] {
        // Preprod/prod endpoints download model artifacts through S3 with their own roles: the target accounts
        // decide which roles (their IAM policies), this key lets them decrypt through S3 only.
        let targetAccounts = PolicyStatement.grant(
            "TargetAccountsDecryptModelsViaS3", to: targetAccountRoots, ["kms:Decrypt"], ["*"],
            condition: ["StringEquals": ["kms:ViaService": "s3.${AWS::Region}.amazonaws.com"]])
        // The CloudFormation actions of the deploy pipeline read their templates as the CDK deploy role of the
        // target account, and CloudFormation (the cfn-exec role) reads any asset they reference.
        let deploymentRoles = PolicyStatement.grant(
            "DeploymentRolesReadPipelineArtifacts", to: deploymentRoleARNs.map(CFNValue.string), ["kms:Decrypt", "kms:DescribeKey"], ["*"])
        return [
            ID.artifactKey: key(description: "Artifacts of SageMaker project ${SageMakerProjectName} (${SageMakerProjectId})",
                                grants: [targetAccounts]),
            ID.artifactKeyAlias: Resource(type: "AWS::KMS::Alias", properties: [
                "AliasName": .sub(names.artifactKeyAlias), "TargetKeyId": .ref(ID.artifactKey),
            ]),
            ID.pipelineKey: key(description: "Pipeline artifacts of SageMaker project ${SageMakerProjectName} (${SageMakerProjectId})",
                                grants: [deploymentRoles]),
            ID.pipelineKeyAlias: Resource(type: "AWS::KMS::Alias", properties: [
                "AliasName": .sub(names.pipelineKeyAlias), "TargetKeyId": .ref(ID.pipelineKey),
            ]),
        ]
    }

    /// A rotating key whose policy lets this account's IAM policies manage and use it, plus `grants`.
    /// The policy is a JSON string (`Fn::Sub`): the emulator breaks on an object-valued `KeyPolicy`.
    private func key(description: String, grants: [CFNValue]) -> Resource {
        let account: [CFNValue] = [.sub(Self.accountRoot)]
        let statements = [
            PolicyStatement.grant("AccountAdministersKey", to: account, Self.keyAdministration, ["*"]),
            PolicyStatement.grant("AccountUsesKey", to: account, Self.keyUse, ["*"]),
        ] + grants
        return Resource(
            type: "AWS::KMS::Key",
            properties: [
                "Description": .sub(description),
                "EnableKeyRotation": true,
                "KeyPolicy": .subJSON(PolicyStatement.document(statements)),
                // The shortest window: the buckets this key encrypts are deleted with the project.
                "PendingWindowInDays": 7,
                // No Tags: moto 5.2.1 reads CloudFormation's Key/Value tags of a KMS key as TagKey/TagValue and fails
                // the whole stack. The alias and the description name the project instead.
            ],
            deletionPolicy: .delete,
            updateReplacePolicy: .delete)
    }
}
