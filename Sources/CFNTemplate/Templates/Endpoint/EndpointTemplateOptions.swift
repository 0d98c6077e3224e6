/// What one stage's endpoint stack serves and on what: the model package and the stage's
/// `config/<stage>.json` (instance type, count, variant name).
public struct EndpointTemplateOptions: Sendable, Hashable {
    public var projectName: String
    public var projectId: String
    public var stage: ProjectTemplateOptions.Stage
    /// The approved package (in dev's registry) the model is built from.
    public var modelPackageArn: String
    public var instanceType: String
    public var initialInstanceCount: Int
    public var variantName: String

    public init(
        projectName: String, projectId: String, stage: ProjectTemplateOptions.Stage, modelPackageArn: String, instanceType: String,
        initialInstanceCount: Int, variantName: String
    ) {
        self.projectName = projectName
        self.projectId = projectId
        self.stage = stage
        self.modelPackageArn = modelPackageArn
        self.instanceType = instanceType
        self.initialInstanceCount = initialInstanceCount
        self.variantName = variantName
    }

    /// The physical names of this deployment.
    public var names: EndpointNames {
        EndpointNames(projectName: projectName, projectId: projectId, stage: stage, settingsKey: settingsKey)
    }

    /// Everything the model and endpoint config are made of: a change gives them fresh names, as a replaced
    /// SageMaker resource needs, and the same inputs keep the names (no stack change).
    var settingsKey: String {
        [modelPackageArn, instanceType, String(initialInstanceCount), variantName].joined(separator: "|")
    }
}
