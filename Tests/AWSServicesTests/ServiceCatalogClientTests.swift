import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct ServiceCatalogClientTests {
    typealias R = RegistryResponses

    @Test func describeProductAsAdminReadsTheProductAndItsVersions() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeProductAsAdmin)])

        let product = try #require(try await TestClients.serviceCatalog(transport).describeProductAsAdmin(id: R.productId))

        #expect(product.id == R.productId)
        #expect(product.name == "mlops-model-build-deploy")
        #expect(product.owner == "platform-team")
        #expect(product.type == "CLOUD_FORMATION_TEMPLATE")
        #expect(product.status == "AVAILABLE")
        #expect(product.arn == "arn:aws:catalog:eu-west-1:111111111111:product/\(R.productId)")
        #expect(product.provisioningArtifacts == [
            ProvisioningArtifactSummary(id: "pa-2yb7uyqrhtb5s", name: "v1", description: "first release", createdTime: Date(timeIntervalSince1970: 1_795_912_568)),
            ProvisioningArtifactSummary(id: "pa-6eomkjbvh5jcu", name: "v2", description: "bucket policy fix", createdTime: Date(timeIntervalSince1970: 1_795_999_999.5)),
        ])
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://servicecatalog.eu-west-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "AWS242ServiceCatalogService.DescribeProductAsAdmin")
        #expect(TestClients.credentialScope(request)?.service == "servicecatalog")
        #expect(TestClients.body(request) == #"{"Id":"\#(R.productId)"}"#)
    }

    @Test func aMissingProductIsNil() async throws {
        let transport = ScriptedTransport([.status(400, body: R.serviceCatalogNotFound())])

        #expect(try await TestClients.serviceCatalog(transport).describeProductAsAdmin(id: "prod-missing") == nil)
    }

    @Test func motoNotImplementingTheOperationIsThrownNotNil() async throws {
        // emulator-notes §4: moto answers DescribeProductAsAdmin with a 500 HTML page.
        let transport = ScriptedTransport(Array(repeating: .status(500, body: "<!DOCTYPE html><title>500</title>"), count: 3))

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.serviceCatalog(transport).describeProductAsAdmin(id: R.productId)
        }

        #expect(error?.statusCode == 500)
    }

    @Test func listProvisioningArtifactsReadsActiveAndGuidance() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listProvisioningArtifacts)])

        let artifacts = try await TestClients.serviceCatalog(transport).listProvisioningArtifacts(productId: R.productId)

        #expect(artifacts.map(\.id) == ["pa-2yb7uyqrhtb5s", "pa-6eomkjbvh5jcu"])
        #expect(artifacts.map(\.name) == ["v1", "v2"])
        #expect(artifacts.map(\.active) == [false, true])
        #expect(artifacts.map(\.guidance) == ["DEPRECATED", "DEFAULT"])
        #expect(artifacts.last?.createdTime == Date(timeIntervalSince1970: 1_795_999_999.5))
        #expect(transport.requests.first?.headers["X-Amz-Target"] == "AWS242ServiceCatalogService.ListProvisioningArtifacts")
        #expect(TestClients.body(transport.requests.first) == #"{"ProductId":"\#(R.productId)"}"#)
    }

    @Test func listProvisioningArtifactsOfAMissingProductIsThrown() async throws {
        let transport = ScriptedTransport([.status(400, body: R.serviceCatalogNotFound())])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.serviceCatalog(transport).listProvisioningArtifacts(productId: "prod-missing")
        }

        #expect(error?.code == "ResourceNotFoundException")
    }

    @Test func anEmptyListIsNoArtifacts() async throws {
        let transport = ScriptedTransport([.status(200, body: "{}")])

        #expect(try await TestClients.serviceCatalog(transport).listProvisioningArtifacts(productId: "prod-1").isEmpty)
    }
}
