import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct SageMakerClientTests {
    typealias R = SageMakerResponses

    // MARK: - Projects

    @Test func createProjectSendsTheProvisioningDetailsAndReadsTheIds() async throws {
        let transport = ScriptedTransport([.status(200, body: R.createProject)])
        let request = CreateSageMakerProjectRequest(
            projectName: "churn-build", projectDescription: "Churn model build and deploy",
            provisioning: ServiceCatalogProvisioning(
                productId: "prod-7bbq3ggcnvp2m", provisioningArtifactId: "pa-2yb7uyqrhtb5s",
                parameters: [.init(key: "Stage", value: "dev")]),
            tags: [SageMakerTag(key: "mlops:stage", value: "dev")])

        let created = try await TestClients.sageMaker(transport).createProject(request)

        #expect(created == CreatedSageMakerProject(arn: "arn:aws:sagemaker:eu-west-1:111111111111:project/churn-build", id: "p-ixkqiw4cenmo"))
        let sent = try #require(transport.requests.first)
        #expect(sent.url.absoluteString == "https://api.sagemaker.eu-west-1.amazonaws.com/")
        #expect(sent.headers["X-Amz-Target"] == "SageMaker.CreateProject")
        #expect(sent.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(TestClients.credentialScope(sent)?.service == "sagemaker")
        #expect(
            TestClients.body(sent)
                == #"{"ProjectDescription":"Churn model build and deploy","ProjectName":"churn-build","ServiceCatalogProvisioningDetails":{"ProductId":"prod-7bbq3ggcnvp2m","ProvisioningArtifactId":"pa-2yb7uyqrhtb5s","ProvisioningParameters":[{"Key":"Stage","Value":"dev"}]},"Tags":[{"Key":"mlops:stage","Value":"dev"}]}"#)
    }

    @Test func createProjectLeavesOutEmptyOptionalMembers() async throws {
        let transport = ScriptedTransport([.status(200, body: R.createProject)])

        _ = try await TestClients.sageMaker(transport).createProject(
            CreateSageMakerProjectRequest(projectName: "p", provisioning: ServiceCatalogProvisioning(productId: "prod-1")))

        #expect(TestClients.body(transport.requests.first) == #"{"ProjectName":"p","ServiceCatalogProvisioningDetails":{"ProductId":"prod-1"}}"#)
    }

    @Test func describeProjectDecodesAFailedProvisioning() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeProjectFailed)])

        let project = try #require(try await TestClients.sageMaker(transport).describeProject(name: "churn-build"))

        #expect(project.status == .createFailed)
        #expect(!project.status.isInProgress)
        #expect(project.id == "p-ixkqiw4cenmo")
        #expect(project.description == "Churn model build and deploy")
        #expect(project.provisionedProduct?.id == "pp-6nbtxl5z5ljkq")
        #expect(project.provisionedProduct?.statusMessage?.contains("Unresolved resource dependencies") == true)
        #expect(project.provisioning?.provisioningArtifactId == "pa-2yb7uyqrhtb5s")
        #expect(project.provisioning?.pathId == "lpv2-abcdefghijklm")
        #expect(project.provisioning?.parameters.map(\.key) == ["SageMakerProjectName", "Stage"])
        #expect(project.creationTime == Date(timeIntervalSince1970: 1_795_912_568.257))
        #expect(project.lastModifiedTime == Date(timeIntervalSince1970: 1_795_912_600))
        #expect(TestClients.body(transport.requests.first) == #"{"ProjectName":"churn-build"}"#)
    }

    @Test(arguments: [SageMakerProjectStatus.pending, .createInProgress, .deleteInProgress, .updateInProgress])
    func inProgressProjectStatuses(_ status: SageMakerProjectStatus) {
        #expect(status.isInProgress)
    }

    // MARK: - Not found

    /// The messages AWS and moto answer for missing resources.
    static let missing: [(code: String, message: String)] = [
        ("ValidationException", "Project churn-build does not exist."),
        ("ValidationException", "ModelPackageGroup arn:aws:sagemaker:eu-west-1:111111111111:model-package-group/nope does not exist."),
        ("ValidationException", "Model package nope not found"),
        ("ValidationException", "Could not find endpoint \\\"arn:aws:sagemaker:eu-west-1:111111111111:endpoint/nope\\\"."),
        ("ResourceNotFound", "Resource not found"),
    ]

    @Test(arguments: missing)
    func everyDescribeIsNilWhenTheResourceIsMissing(_ code: String, _ message: String) async throws {
        let body = #"{"__type":"\#(code)","message":"\#(message)"}"#
        let transport = ScriptedTransport(Array(repeating: .status(400, body: body), count: 6))
        let sageMaker = TestClients.sageMaker(transport)

        #expect(try await sageMaker.describeProject(name: "nope") == nil)
        #expect(try await sageMaker.describeModelPackageGroup(name: "nope") == nil)
        #expect(try await sageMaker.describeModelPackage(name: "nope") == nil)
        #expect(try await sageMaker.describeEndpoint(name: "nope") == nil)
        #expect(try await sageMaker.deleteProject(name: "nope") == false)
        #expect(try await sageMaker.deleteModelPackageGroup(name: "nope") == false)
        #expect(
            transport.requests.map { $0.headers["X-Amz-Target"] } == [
                "SageMaker.DescribeProject", "SageMaker.DescribeModelPackageGroup", "SageMaker.DescribeModelPackage", "SageMaker.DescribeEndpoint",
                "SageMaker.DeleteProject", "SageMaker.DeleteModelPackageGroup",
            ])
    }

    @Test func otherValidationErrorsAreThrown() async throws {
        let body = R.validation("1 validation error detected: Value 'bad name!' at 'projectName' failed to satisfy constraint: Member must satisfy regular expression pattern")
        let transport = ScriptedTransport([.status(400, body: body), .status(400, body: #"{"__type":"ConflictException","message":"group has versions"}"#)])
        let sageMaker = TestClients.sageMaker(transport)

        let error = await #expect(throws: AWSServiceError.self) { _ = try await sageMaker.describeProject(name: "bad name!") }
        #expect(error?.code == "ValidationException")
        let conflict = await #expect(throws: AWSServiceError.self) { try await sageMaker.deleteModelPackageGroup(name: "mlops-churn") }
        #expect(conflict?.code == "ConflictException")
    }

    @Test func moto500ForProjectsIsThrown() async throws {
        // emulator-notes §5: moto has no project operations and answers 500 with an HTML page.
        let transport = ScriptedTransport(Array(repeating: .status(500, body: "<!DOCTYPE html><title>500 Internal Server Error</title>"), count: 3))

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.sageMaker(transport).describeProject(name: "p") }

        #expect(error?.statusCode == 500)
    }

    // MARK: - Endpoints

    @Test func describeEndpointDecodesVariantsAndImages() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeEndpointAWS)])

        let endpoint = try #require(try await TestClients.sageMaker(transport).describeEndpoint(name: "churn-prod"))

        #expect(endpoint.status == .updating)
        #expect(endpoint.configName == "churn-prod-config-3")
        #expect(endpoint.arn == "arn:aws:sagemaker:eu-west-1:111111111111:endpoint/churn-prod")
        let variant = try #require(endpoint.variants.first)
        #expect(variant.name == "AllTraffic")
        #expect(variant.currentWeight == 1.0)
        #expect(variant.currentInstanceCount == 2)
        #expect(variant.deployedImages?.first?.specifiedImage == R.image)
        #expect(variant.deployedImages?.first?.resolvedImage == R.image + "@sha256:0b2a")
        #expect(endpoint.lastModifiedTime == Date(timeIntervalSince1970: 1_795_913_000))
        #expect(TestClients.body(transport.requests.first) == #"{"EndpointName":"churn-prod"}"#)
    }

    @Test func describeEndpointReadsMotosShorterForm() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeEndpointMoto)])

        let endpoint = try #require(try await TestClients.sageMaker(transport).describeEndpoint(name: "e"))

        #expect(endpoint.status == .inService)
        #expect(endpoint.variants == [SageMakerEndpoint.Variant(name: "AllTraffic", currentInstanceCount: 1, desiredInstanceCount: 1)])
        #expect(endpoint.failureReason == nil)
    }

    @Test(arguments: [
        (#"{"EndpointName":"e","EndpointArn":"a","CreationTime":1,"LastModifiedTime":1}"#, "no 'EndpointStatus' field"),
        (#"{"EndpointName":"e","EndpointArn":"a","EndpointStatus":"InService","CreationTime":"yesterday","LastModifiedTime":1}"#, "'CreationTime' is malformed"),
        ("<html>", "the body is not JSON"),
    ])
    func malformedEndpointsNameTheField(_ body: String, _ reason: String) async throws {
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.sageMaker(transport).describeEndpoint(name: "e") }

        #expect(error?.kind == .undecodableResponse(reason: reason))
    }
}
