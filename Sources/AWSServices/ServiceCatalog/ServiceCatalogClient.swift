import AWSWire
import Foundation

/// AWS Service Catalog (JSON 1.1, `AWS242ServiceCatalogService` target, API 2015-12-10): reading a
/// product's versions (provisioning artifacts), which a SageMaker project is launched from.
///
/// Moto implements neither operation (500, see emulator-notes §4); they are exercised against
/// scripted responses only.
public struct ServiceCatalogClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.serviceCatalog`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// DescribeProductAsAdmin by product id. Returns nil when no product has this id (`ResourceNotFoundException`).
    public func describeProductAsAdmin(id: String) async throws -> ServiceCatalogProduct? {
        let output: DescribeProductAsAdminOutput
        do {
            output = try await client.jsonCall("DescribeProductAsAdmin", DescribeProductAsAdminInput(Id: id))
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
        let detail = output.ProductViewDetail
        let summary = detail?.ProductViewSummary
        return ServiceCatalogProduct(
            id: summary?.ProductId ?? id, name: summary?.Name, owner: summary?.Owner, type: summary?.Type, status: detail?.Status,
            arn: detail?.ProductARN, createdTime: detail?.CreatedTime, provisioningArtifacts: output.ProvisioningArtifactSummaries ?? [])
    }

    /// ListProvisioningArtifacts: every version of the product (the operation has no paging input).
    /// A missing product is thrown (`ResourceNotFoundException`).
    public func listProvisioningArtifacts(productId: String) async throws -> [ProvisioningArtifact] {
        try await client.jsonCall("ListProvisioningArtifacts", ListProvisioningArtifactsInput(ProductId: productId), as: ListProvisioningArtifactsOutput.self)
            .ProvisioningArtifactDetails ?? []
    }
}
