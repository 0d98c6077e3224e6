/// The SageMaker project template (the Service Catalog product a SageMaker project is launched from), as typed
/// values: the seed's *basic* template (artifact and pipeline buckets with their KMS keys, a model package group,
/// a build pipeline that trains and registers models and a deploy pipeline that ships endpoints to dev, preprod
/// and prod), with the seed's defects fixed:
/// - cross-account grants that work: the pipeline key and bucket name the preprod/prod CDK deploy and cfn-exec
///   roles, the artifact key and bucket and the model package group grant the target accounts read access;
/// - no inline policy on any CDK bootstrap role: the project's own roles carry every permission;
/// - every name fits its service's limit for the longest project name and id (`ProjectNames`);
/// - buckets and keys go with the project (teardown empties the versioned buckets first);
/// - the source is a versioned S3 bucket (`.s3`) unless CodeCommit is asked for;
/// - per-project SSM parameters under `/mlops/projects/<name>/`;
/// - least-privilege policies (no `*` action; resources scoped to the project where the service allows it).
///
/// Valid on AWS and on the emulator (moto): KMS key policies are JSON strings, SSM parameters are named, and
/// resources of types moto skips are referenced by name (never `Ref`/`GetAtt`) from anywhere else.
public enum ProjectTemplate {
    /// What SageMaker passes at launch.
    public enum ParameterName: String, CaseIterable, Sendable {
        case projectName = "SageMakerProjectName"
        case projectId = "SageMakerProjectId"
    }

    /// The outputs mlopsctl reads after launch.
    public enum OutputName: String, CaseIterable, Sendable {
        case artifactBucket = "ArtifactBucket"
        case pipelineBucket = "PipelineBucket"
        case artifactKeyArn = "ArtifactKeyArn"
        case pipelineKeyArn = "PipelineKeyArn"
        case modelPackageGroupName = "ModelPackageGroupName"
        /// Only with the `.s3` source: where mlopsctl uploads the build and deploy zips.
        case sourceBucket = "SourceBucket"
    }

    public static let projectNameMaxLength = 32
    public static let projectIdMaxLength = 16
    /// CloudFormation matches the whole value against it.
    public static let projectNamePattern = "^[a-zA-Z](-*[a-zA-Z0-9])*"
    /// Lower-case only: the id is part of S3 bucket names (SageMaker's ids look like `p-abc123def456`).
    public static let projectIdPattern = "^[a-z0-9](-*[a-z0-9])*"
    /// The tag keys SageMaker uses to tie resources to a project; every taggable resource carries both.
    public static let projectNameTag = "sagemaker:project-name"
    public static let projectIdTag = "sagemaker:project-id"
    /// The checkov release the deploy pipeline's scan installs (the same one `scripts/ensure-tools` installs).
    public static let checkovVersion = "3.3.30"
    /// The branch of the CodeCommit repositories.
    public static let branch = "main"
    public static let description = "MLOps SageMaker project: model build pipeline, model registry and a deploy pipeline "
        + "to dev, preprod and prod endpoints (mlopsctl)"

    /// How to render the template for CloudFormation: compact, because the pretty form is over the 51,200-byte
    /// `TemplateBody` limit (Service Catalog reads it from S3, where the limit is 1 MB, but direct launches do not).
    public static let renderer = TemplateRenderer(style: .compact)

    /// The template for `options`.
    /// - Throws: `ProjectTemplateError` when an option is malformed or a name could overflow its service's limit.
    public static func make(_ options: ProjectTemplateOptions) throws -> Template {
        let problems = options.validationProblems()
        guard problems.isEmpty else { throw ProjectTemplateError.invalidOptions(problems) }
        let longest = ProjectNames.longest(account: options.dev.account, region: options.dev.region, partition: options.partition)
        let overflows = longest.validationProblems()
        guard overflows.isEmpty else { throw ProjectTemplateError.namesOverflow(overflows) }
        let builder = ProjectTemplateBuilder(options: options)
        return Template(description: description, parameters: parameters, resources: builder.resources(), outputs: builder.outputs())
    }

    static var parameters: [String: Parameter] {
        [
            ParameterName.projectName.rawValue: Parameter(
                description: "Service generated name of the SageMaker project", allowedPattern: projectNamePattern,
                constraintDescription: "1-32 letters, digits and hyphens, starting with a letter",
                minLength: 1, maxLength: projectNameMaxLength),
            ParameterName.projectId.rawValue: Parameter(
                description: "Service generated id of the SageMaker project", allowedPattern: projectIdPattern,
                constraintDescription: "1-16 lower-case letters, digits and hyphens",
                minLength: 1, maxLength: projectIdMaxLength),
        ]
    }
}

/// Why the project template could not be built.
public enum ProjectTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Options that CloudFormation or the services would reject.
    case invalidOptions([String])
    /// Names that would overflow their service's limit for the longest project name and id.
    case namesOverflow([String])

    public var description: String {
        switch self {
        case .invalidOptions(let problems):
            return "project template options: " + problems.joined(separator: "; ")
        case .namesOverflow(let problems):
            return "project template names overflow for a 32-character project name and 16-character id: "
                + problems.joined(separator: "; ")
        }
    }
}
