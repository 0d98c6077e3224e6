/// One inference container the endpoint's model is built from when it cannot be built from the model package:
/// an endpoint in another region than the package (SageMaker takes a package only from its own region, and pulls the
/// image and the model data only from its own region), so the image and the data are the target region's copies.
public struct EndpointContainer: Sendable, Hashable {
    /// An image the target region can pull.
    public var image: String
    /// `s3://bucket/key` of the model data in the target region; nil for a container without model data.
    public var modelDataUrl: String?
    public var environment: [String: String]

    public init(image: String, modelDataUrl: String? = nil, environment: [String: String] = [:]) {
        self.image = image
        self.modelDataUrl = modelDataUrl
        self.environment = environment
    }

    /// The `ContainerDefinition` property.
    var property: CFNValue {
        var definition: [String: CFNValue] = ["Image": .string(image)]
        if let modelDataUrl { definition["ModelDataUrl"] = .string(modelDataUrl) }
        if !environment.isEmpty { definition["Environment"] = .object(environment.mapValues(CFNValue.string)) }
        return .object(definition)
    }

    /// `arn:${AWS::Partition}:s3:::bucket/key` of the model data: the one object the model's role reads.
    var modelDataArn: CFNValue? {
        guard let url = modelDataUrl, url.hasPrefix("s3://") else { return nil }
        return .sub("arn:${AWS::Partition}:s3:::\(url.dropFirst(5))")
    }

    /// What names depend on.
    var settingsKey: String {
        ([image, modelDataUrl ?? "-"] + environment.keys.sorted().map { "\($0)=\(environment[$0]!)" }).joined(separator: ",")
    }
}
