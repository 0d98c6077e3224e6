// The launch role: Service Catalog assumes it to run the SageMaker project template's stack, so it holds
// exactly what creating, updating and deleting that stack needs, limited to the platform's names:
// buckets `mlops-*`/`pipeline-*`, IAM roles and policies `mlops-*`, KMS aliases `alias/mlops-*`, SSM
// parameters under `/mlops/projects/`, and only this account and region.
extension CatalogTemplate {
    /// The services project roles may be passed to.
    public static let passRoleServices = [
        "sagemaker.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com", "events.amazonaws.com",
    ]

    static func launchRole(_ options: CatalogTemplateOptions) -> Resource {
        Resource(type: "AWS::IAM::Role", properties: [
            "RoleName": .string(options.launchRoleName),
            "Path": "/",
            "Description": "Service Catalog launch role for SageMaker projects (mlopsctl)",
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "servicecatalog.amazonaws.com"], "Action": "sts:AssumeRole"]],
            ],
            "Policies": [
                ["PolicyName": "provisioning", "PolicyDocument": document(provisioningStatements(options))],
                ["PolicyName": "project-resources", "PolicyDocument": document(projectResourceStatements)],
            ],
        ])
    }

    static func document(_ statements: [CFNValue]) -> CFNValue {
        ["Version": "2012-10-17", "Statement": .array(statements)]
    }

    /// `arn:<partition>:<service>:<this region>:<this account>:<resource>`.
    static func arn(_ service: String, _ resource: String) -> CFNValue {
        .sub("arn:${AWS::Partition}:\(service):${AWS::Region}:${AWS::AccountId}:\(resource)")
    }

    static func statement(_ sid: String, _ actions: [String], _ resources: [CFNValue], condition: CFNValue? = nil) -> CFNValue {
        var fields: [String: CFNValue] = [
            "Sid": .string(sid), "Effect": "Allow", "Action": .array(actions.map(CFNValue.string)),
            "Resource": resources.count == 1 ? resources[0] : .array(resources),
        ]
        if let condition { fields["Condition"] = condition }
        return .object(fields)
    }

    // MARK: - Running the product's stack

    static func provisioningStatements(_ options: CatalogTemplateOptions) -> [CFNValue] {
        let seedObjects: [CFNValue] = [options.buildCodeKey, options.deployCodeKey].map {
            .sub("arn:${AWS::Partition}:s3:::\(options.seedBucket)/\($0)")
        }
        return [
            // Service Catalog names the stacks it provisions SC-<account>-pp-<id>.
            statement("ProvisionedStacks", [
                "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack", "cloudformation:DescribeStacks",
                "cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
                "cloudformation:ListStackResources", "cloudformation:GetTemplate", "cloudformation:SetStackPolicy",
                "cloudformation:ContinueUpdateRollback", "cloudformation:TagResource", "cloudformation:UntagResource",
            ], [arn("cloudformation", "stack/SC-*")]),
            // These two take no resource.
            statement("ValidateTemplates", ["cloudformation:GetTemplateSummary", "cloudformation:ValidateTemplate"], ["*"]),
            // Service Catalog's own copies of product templates, which it tags for provisioning.
            statement("ReadProductTemplates", ["s3:GetObject"], ["*"],
                      condition: ["StringEquals": ["s3:ExistingObjectTag/servicecatalog:provisioning": "true"]]),
            // CodeCommit repositories start from the seed-code zips.
            statement("ReadSeedCode", ["s3:GetObject"], seedObjects),
            statement("DecryptSeedCodeViaS3", ["kms:Decrypt"], [arn("kms", "key/*")],
                      condition: ["StringEquals": ["kms:ViaService": .sub("s3.${AWS::Region}.amazonaws.com")]]),
            statement("ReadPlatformParameters", ["ssm:GetParameter", "ssm:GetParameters"], [arn("ssm", "parameter/mlops/*")]),
        ]
    }

    // MARK: - What project templates create

    static var projectResourceStatements: [CFNValue] {
        let roles: [CFNValue] = [
            .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/mlops-*"),
            .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/mlops-*"),
        ]
        let policies: CFNValue = .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/mlops-*")
        return [
            statement("ProjectBuckets", [
                "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:GetBucket*", "s3:PutBucket*", "s3:DeleteBucketPolicy",
                "s3:Get*Configuration", "s3:Put*Configuration",
            ], [.sub("arn:${AWS::Partition}:s3:::mlops-*"), .sub("arn:${AWS::Partition}:s3:::pipeline-*")]),
            statement("CreateKeys", ["kms:CreateKey", "kms:ListAliases"], ["*"]),
            statement("ProjectKeys", [
                "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
                "kms:DisableKeyRotation", "kms:EnableKey", "kms:DisableKey", "kms:UpdateKeyDescription", "kms:ListResourceTags",
                "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
            ], [arn("kms", "key/*")]),
            statement("ProjectKeyAliases", ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
                      [arn("kms", "key/*"), arn("kms", "alias/mlops-*")]),
            statement("ProjectRoles", [
                "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateRoleDescription",
                "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy", "iam:GetRolePolicy",
                "iam:DeleteRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy",
            ], roles),
            statement("AttachProjectPolicies", ["iam:AttachRolePolicy"], roles, condition: [
                "ArnLike": ["iam:PolicyARN": [policies, .sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSageMaker*")]],
            ]),
            statement("ProjectManagedPolicies", [
                "iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions",
                "iam:CreatePolicyVersion", "iam:DeletePolicyVersion",
            ], [policies]),
            statement("PassProjectRolesToServices", ["iam:PassRole"], roles,
                      condition: ["StringEquals": ["iam:PassedToService": .array(passRoleServices.map(CFNValue.string))]]),
            statement("ModelRegistry", [
                "sagemaker:CreateModelPackageGroup", "sagemaker:DescribeModelPackageGroup", "sagemaker:DeleteModelPackageGroup",
                "sagemaker:PutModelPackageGroupPolicy", "sagemaker:GetModelPackageGroupPolicy", "sagemaker:DeleteModelPackageGroupPolicy",
                "sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags",
            ], [arn("sagemaker", "model-package-group/*")]),
            statement("BuildProjects", ["codebuild:CreateProject", "codebuild:UpdateProject", "codebuild:DeleteProject", "codebuild:BatchGetProjects"],
                      [arn("codebuild", "project/*")]),
            statement("Pipelines", [
                "codepipeline:CreatePipeline", "codepipeline:UpdatePipeline", "codepipeline:DeletePipeline", "codepipeline:GetPipeline",
                "codepipeline:GetPipelineState", "codepipeline:TagResource", "codepipeline:UntagResource", "codepipeline:ListTagsForResource",
            ], [arn("codepipeline", "*")]),
            statement("Repositories", [
                "codecommit:CreateRepository", "codecommit:DeleteRepository", "codecommit:GetRepository", "codecommit:UpdateRepositoryDescription",
                "codecommit:CreateCommit", "codecommit:CreateBranch", "codecommit:GetBranch", "codecommit:ListBranches",
                "codecommit:TagResource", "codecommit:UntagResource", "codecommit:ListTagsForResource",
            ], [arn("codecommit", "*")]),
            statement("SourceTriggers", [
                "events:PutRule", "events:DeleteRule", "events:DescribeRule", "events:EnableRule", "events:DisableRule", "events:PutTargets",
                "events:RemoveTargets", "events:ListTargetsByRule", "events:TagResource", "events:UntagResource", "events:ListTagsForResource",
            ], [arn("events", "rule/*")]),
            statement("ProjectParameters", [
                "ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter", "ssm:GetParameters", "ssm:AddTagsToResource",
                "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource",
            ], [arn("ssm", "parameter/mlops/projects/*")]),
        ]
    }
}
