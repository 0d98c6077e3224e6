import Foundation

// Wire shapes of the SageMaker operations (JSON 1.1 member names). Outputs that map one to one onto a
// public type decode straight into it; these are the inputs and the thin output wrappers.

struct CreateProjectInput: Encodable {
    var ProjectName: String
    var ProjectDescription: String?
    var ServiceCatalogProvisioningDetails: ServiceCatalogProvisioning
    var Tags: [SageMakerTag]?
}

struct ProjectNameInput: Encodable {
    var ProjectName: String
}

struct CreateModelPackageGroupInput: Encodable {
    var ModelPackageGroupName: String
    var ModelPackageGroupDescription: String?
    var Tags: [SageMakerTag]?
}

struct CreateModelPackageGroupOutput: Decodable {
    var ModelPackageGroupArn: String
}

struct ModelPackageGroupNameInput: Encodable {
    var ModelPackageGroupName: String
}

struct CreateModelPackageInput: Encodable {
    var ModelPackageGroupName: String
    var ModelPackageDescription: String?
    var ModelApprovalStatus: ModelApprovalStatus
    var InferenceSpecification: ModelPackageInferenceSpecification
    var CustomerMetadataProperties: [String: String]?
    var Tags: [SageMakerTag]?
    var ClientToken: String?
}

struct ModelPackageArnOutput: Decodable {
    var ModelPackageArn: String
}

struct DescribeModelPackageInput: Encodable {
    var ModelPackageName: String
}

struct UpdateModelPackageInput: Encodable {
    var ModelPackageArn: String
    var ModelApprovalStatus: ModelApprovalStatus
    var ApprovalDescription: String?
    var ClientToken: String?
}

struct ListModelPackagesInput: Encodable {
    var ModelPackageGroupName: String?
    var ModelApprovalStatus: ModelApprovalStatus?
    var SortBy: ModelPackageQuery.SortBy?
    var SortOrder: ModelPackageQuery.SortOrder?
    var MaxResults: Int?
    var NextToken: String?

    init(_ query: ModelPackageQuery, nextToken: String?) {
        ModelPackageGroupName = query.groupName
        ModelApprovalStatus = query.approvalStatus
        SortBy = query.sortBy
        SortOrder = query.sortOrder
        MaxResults = query.maxResults
        NextToken = nextToken
    }
}

struct ListModelPackagesOutput: Decodable {
    var ModelPackageSummaryList: [ModelPackageSummary]
    var NextToken: String?
}

struct DescribeEndpointInput: Encodable {
    var EndpointName: String
}
