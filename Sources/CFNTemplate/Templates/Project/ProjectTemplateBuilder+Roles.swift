// The project's own roles: the SageMaker execution role and the CodeBuild roles. Every permission the pipelines
// need lives on these (and the pipeline roles in +PipelineRoles), never on a CDK bootstrap role.
extension ProjectTemplateBuilder {
    var roleResources: [String: Resource] {
        [
            ID.sageMakerExecutionRole: role(names.sageMakerExecutionRole, service: "sagemaker.amazonaws.com",
                                            description: "Runs the SageMaker pipeline's jobs and registers models",
                                            statements: sageMakerExecutionStatements),
            ID.buildCodeBuildRole: role(names.buildCodeBuildRole, service: "codebuild.amazonaws.com",
                                        description: "Upserts and runs the SageMaker pipeline (build CodeBuild project)",
                                        statements: buildCodeBuildStatements),
            ID.deployCodeBuildRole: role(names.deployCodeBuildRole, service: "codebuild.amazonaws.com",
                                         description: "Synthesizes the endpoint stacks (deploy CodeBuild project)",
                                         statements: deployCodeBuildStatements),
            ID.scanCodeBuildRole: role(names.scanCodeBuildRole, service: "codebuild.amazonaws.com",
                                       description: "Scans the synthesized endpoint stacks (scan CodeBuild project)",
                                       statements: codeBuildBasics(project: names.scanProject)),
        ].merging(pipelineRoleResources) { first, _ in first }
    }

    /// A role at path `/` (the execution policies match `role/mlops-*`) with one inline policy.
    func role(_ name: String, service: String, description: String, statements: [CFNValue]) -> Resource {
        // The confused-deputy guard only where the service documents it; SageMaker assumes execution roles from
        // several features and EventBridge's documented trust policy has none.
        let sameAccount = ["codebuild.amazonaws.com", "codepipeline.amazonaws.com"].contains(service)
        return Resource(type: "AWS::IAM::Role", properties: [
            "RoleName": .sub(name),
            "Path": "/",
            "Description": .string(description),
            "AssumeRolePolicyDocument": PolicyStatement.serviceTrust(service, sameAccount: sameAccount),
            "Policies": [["PolicyName": "permissions", "PolicyDocument": PolicyStatement.document(statements)]],
            "Tags": tags,
        ])
    }

    // MARK: - Shared statements

    func sageMakerARN(_ resource: String) -> CFNValue { arn("sagemaker", resource) }

