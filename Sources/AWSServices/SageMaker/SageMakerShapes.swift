import Foundation

/// A SageMaker resource tag (`Tag`: `Key`, `Value`).
public struct SageMakerTag: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key", value = "Value"
    }
}

/// The Service Catalog product a SageMaker project is launched from (`ServiceCatalogProvisioningDetails`).
public struct ServiceCatalogProvisioning: Sendable, Equatable, Codable {
    /// One launch parameter of the product's template.
    public struct Parameter: Sendable, Equatable, Codable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }

        enum CodingKeys: String, CodingKey {
            case key = "Key", value = "Value"
        }
    }

    public var productId: String
    /// The product version; nil lets SageMaker pick the product's default version.
    public var provisioningArtifactId: String?
    /// The launch path; nil when the product has a single one.
    public var pathId: String?
    public var parameters: [Parameter]

    public init(productId: String, provisioningArtifactId: String? = nil, pathId: String? = nil, parameters: [Parameter] = []) {
        self.productId = productId
        self.provisioningArtifactId = provisioningArtifactId
        self.pathId = pathId
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case productId = "ProductId", provisioningArtifactId = "ProvisioningArtifactId", pathId = "PathId"
        case parameters = "ProvisioningParameters"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        productId = try container.decode(String.self, forKey: .productId)
        provisioningArtifactId = try container.decodeIfPresent(String.self, forKey: .provisioningArtifactId)
        pathId = try container.decodeIfPresent(String.self, forKey: .pathId)
        parameters = try container.decodeIfPresent([Parameter].self, forKey: .parameters) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(productId, forKey: .productId)
        try container.encodeIfPresent(provisioningArtifactId, forKey: .provisioningArtifactId)
        try container.encodeIfPresent(pathId, forKey: .pathId)
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
    }
}

/// What CreateProject needs: a name and the Service Catalog product that provisions the project.
public struct CreateSageMakerProjectRequest: Sendable, Equatable {
    /// 1–32 characters, letters, digits and hyphens, starting with a letter or digit.
    public var projectName: String
    public var projectDescription: String?
    public var provisioning: ServiceCatalogProvisioning
    public var tags: [SageMakerTag]

    public init(projectName: String, projectDescription: String? = nil, provisioning: ServiceCatalogProvisioning, tags: [SageMakerTag] = []) {
        self.projectName = projectName
        self.projectDescription = projectDescription
        self.provisioning = provisioning
        self.tags = tags
    }
}

/// What CreateProject answers.
public struct CreatedSageMakerProject: Sendable, Equatable, Decodable {
    public var arn: String
    /// `p-` followed by 12 characters.
    public var id: String

    public init(arn: String, id: String) {
        self.arn = arn
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case arn = "ProjectArn", id = "ProjectId"
    }
}

/// A SageMaker project as DescribeProject returns it.
public struct SageMakerProject: Sendable, Equatable, Decodable {
    /// The provisioned product behind the project (`ServiceCatalogProvisionedProductDetails`).
    public struct ProvisionedProduct: Sendable, Equatable, Decodable {
        public var id: String?
        /// Why provisioning failed, when it did.
        public var statusMessage: String?

        public init(id: String?, statusMessage: String? = nil) {
            self.id = id
            self.statusMessage = statusMessage
        }

        enum CodingKeys: String, CodingKey {
            case id = "ProvisionedProductId", statusMessage = "ProvisionedProductStatusMessage"
        }
    }

    public var arn: String
    public var name: String
    public var id: String
    public var description: String?
    public var status: SageMakerProjectStatus
    public var provisioning: ServiceCatalogProvisioning?
    public var provisionedProduct: ProvisionedProduct?
    public var creationTime: Date
    public var lastModifiedTime: Date?

    public init(
        arn: String, name: String, id: String, description: String? = nil, status: SageMakerProjectStatus,
        provisioning: ServiceCatalogProvisioning? = nil, provisionedProduct: ProvisionedProduct? = nil, creationTime: Date,
        lastModifiedTime: Date? = nil
    ) {
        self.arn = arn
        self.name = name
        self.id = id
        self.description = description
        self.status = status
        self.provisioning = provisioning
        self.provisionedProduct = provisionedProduct
        self.creationTime = creationTime
        self.lastModifiedTime = lastModifiedTime
    }

