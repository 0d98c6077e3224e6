import Foundation

/// A model package group: the registry entry that holds the versions of one model.
public struct ModelPackageGroup: Sendable, Equatable, Decodable {
    public var name: String
    public var arn: String
    public var description: String?
    public var status: ModelPackageGroupStatus
    public var creationTime: Date

    public init(name: String, arn: String, description: String? = nil, status: ModelPackageGroupStatus, creationTime: Date) {
        self.name = name
        self.arn = arn
        self.description = description
        self.status = status
        self.creationTime = creationTime
    }

    enum CodingKeys: String, CodingKey {
        case name = "ModelPackageGroupName", arn = "ModelPackageGroupArn", description = "ModelPackageGroupDescription"
        case status = "ModelPackageGroupStatus", creationTime = "CreationTime"
    }
}

/// How a model package is served (`InferenceSpecification`): its containers and what they accept.
public struct ModelPackageInferenceSpecification: Sendable, Equatable, Codable {
    /// One inference container (`ModelPackageContainerDefinition`).
    public struct Container: Sendable, Equatable, Codable {
        /// The ECR image URI (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>` or `@sha256:…`).
        public var image: String
        /// The `s3://` URL of the model artifact (`model.tar.gz`).
        public var modelDataUrl: String?
        public var imageDigest: String?
        public var environment: [String: String]?

        public init(image: String, modelDataUrl: String? = nil, imageDigest: String? = nil, environment: [String: String]? = nil) {
            self.image = image
            self.modelDataUrl = modelDataUrl
            self.imageDigest = imageDigest
            self.environment = environment
        }

        enum CodingKeys: String, CodingKey {
            case image = "Image", modelDataUrl = "ModelDataUrl", imageDigest = "ImageDigest", environment = "Environment"
        }
    }

    public var containers: [Container]
    public var supportedContentTypes: [String]?
    public var supportedResponseMIMETypes: [String]?
    public var supportedRealtimeInferenceInstanceTypes: [String]?
    public var supportedTransformInstanceTypes: [String]?

    public init(
        containers: [Container], supportedContentTypes: [String]? = nil, supportedResponseMIMETypes: [String]? = nil,
        supportedRealtimeInferenceInstanceTypes: [String]? = nil, supportedTransformInstanceTypes: [String]? = nil
    ) {
        self.containers = containers
        self.supportedContentTypes = supportedContentTypes
        self.supportedResponseMIMETypes = supportedResponseMIMETypes
        self.supportedRealtimeInferenceInstanceTypes = supportedRealtimeInferenceInstanceTypes
        self.supportedTransformInstanceTypes = supportedTransformInstanceTypes
    }

    enum CodingKeys: String, CodingKey {
        case containers = "Containers", supportedContentTypes = "SupportedContentTypes"
        case supportedResponseMIMETypes = "SupportedResponseMIMETypes"
        case supportedRealtimeInferenceInstanceTypes = "SupportedRealtimeInferenceInstanceTypes"
        case supportedTransformInstanceTypes = "SupportedTransformInstanceTypes"
    }
}

/// What CreateModelPackage needs to register a new version in a group.
public struct CreateModelPackageRequest: Sendable, Equatable {
    public var groupName: String
    public var description: String?
    public var approvalStatus: ModelApprovalStatus
    public var inferenceSpecification: ModelPackageInferenceSpecification
    /// Free-form key/values kept with the version (`CustomerMetadataProperties`), e.g. the training run.
    public var customerMetadata: [String: String]
    public var tags: [SageMakerTag]
    /// `ClientToken`; nil makes a fresh one per call (kept across the call's retries).
    public var clientToken: String?

    public init(
        groupName: String, description: String? = nil, approvalStatus: ModelApprovalStatus = .pendingManualApproval,
        inferenceSpecification: ModelPackageInferenceSpecification, customerMetadata: [String: String] = [:], tags: [SageMakerTag] = [],
        clientToken: String? = nil
    ) {
        self.clientToken = clientToken
        self.groupName = groupName
        self.description = description
        self.approvalStatus = approvalStatus
        self.inferenceSpecification = inferenceSpecification
        self.customerMetadata = customerMetadata
        self.tags = tags
    }
}

/// One version of a model as DescribeModelPackage returns it.
public struct ModelPackage: Sendable, Equatable, Decodable {
    public var name: String
    public var groupName: String?
    public var version: Int?
    public var arn: String
    public var description: String?
    public var status: ModelPackageStatus
    public var approvalStatus: ModelApprovalStatus?
    public var approvalDescription: String?
    public var inferenceSpecification: ModelPackageInferenceSpecification?
    public var customerMetadata: [String: String]?
    public var creationTime: Date
    public var lastModifiedTime: Date?

