/// Every physical name a SageMaker project uses, derived from the project name and id (what SageMaker passes
/// as `SageMakerProjectName`, 1–32 characters, and `SageMakerProjectId`, 1–16), the account and the region.
///
/// One value type serves two purposes:
/// - `ProjectNames.template` holds the same patterns with `${SageMakerProjectName}`, `${SageMakerProjectId}`,
///   `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}` in place of the values: the project template
///   puts these strings into `Fn::Sub`, so its names can never drift from the ones here;
/// - a concrete value (`init(projectName:projectId:account:region:)`) gives the names of one project, and
///   `validationProblems()` checks each against its service's limit.
///
/// CloudFormation cannot shorten or hash a parameter, so the patterns the template uses are chosen to fit with the
/// longest project name and id (S3 bucket names therefore carry the id, which is lower-case, but not the name,
/// which may not be). Names derived later at run time by the seed deploy app (models, endpoint configs,
/// endpoints) can overflow; `sageMakerResourcePrefix` shortens those deterministically (see `shortened`).
public struct ProjectNames: Sendable, Hashable {
    public var projectName: String
    public var projectId: String
    public var account: String
    public var region: String
    public var partition: String

    public init(projectName: String, projectId: String, account: String, region: String, partition: String = "aws") {
        self.projectName = projectName
        self.projectId = projectId
        self.account = account
        self.region = region
        self.partition = partition
    }

    /// The names as `Fn::Sub` patterns of the project template.
    public static let template = ProjectNames(
        projectName: "${\(ProjectTemplate.ParameterName.projectName.rawValue)}",
        projectId: "${\(ProjectTemplate.ParameterName.projectId.rawValue)}",
        account: "${AWS::AccountId}", region: "${AWS::Region}", partition: "${AWS::Partition}")

    /// The longest name and id SageMaker accepts, in `account` and `region`: the case the template must fit.
    public static func longest(account: String, region: String, partition: String = "aws") -> ProjectNames {
        ProjectNames(projectName: "p" + String(repeating: "x", count: ProjectTemplate.projectNameMaxLength - 1),
                     projectId: String(repeating: "9", count: ProjectTemplate.projectIdMaxLength),
                     account: account, region: region, partition: partition)
    }

    private var accountRegion: String { "\(account)-\(region)" }

    // MARK: - Storage and keys

    /// `mlops-<id>-artifacts-<account>-<region>`: models, pipeline data and the seed pipeline's code.
    public var artifactBucket: String { "mlops-\(projectId)-artifacts-\(accountRegion)" }
    /// `pipeline-<id>-<account>-<region>`: CodePipeline's artifact store for both pipelines.
    public var pipelineBucket: String { "pipeline-\(projectId)-\(accountRegion)" }
    /// `mlops-<id>-source-<account>-<region>`: the versioned bucket the pipelines take their code from (`.s3` source).
    public var sourceBucket: String { "mlops-\(projectId)-source-\(accountRegion)" }
    public var artifactKeyAlias: String { "alias/mlops-\(projectId)-artifacts" }
    public var pipelineKeyAlias: String { "alias/mlops-\(projectId)-pipeline" }

    // MARK: - SageMaker

    /// `<name>-<id>`: the model package group; also the SageMaker pipeline's name and job prefix.
    public var modelPackageGroup: String { "\(projectName)-\(projectId)" }
    /// The SageMaker pipeline the build app upserts (the seed's `SAGEMAKER_PIPELINE_NAME` now says what it uses).
    public var sageMakerPipeline: String { modelPackageGroup }

    // MARK: - IAM roles (the dev execution policy allows `mlops-*` at path `/` only)

    public var sageMakerExecutionRole: String { "mlops-\(projectId)-sagemaker-execution" }
    public var buildCodeBuildRole: String { "mlops-\(projectId)-build-codebuild" }
    public var deployCodeBuildRole: String { "mlops-\(projectId)-deploy-codebuild" }
    public var scanCodeBuildRole: String { "mlops-\(projectId)-scan-codebuild" }
    public var buildPipelineRole: String { "mlops-\(projectId)-build-pipeline" }
    public var deployPipelineRole: String { "mlops-\(projectId)-deploy-pipeline" }
    public var eventsRole: String { "mlops-\(projectId)-events" }

    /// `arn:<partition>:iam::<account>:role/<name>`.
    public func roleARN(_ roleName: String) -> String { "arn:\(partition):iam::\(account):role/\(roleName)" }

    // MARK: - Pipelines

    /// `<name>-build`: the CodeBuild project that upserts and runs the SageMaker pipeline.
    public var buildProject: String { "\(projectName)-build" }
    /// `<name>-deploy-synth`: the CodeBuild project that synthesizes the endpoint stacks.
    public var synthProject: String { "\(projectName)-deploy-synth" }
    /// `<name>-deploy-scan`: the CodeBuild project that scans the synthesized templates.
    public var scanProject: String { "\(projectName)-deploy-scan" }
    public var buildPipeline: String { "\(projectName)-build" }
    public var deployPipeline: String { "\(projectName)-deploy" }
    public var buildRepository: String { "\(projectName)-build" }
    public var deployRepository: String { "\(projectName)-deploy" }
    /// `<name>-deploy-<stage>`: the endpoint stack the deploy pipeline maintains in `stage`'s account.
    public func endpointStack(_ stage: ProjectTemplateOptions.Stage) -> String { "\(projectName)-deploy-\(stage.rawValue)" }

    public func codePipelineARN(_ pipeline: String) -> String { "arn:\(partition):codepipeline:\(region):\(account):\(pipeline)" }
    public func codeBuildARN(_ project: String) -> String { "arn:\(partition):codebuild:\(region):\(account):project/\(project)" }
    public func codeCommitARN(_ repository: String) -> String { "arn:\(partition):codecommit:\(region):\(account):\(repository)" }

    // MARK: - EventBridge rules

    public var buildSourceRule: String { "mlops-\(projectId)-build-source" }
    public var deploySourceRule: String { "mlops-\(projectId)-deploy-source" }
    public var modelApprovalRule: String { "mlops-\(projectId)-model-approval" }

    // MARK: - SSM parameters (per project, instead of the seed's global `/mlops/…` ones)

    /// `/mlops/projects/<name>`: the prefix of this project's parameters.
    public var parameterPrefix: String { "/mlops/projects/\(projectName)" }
    public var artifactBucketParameter: String { "\(parameterPrefix)/artifact-bucket" }
    public var pipelineBucketParameter: String { "\(parameterPrefix)/pipeline-bucket" }
    public var sourceBucketParameter: String { "\(parameterPrefix)/source-bucket" }
    public var modelPackageGroupParameter: String { "\(parameterPrefix)/model-package-group" }
    public var artifactKeyParameter: String { "\(parameterPrefix)/artifact-key-id" }
    public var pipelineKeyParameter: String { "\(parameterPrefix)/pipeline-key-id" }
}
