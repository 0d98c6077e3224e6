/// Names of one stage's endpoint stack and the SageMaker resources in it. Every SageMaker name fits 63
/// characters with `ProjectNames.shortened` (the same deterministic rule as `sageMakerResourcePrefix`).
public struct EndpointNames: Sendable, Hashable {
    public var projectName: String
    public var projectId: String
    public var stage: ProjectTemplateOptions.Stage
    /// What the model and endpoint config are built from (see `EndpointTemplateOptions.settingsKey`).
    public var settingsKey: String

    public init(projectName: String, projectId: String, stage: ProjectTemplateOptions.Stage, settingsKey: String = "") {
        self.projectName = projectName
        self.projectId = projectId
        self.stage = stage
        self.settingsKey = settingsKey
    }

    /// `mlops-<name>-endpoint-<stage>`: the stack `mlopsctl promote` maintains in the stage's account (the
    /// project's own deploy pipeline uses `<name>-deploy-<stage>`, so the two never fight over one stack).
    public var stackName: String { Self.stackName(projectName: projectName, stage: stage) }

    public static func stackName(projectName: String, stage: ProjectTemplateOptions.Stage) -> String {
        "mlops-\(projectName)-endpoint-\(stage.rawValue)"
    }

    private var base: String { "\(projectName)-\(projectId)-\(stage.rawValue)" }
    private var digest: String { ProjectNames.hexHash(settingsKey) }

    /// `<name>-<id>-<stage>` (shortened): stable across promotions, so clients keep calling the same name.
    public var endpointName: String { ProjectNames.shortened(base, toFit: ProjectNames.sageMakerNameLimit) }
    /// `<base>-m-<hash of the settings>`.
    public var modelName: String { ProjectNames.shortened(base, toFit: ProjectNames.sageMakerNameLimit - 11) + "-m-" + digest }
    /// `<base>-ec-<hash of the settings>`.
    public var endpointConfigName: String {
        ProjectNames.shortened(base, toFit: ProjectNames.sageMakerNameLimit - 12) + "-ec-" + digest
    }
    /// `mlops-<id>-<stage>-endpoint`: the cfn-exec policies allow roles named `mlops-*` only.
    public var executionRoleName: String { "mlops-\(projectId)-\(stage.rawValue)-endpoint" }
}