    public init(
        name: String, groupName: String? = nil, version: Int? = nil, arn: String, description: String? = nil, status: ModelPackageStatus,
        approvalStatus: ModelApprovalStatus? = nil, approvalDescription: String? = nil,
        inferenceSpecification: ModelPackageInferenceSpecification? = nil, customerMetadata: [String: String]? = nil, creationTime: Date,
        lastModifiedTime: Date? = nil
    ) {
        self.name = name
        self.groupName = groupName
        self.version = version
        self.arn = arn
        self.description = description
        self.status = status
        self.approvalStatus = approvalStatus
        self.approvalDescription = approvalDescription
        self.inferenceSpecification = inferenceSpecification
        self.customerMetadata = customerMetadata
        self.creationTime = creationTime
        self.lastModifiedTime = lastModifiedTime
    }

    enum CodingKeys: String, CodingKey {
        case name = "ModelPackageName", groupName = "ModelPackageGroupName", version = "ModelPackageVersion", arn = "ModelPackageArn"
        case description = "ModelPackageDescription", status = "ModelPackageStatus", approvalStatus = "ModelApprovalStatus"
        case approvalDescription = "ApprovalDescription", inferenceSpecification = "InferenceSpecification"
        case customerMetadata = "CustomerMetadataProperties", creationTime = "CreationTime", lastModifiedTime = "LastModifiedTime"
    }

    // Moto leaves out `ModelPackageName` for versioned packages; AWS sends the group name there.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groupName = try container.decodeIfPresent(String.self, forKey: .groupName)
        if let name = try container.decodeIfPresent(String.self, forKey: .name) {
            self.name = name
        } else if let groupName {
            self.name = groupName
        } else {
            self.name = try container.decode(String.self, forKey: .name)
        }
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        arn = try container.decode(String.self, forKey: .arn)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        status = try container.decode(ModelPackageStatus.self, forKey: .status)
        approvalStatus = try container.decodeIfPresent(ModelApprovalStatus.self, forKey: .approvalStatus)
        approvalDescription = try container.decodeIfPresent(String.self, forKey: .approvalDescription)
        inferenceSpecification = try container.decodeIfPresent(ModelPackageInferenceSpecification.self, forKey: .inferenceSpecification)
        customerMetadata = try container.decodeIfPresent([String: String].self, forKey: .customerMetadata)
        creationTime = try container.decode(Date.self, forKey: .creationTime)
        lastModifiedTime = try container.decodeIfPresent(Date.self, forKey: .lastModifiedTime)
    }
}

/// One row of ListModelPackages (`ModelPackageSummary`).
public struct ModelPackageSummary: Sendable, Equatable, Decodable {
    public var arn: String
    public var groupName: String?
    public var version: Int?
    public var description: String?
    public var status: ModelPackageStatus
    public var approvalStatus: ModelApprovalStatus?
    public var creationTime: Date

    public init(
        arn: String, groupName: String? = nil, version: Int? = nil, description: String? = nil, status: ModelPackageStatus,
        approvalStatus: ModelApprovalStatus? = nil, creationTime: Date
    ) {
        self.arn = arn
        self.groupName = groupName
        self.version = version
        self.description = description
        self.status = status
        self.approvalStatus = approvalStatus
        self.creationTime = creationTime
    }

    enum CodingKeys: String, CodingKey {
        case arn = "ModelPackageArn", groupName = "ModelPackageGroupName", version = "ModelPackageVersion"
        case description = "ModelPackageDescription", status = "ModelPackageStatus", approvalStatus = "ModelApprovalStatus"
        case creationTime = "CreationTime"
    }
}

/// The filters and order of ListModelPackages.
public struct ModelPackageQuery: Sendable, Equatable {
    public enum SortBy: String, Sendable, Equatable, Encodable {
        case name = "Name"
        case creationTime = "CreationTime"
    }

    public enum SortOrder: String, Sendable, Equatable, Encodable {
        case ascending = "Ascending"
        case descending = "Descending"
    }

    /// The group's name or ARN.
    public var groupName: String?
    public var approvalStatus: ModelApprovalStatus?
    public var sortBy: SortBy?
    public var sortOrder: SortOrder?
    /// Page size, 1–100 (AWS default 10).
    public var maxResults: Int?

    public init(
        groupName: String? = nil, approvalStatus: ModelApprovalStatus? = nil, sortBy: SortBy? = .creationTime, sortOrder: SortOrder? = nil,
        maxResults: Int? = nil
    ) {
        self.groupName = groupName
        self.approvalStatus = approvalStatus
        self.sortBy = sortBy
        self.sortOrder = sortOrder
        self.maxResults = maxResults
    }

    /// The newest approved version of `group` first: what a deployment picks.
    public static func latestApproved(in group: String) -> ModelPackageQuery {
        ModelPackageQuery(groupName: group, approvalStatus: .approved, sortBy: .creationTime, sortOrder: .descending, maxResults: 1)
    }
}

/// One page of ListModelPackages.
public struct ModelPackagePage: Sendable, Equatable {
    public var summaries: [ModelPackageSummary]
    /// Pass to the next call; nil on the last page.
    public var nextToken: String?

    public init(summaries: [ModelPackageSummary], nextToken: String?) {
        self.summaries = summaries
        self.nextToken = nextToken
    }
}
