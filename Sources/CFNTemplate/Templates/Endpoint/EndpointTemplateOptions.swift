/// What one stage's endpoint stack serves and on what: the model package and the stage's
/// `config/<stage>.json` (instance type, count, variant name, data capture).
public struct EndpointTemplateOptions: Sendable, Hashable {
    public var projectName: String
    public var projectId: String
    public var stage: ProjectTemplateOptions.Stage
    /// The approved package (in dev's registry) the model is built from.
    public var modelPackageArn: String
    public var instanceType: String
    public var initialInstanceCount: Int
    public var variantName: String
    /// Request/response capture; nil for none.
    public var dataCapture: EndpointDataCapture?
    /// The containers to build the model from, in the endpoint's region, when the package is in another region; nil
    /// builds the model from the package itself (same region, any account the package group is shared with).
    public var containers: [EndpointContainer]?

    public init(
        projectName: String, projectId: String, stage: ProjectTemplateOptions.Stage, modelPackageArn: String, instanceType: String,
        initialInstanceCount: Int, variantName: String, dataCapture: EndpointDataCapture? = nil, containers: [EndpointContainer]? = nil
    ) {
        self.projectName = projectName
        self.projectId = projectId
        self.stage = stage
        self.modelPackageArn = modelPackageArn
        self.instanceType = instanceType
        self.initialInstanceCount = initialInstanceCount
        self.variantName = variantName
        self.dataCapture = dataCapture
        self.containers = containers
    }

    /// The physical names of this deployment.
    public var names: EndpointNames {
        EndpointNames(projectName: projectName, projectId: projectId, stage: stage, settingsKey: settingsKey)
    }

    /// Everything the model and endpoint config are made of: a change gives them fresh names, as a replaced
    /// SageMaker resource needs, and the same inputs keep the names (no stack change).
    var settingsKey: String {
        var parts = [modelPackageArn, instanceType, String(initialInstanceCount), variantName]
        // Appended only when set, so configs without capture keep the names they had.
        if let capture = dataCapture { parts += ["capture", String(capture.samplingPercentage), capture.destinationS3Uri] }
        if let containers { parts += ["containers"] + containers.map(\.settingsKey) }
        return parts.joined(separator: "|")
    }
}
