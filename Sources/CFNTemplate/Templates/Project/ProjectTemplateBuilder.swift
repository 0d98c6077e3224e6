/// Builds the project template's resources and outputs for one set of options. Split by concern:
/// `+Keys`, `+Buckets`, `+Registry`, `+Roles`, `+BuildPipeline`, `+DeployPipeline`, `+Triggers`.
struct ProjectTemplateBuilder {
    let options: ProjectTemplateOptions
    /// `Fn::Sub` patterns of every name.
    let names = ProjectNames.template

    init(options: ProjectTemplateOptions) {
        self.options = options
    }

    var usesS3Source: Bool { options.source == .s3 }

    func resources() -> [String: Resource] {
        var all: [String: Resource] = [:]
        let parts = [keyResources, bucketResources, registryResources, roleResources, buildPipelineResources,
                     deployPipelineResources, triggerResources]
        for part in parts {
            all.merge(part) { _, _ in preconditionFailure("two parts of the project template define the same logical id") }
        }
        return all
    }

    func outputs() -> [String: Output] {
        typealias Name = ProjectTemplate.OutputName
        var outputs: [String: Output] = [
            Name.artifactBucket.rawValue: Output(value: .ref(ID.artifactBucket), description: "Models, pipeline data and code of the SageMaker pipeline"),
            Name.pipelineBucket.rawValue: Output(value: .ref(ID.pipelineBucket), description: "CodePipeline artifact store of both pipelines"),
            Name.artifactKeyArn.rawValue: Output(value: .getAtt(ID.artifactKey, "Arn"), description: "KMS key of the artifact bucket"),
            Name.pipelineKeyArn.rawValue: Output(value: .getAtt(ID.pipelineKey, "Arn"), description: "KMS key of the pipeline bucket"),
            // A plain Sub: the emulator drops outputs that Ref a resource type it does not support.
            Name.modelPackageGroupName.rawValue: Output(value: .sub(names.modelPackageGroup), description: "Model package group of the project"),
        ]
        if usesS3Source {
            outputs[Name.sourceBucket.rawValue] = Output(
                value: .ref(ID.sourceBucket),
                description: "Where mlopsctl uploads the build app (\(options.buildKey)) and the deploy app (\(options.deployKey))")
        }
        return outputs
    }

    // MARK: - Tags

    /// `sagemaker:project-name` and `sagemaker:project-id`, as a resource `Tags` list. Service Catalog does not
    /// propagate stack tags for us, so every taggable resource carries them itself.
    var tags: CFNValue {
        [
            ["Key": .string(ProjectTemplate.projectNameTag), "Value": .ref(ProjectTemplate.ParameterName.projectName.rawValue)],
            ["Key": .string(ProjectTemplate.projectIdTag), "Value": .ref(ProjectTemplate.ParameterName.projectId.rawValue)],
        ]
    }

    // MARK: - Principals

    /// `arn:<partition>:iam::<account>:root` of preprod and prod, without duplicates (stages may share an account;
    /// KMS rejects a policy that names one principal twice).
    var targetAccountRoots: [CFNValue] {
        Self.unique([options.preprod.account, options.prod.account]).map { .string("arn:\(options.partition):iam::\($0):root") }
    }

    /// The CDK deploy roles of dev, preprod and prod: what the deploy pipeline's CloudFormation actions run as.
    var deployRoleARNs: [String] {
        Self.unique(ProjectTemplateOptions.Stage.allCases.map { options.bootstrapNames($0).deployRoleARN })
    }

    /// The deploy and cfn-exec roles of every stage: they read the pipeline's artifacts.
    var deploymentRoleARNs: [String] {
        Self.unique(ProjectTemplateOptions.Stage.allCases.flatMap {
            [options.bootstrapNames($0).deployRoleARN, options.bootstrapNames($0).cloudFormationExecutionRoleARN]
        })
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: - ARNs (as Fn::Sub text)

    static let arnPrefix = "arn:${AWS::Partition}"
    static let accountRoot = "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"

    func arn(_ service: String, _ resource: String) -> CFNValue {
        .sub("\(Self.arnPrefix):\(service):${AWS::Region}:${AWS::AccountId}:\(resource)")
    }

    func objectsIn(_ bucket: String) -> CFNValue { .sub("${\(bucket).Arn}/*") }
}

/// The logical ids of the project template.
enum ID {
    static let artifactKey = "ArtifactKey"
    static let artifactKeyAlias = "ArtifactKeyAlias"
    static let pipelineKey = "PipelineKey"
    static let pipelineKeyAlias = "PipelineKeyAlias"
    static let artifactBucket = "ArtifactBucket"
    static let artifactBucketPolicy = "ArtifactBucketPolicy"
    static let pipelineBucket = "PipelineBucket"
    static let pipelineBucketPolicy = "PipelineBucketPolicy"
    static let sourceBucket = "SourceBucket"
    static let sourceBucketPolicy = "SourceBucketPolicy"
    static let modelPackageGroup = "ModelPackageGroup"
    static let sageMakerExecutionRole = "SageMakerExecutionRole"
    static let buildCodeBuildRole = "BuildCodeBuildRole"
    static let deployCodeBuildRole = "DeployCodeBuildRole"
    static let scanCodeBuildRole = "ScanCodeBuildRole"
    static let buildPipelineRole = "BuildPipelineRole"
    static let deployPipelineRole = "DeployPipelineRole"
    static let eventsRole = "EventsRole"
    static let buildProject = "BuildProject"
    static let synthProject = "SynthProject"
    static let scanProject = "ScanProject"
    static let buildPipeline = "BuildPipeline"
    static let deployPipeline = "DeployPipeline"
    static let buildRepository = "BuildRepository"
    static let deployRepository = "DeployRepository"
    static let buildSourceRule = "BuildSourceRule"
    static let deploySourceRule = "DeploySourceRule"
    static let modelApprovalRule = "ModelApprovalRule"
    static let artifactBucketParameter = "ArtifactBucketParameter"
    static let pipelineBucketParameter = "PipelineBucketParameter"
    static let sourceBucketParameter = "SourceBucketParameter"
    static let modelPackageGroupParameter = "ModelPackageGroupParameter"
    static let artifactKeyParameter = "ArtifactKeyParameter"
    static let pipelineKeyParameter = "PipelineKeyParameter"
}