    enum CodingKeys: String, CodingKey {
        case arn = "ProjectArn", name = "ProjectName", id = "ProjectId", description = "ProjectDescription", status = "ProjectStatus"
        case provisioning = "ServiceCatalogProvisioningDetails", provisionedProduct = "ServiceCatalogProvisionedProductDetails"
        case creationTime = "CreationTime", lastModifiedTime = "LastModifiedTime"
    }
}

/// A real-time inference endpoint as DescribeEndpoint returns it.
public struct SageMakerEndpoint: Sendable, Equatable, Decodable {
    /// One production variant (`ProductionVariantSummary`).
    public struct Variant: Sendable, Equatable, Decodable {
        /// An image the variant runs: as specified, and the digest it was resolved to.
        public struct DeployedImage: Sendable, Equatable, Decodable {
            public var specifiedImage: String?
            public var resolvedImage: String?

            public init(specifiedImage: String?, resolvedImage: String?) {
                self.specifiedImage = specifiedImage
                self.resolvedImage = resolvedImage
            }

            enum CodingKeys: String, CodingKey {
                case specifiedImage = "SpecifiedImage", resolvedImage = "ResolvedImage"
            }
        }

        public var name: String
        public var deployedImages: [DeployedImage]?
        public var currentWeight: Double?
        public var desiredWeight: Double?
        public var currentInstanceCount: Int?
        public var desiredInstanceCount: Int?

        public init(
            name: String, deployedImages: [DeployedImage]? = nil, currentWeight: Double? = nil, desiredWeight: Double? = nil,
            currentInstanceCount: Int? = nil, desiredInstanceCount: Int? = nil
        ) {
            self.name = name
            self.deployedImages = deployedImages
            self.currentWeight = currentWeight
            self.desiredWeight = desiredWeight
            self.currentInstanceCount = currentInstanceCount
            self.desiredInstanceCount = desiredInstanceCount
        }

        enum CodingKeys: String, CodingKey {
            case name = "VariantName", deployedImages = "DeployedImages", currentWeight = "CurrentWeight", desiredWeight = "DesiredWeight"
            case currentInstanceCount = "CurrentInstanceCount", desiredInstanceCount = "DesiredInstanceCount"
        }
    }

    public var name: String
    public var arn: String
    public var configName: String?
    public var status: EndpointStatus
    /// Why the endpoint failed, when `status` is `Failed`.
    public var failureReason: String?
    public var variants: [Variant]
    public var creationTime: Date
    public var lastModifiedTime: Date

    public init(
        name: String, arn: String, configName: String? = nil, status: EndpointStatus, failureReason: String? = nil, variants: [Variant] = [],
        creationTime: Date, lastModifiedTime: Date
    ) {
        self.name = name
        self.arn = arn
        self.configName = configName
        self.status = status
        self.failureReason = failureReason
        self.variants = variants
        self.creationTime = creationTime
        self.lastModifiedTime = lastModifiedTime
    }

    enum CodingKeys: String, CodingKey {
        case name = "EndpointName", arn = "EndpointArn", configName = "EndpointConfigName", status = "EndpointStatus"
        case failureReason = "FailureReason", variants = "ProductionVariants", creationTime = "CreationTime"
        case lastModifiedTime = "LastModifiedTime"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        arn = try container.decode(String.self, forKey: .arn)
        configName = try container.decodeIfPresent(String.self, forKey: .configName)
        status = try container.decode(EndpointStatus.self, forKey: .status)
        failureReason = try container.decodeIfPresent(String.self, forKey: .failureReason)
        variants = try container.decodeIfPresent([Variant].self, forKey: .variants) ?? []
        creationTime = try container.decode(Date.self, forKey: .creationTime)
        lastModifiedTime = try container.decode(Date.self, forKey: .lastModifiedTime)
    }
}
