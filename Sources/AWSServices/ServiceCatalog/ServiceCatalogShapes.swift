import Foundation

/// A product version as listed with a product (`ProvisioningArtifactSummary`).
public struct ProvisioningArtifactSummary: Sendable, Equatable, Decodable {
    /// `pa-…`.
    public var id: String
    public var name: String?
    public var description: String?
    public var createdTime: Date?

    public init(id: String, name: String? = nil, description: String? = nil, createdTime: Date? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.createdTime = createdTime
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", description = "Description", createdTime = "CreatedTime"
    }
}

/// A product version as ListProvisioningArtifacts returns it (`ProvisioningArtifactDetail`).
public struct ProvisioningArtifact: Sendable, Equatable, Decodable {
    public var id: String
    public var name: String?
    public var description: String?
    /// `CLOUD_FORMATION_TEMPLATE`, …
    public var type: String?
    public var createdTime: Date?
    /// Whether users may launch this version.
    public var active: Bool?
    /// `DEFAULT` or `DEPRECATED`.
    public var guidance: String?

    public init(
        id: String, name: String? = nil, description: String? = nil, type: String? = nil, createdTime: Date? = nil, active: Bool? = nil,
        guidance: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.type = type
        self.createdTime = createdTime
        self.active = active
        self.guidance = guidance
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", description = "Description", type = "Type", createdTime = "CreatedTime", active = "Active"
        case guidance = "Guidance"
    }
}

/// A product as its administrator sees it (DescribeProductAsAdmin).
public struct ServiceCatalogProduct: Sendable, Equatable {
    /// `prod-…`.
    public var id: String
    public var name: String?
    public var owner: String?
    /// `CLOUD_FORMATION_TEMPLATE`, `MARKETPLACE`, …
    public var type: String?
    /// `AVAILABLE`, `CREATING` or `FAILED`.
    public var status: String?
    public var arn: String?
    public var createdTime: Date?
    public var provisioningArtifacts: [ProvisioningArtifactSummary]

    public init(
        id: String, name: String? = nil, owner: String? = nil, type: String? = nil, status: String? = nil, arn: String? = nil,
        createdTime: Date? = nil, provisioningArtifacts: [ProvisioningArtifactSummary] = []
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.type = type
        self.status = status
        self.arn = arn
        self.createdTime = createdTime
        self.provisioningArtifacts = provisioningArtifacts
    }
}

// MARK: - Wire shapes (JSON 1.1 member names)

struct DescribeProductAsAdminInput: Encodable {
    var Id: String
}

struct DescribeProductAsAdminOutput: Decodable {
    struct ViewDetail: Decodable {
        struct Summary: Decodable {
            var Id: String?
            var ProductId: String?
            var Name: String?
            var Owner: String?
            var `Type`: String?
        }
        var ProductViewSummary: Summary?
        var Status: String?
        var ProductARN: String?
        var CreatedTime: Date?
    }
    var ProductViewDetail: ViewDetail?
    var ProvisioningArtifactSummaries: [ProvisioningArtifactSummary]?
}

struct ListProvisioningArtifactsInput: Encodable {
    var ProductId: String
}

struct ListProvisioningArtifactsOutput: Decodable {
    var ProvisioningArtifactDetails: [ProvisioningArtifact]?
}