    /// Read and write the artifact bucket, and use its key.
    var artifactReadWrite: [CFNValue] {
        [
            PolicyStatement.allow(
                "ArtifactBucket",
                ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion",
                 "s3:ListBucket", "s3:PutObject"],
                [.getAtt(ID.artifactBucket, "Arn"), objectsIn(ID.artifactBucket)]),
            PolicyStatement.allow("ArtifactKey", Self.keyUse, [.getAtt(ID.artifactKey, "Arn")]),
        ]
    }

    /// Read input and write output artifacts of a pipeline action.
    var pipelineArtifactReadWrite: [CFNValue] {
        [
            PolicyStatement.allow(
                "PipelineArtifacts", ["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                [.getAtt(ID.pipelineBucket, "Arn"), objectsIn(ID.pipelineBucket)]),
            PolicyStatement.allow("PipelineKey", Self.keyUse, [.getAtt(ID.pipelineKey, "Arn")]),
        ]
    }

    /// Logs and test reports of one CodeBuild project, and its pipeline artifacts.
    func codeBuildBasics(project: String) -> [CFNValue] {
        let logGroup = "log-group:/aws/codebuild/\(project)"
        return [
            PolicyStatement.allow("Logs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                                  [arn("logs", logGroup), arn("logs", "\(logGroup):*")]),
            PolicyStatement.allow(
                "Reports",
                ["codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases", "codebuild:CreateReport", "codebuild:CreateReportGroup",
                 "codebuild:UpdateReport"],
                [arn("codebuild", "report-group/\(project)-*")]),
        ] + pipelineArtifactReadWrite
    }

    /// Pass the SageMaker execution role to SageMaker only.
    var passExecutionRole: CFNValue {
        PolicyStatement.allow(
            "PassExecutionRole", ["iam:PassRole"], [.sub(names.roleARN(names.sageMakerExecutionRole))],
            condition: ["StringEquals": ["iam:PassedToService": "sagemaker.amazonaws.com"]])
    }

    // SageMaker lower-cases names in some ARNs and the project name may hold capitals, so resources of the
    // project are matched as `*-<id>` (the id is lower-case by its AllowedPattern, and unique per project).
    var projectSuffix: String { "*-\(names.projectId)" }

    // MARK: - Roles

    private var sageMakerExecutionStatements: [CFNValue] {
        let logGroup = "log-group:/aws/sagemaker/*"
        return [
            PolicyStatement.allow("Logs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                                  [arn("logs", logGroup), arn("logs", "\(logGroup):log-stream:*")]),
            // PutMetricData has no resource-level permissions; the namespace condition scopes it instead.
            PolicyStatement.allow("Metrics", ["cloudwatch:PutMetricData"], ["*"],
                                  condition: ["StringLike": ["cloudwatch:namespace": ["/aws/sagemaker/*", "aws/sagemaker/*"]]]),
            PolicyStatement.allow(
                "Jobs",
                ["sagemaker:AddTags", "sagemaker:CreateProcessingJob", "sagemaker:CreateTrainingJob", "sagemaker:DescribeProcessingJob",
                 "sagemaker:DescribeTrainingJob", "sagemaker:StopProcessingJob", "sagemaker:StopTrainingJob"],
                [sageMakerARN("processing-job/*"), sageMakerARN("training-job/*")]),
            PolicyStatement.allow(
                "RegisterModels",
                ["sagemaker:AddTags", "sagemaker:CreateModelPackage", "sagemaker:DescribeModelPackage", "sagemaker:DescribeModelPackageGroup",
                 "sagemaker:UpdateModelPackage"],
                [sageMakerARN("model-package-group/\(projectSuffix)"), sageMakerARN("model-package/\(projectSuffix)/*")]),
            // The seed pipeline's public example data set.
            PolicyStatement.allow(
                "SeedDataset", ["s3:GetObject", "s3:ListBucket"],
                [.sub("arn:${AWS::Partition}:s3:::sagemaker-servicecatalog-seedcode-${AWS::Region}"),
                 .sub("arn:${AWS::Partition}:s3:::sagemaker-servicecatalog-seedcode-${AWS::Region}/*")]),
            // Training images live in AWS-owned accounts that differ by region.
            PolicyStatement.allow("PullImages", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                                  [.sub("arn:${AWS::Partition}:ecr:${AWS::Region}:*:repository/*")]),
            // GetAuthorizationToken has no resource-level permissions.
            PolicyStatement.allow("RegistryLogin", ["ecr:GetAuthorizationToken"], ["*"]),
            PolicyStatement.allow(
                "VolumeEncryptionGrants", ["kms:CreateGrant"], [.getAtt(ID.artifactKey, "Arn")],
                condition: ["Bool": ["kms:GrantIsForAWSResource": "true"]]),
            passExecutionRole,
        ] + artifactReadWrite
    }

    private var buildCodeBuildStatements: [CFNValue] {
        codeBuildBasics(project: names.buildProject) + artifactReadWrite + [
            PolicyStatement.allow(
                "SageMakerPipeline",
                ["sagemaker:AddTags", "sagemaker:CreatePipeline", "sagemaker:DescribePipeline", "sagemaker:DescribePipelineExecution",
                 "sagemaker:ListPipelineExecutionSteps", "sagemaker:ListTags", "sagemaker:StartPipelineExecution", "sagemaker:UpdatePipeline"],
                [sageMakerARN("pipeline/\(projectSuffix)"), sageMakerARN("pipeline/\(projectSuffix)/execution/*")]),
            // The seed's pipeline prefers the project's own images (sagemaker-<id>-…imagebuild) when they exist.
            PolicyStatement.allow(
                "ProjectImages", ["sagemaker:DescribeImageVersion"],
                [sageMakerARN("image/sagemaker-\(names.projectId)-*"), sageMakerARN("image-version/sagemaker-\(names.projectId)-*/*")]),
            passExecutionRole,
        ]
    }

    private var deployCodeBuildStatements: [CFNValue] {
        codeBuildBasics(project: names.synthProject) + regionalModelDataStatements + [
            PolicyStatement.allow(
                "ReadRegistry",
                ["sagemaker:DescribeModelPackage", "sagemaker:DescribeModelPackageGroup", "sagemaker:ListModelPackages"],
                [sageMakerARN("model-package-group/\(projectSuffix)"), sageMakerARN("model-package/\(projectSuffix)/*")]),
            PolicyStatement.allow(
                "ProjectParameters", ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
                [arn("ssm", "parameter\(names.parameterPrefix)"), arn("ssm", "parameter\(names.parameterPrefix)/*")]),
        ]
    }

    /// For stages in another region than dev's: the deploy app reads the model data and writes a copy into each such
    /// stage's CDK staging bucket there, as that account's file-publishing role (which trusts dev through the bootstrap).
    private var regionalModelDataStatements: [CFNValue] {
        let stages = [ProjectTemplateOptions.Stage.preprod, .prod].filter { options.environment($0).region != options.dev.region }
        guard !stages.isEmpty else { return [] }
        return [
            PolicyStatement.allow("ReadModelData", ["s3:GetObject", "s3:GetObjectVersion"], [objectsIn(ID.artifactBucket)]),
            PolicyStatement.allow("DecryptModelData", ["kms:Decrypt", "kms:DescribeKey"], [.getAtt(ID.artifactKey, "Arn")]),
            PolicyStatement.allow(
                "PublishModelDataCopies", ["sts:AssumeRole"],
                Self.unique(stages.map { options.bootstrapNames($0).filePublishingRoleARN }).map(CFNValue.string)),
        ]
    }
}
