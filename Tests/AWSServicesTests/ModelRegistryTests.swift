import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// The SageMaker model registry: groups, versions, approval and listing.
@Suite struct ModelRegistryTests {
    typealias R = SageMakerResponses

    static let specification = ModelPackageInferenceSpecification(
        containers: [.init(image: R.image, modelDataUrl: R.modelData)], supportedContentTypes: ["text/csv"], supportedResponseMIMETypes: ["text/csv"],
        supportedRealtimeInferenceInstanceTypes: ["ml.m5.large"], supportedTransformInstanceTypes: ["ml.m5.large"])

    @Test func createAndDescribeAGroup() async throws {
        let transport = ScriptedTransport([.status(200, body: R.createModelPackageGroup()), .status(200, body: R.describeModelPackageGroup)])
        let sageMaker = TestClients.sageMaker(transport)

        let arn = try await sageMaker.createModelPackageGroup(name: "mlops-churn", description: "Churn models", tags: [.init(key: "k", value: "v")])
        let group = try #require(try await sageMaker.describeModelPackageGroup(name: "mlops-churn"))

        #expect(arn == R.groupArn)
        #expect(group == ModelPackageGroup(
            name: "mlops-churn", arn: R.groupArn, description: "Churn models", status: .completed,
            creationTime: Date(timeIntervalSince1970: 1_795_912_568.257)))
        #expect(
            TestClients.body(transport.requests.first)
                == #"{"ModelPackageGroupDescription":"Churn models","ModelPackageGroupName":"mlops-churn","Tags":[{"Key":"k","Value":"v"}]}"#)
        #expect(TestClients.body(transport.requests.last) == #"{"ModelPackageGroupName":"mlops-churn"}"#)
    }

    @Test func createModelPackageSendsTheInferenceSpecification() async throws {
        let transport = ScriptedTransport([.status(200, body: R.packageArnOutput(4))])

        let arn = try await TestClients.sageMaker(transport).createModelPackage(
            CreateModelPackageRequest(
                groupName: "mlops-churn", description: "xgboost churn", inferenceSpecification: Self.specification,
                customerMetadata: ["trainingRun": "training-42"], clientToken: "register-training-42"))

        #expect(arn == R.packageArn(4))
        let sent = try #require(transport.requests.first)
        #expect(sent.headers["X-Amz-Target"] == "SageMaker.CreateModelPackage")
        #expect(
            TestClients.body(sent)
                == #"{"ClientToken":"register-training-42","CustomerMetadataProperties":{"trainingRun":"training-42"},"InferenceSpecification":{"Containers":[{"Image":"141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1","ModelDataUrl":"s3://mlops-artifacts-111111111111/churn/training-42/output/model.tar.gz"}],"SupportedContentTypes":["text/csv"],"SupportedRealtimeInferenceInstanceTypes":["ml.m5.large"],"SupportedResponseMIMETypes":["text/csv"],"SupportedTransformInstanceTypes":["ml.m5.large"]},"ModelApprovalStatus":"PendingManualApproval","ModelPackageDescription":"xgboost churn","ModelPackageGroupName":"mlops-churn"}"#)
    }

    @Test func describeModelPackageDecodesAnApprovedVersion() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeModelPackageAWS)])

        let package = try #require(try await TestClients.sageMaker(transport).describeModelPackage(name: R.packageArn(3)))

        #expect(package.name == "mlops-churn")
        #expect(package.version == 3)
        #expect(package.status == .completed)
        #expect(package.approvalStatus == .approved)
        #expect(package.approvalDescription == "AUC 0.91 on holdout")
        #expect(package.customerMetadata == ["trainingRun": "training-42"])
        #expect(package.creationTime == Date(timeIntervalSince1970: 1_795_912_568.257))
        #expect(package.lastModifiedTime == Date(timeIntervalSince1970: 1_795_913_000.5))
        let container = try #require(package.inferenceSpecification?.containers.first)
        #expect(container.image == R.image)
        #expect(container.modelDataUrl == R.modelData)
        #expect(container.imageDigest?.hasPrefix("sha256:0b2a") == true)
        #expect(package.inferenceSpecification?.supportedRealtimeInferenceInstanceTypes == ["ml.t2.medium", "ml.m5.large"])
        #expect(TestClients.body(transport.requests.first) == #"{"ModelPackageName":"\#(R.packageArn(3))"}"#)
    }

    @Test func describeModelPackageTakesTheGroupNameWhenMotoLeavesOutTheName() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeModelPackageMoto)])

        let package = try #require(try await TestClients.sageMaker(transport).describeModelPackage(name: R.packageArn(1)))

        #expect(package.name == "mlops-churn")
        #expect(package.approvalStatus == .pendingManualApproval)
        #expect(package.lastModifiedTime == nil)
        #expect(package.inferenceSpecification?.containers.map(\.modelDataUrl) == ["s3://b/m.tar.gz"])
    }

    @Test func aPackageWithNeitherNameNorGroupIsUndecodable() async throws {
        let body = #"{"ModelPackageArn":"a","ModelPackageStatus":"Completed","CreationTime":1}"#
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.sageMaker(transport).describeModelPackage(name: "a") }

        #expect(error?.kind == .undecodableResponse(reason: "no 'ModelPackageName' field"))
    }

    @Test(arguments: [(ModelApprovalStatus.approved, "Approved"), (.rejected, "Rejected"), (.pendingManualApproval, "PendingManualApproval")])
    func updateModelPackageSendsTheApproval(_ status: ModelApprovalStatus, _ wire: String) async throws {
        let transport = ScriptedTransport([.status(200, body: R.packageArnOutput(3))])

        let arn = try await TestClients.sageMaker(transport).updateModelPackage(
            arn: R.packageArn(3), approvalStatus: status, approvalDescription: "reviewed by bob")

        #expect(arn == R.packageArn(3))
        let token = IdempotencyToken.derived(from: ["UpdateModelPackage", R.packageArn(3), wire, "reviewed by bob"])
        #expect(
            TestClients.body(transport.requests.first)
                == #"{"ApprovalDescription":"reviewed by bob","ClientToken":"\#(token)","ModelApprovalStatus":"\#(wire)","ModelPackageArn":"\#(R.packageArn(3))"}"#)
    }

    @Test func anUnknownApprovalStatusIsCarriedThrough() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listModelPackages([R.summary(1, status: "PendingAutomatedReview")]))])

        let page = try await TestClients.sageMaker(transport).listModelPackages(ModelPackageQuery(groupName: "mlops-churn"))

        #expect(page.summaries.first?.approvalStatus == ModelApprovalStatus(rawValue: "PendingAutomatedReview"))
    }

    // MARK: - Listing

    @Test func latestApprovedAsksForOneNewestApprovedVersion() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listModelPackages([R.summary(7)], nextToken: "page-2"))])

        let page = try await TestClients.sageMaker(transport).listModelPackages(.latestApproved(in: "mlops-churn"))

        #expect(
            TestClients.body(transport.requests.first)
                == #"{"MaxResults":1,"ModelApprovalStatus":"Approved","ModelPackageGroupName":"mlops-churn","SortBy":"CreationTime","SortOrder":"Descending"}"#)
        #expect(page.nextToken == "page-2")
        #expect(page.summaries == [
            ModelPackageSummary(
                arn: R.packageArn(7), groupName: "mlops-churn", version: 7, description: "v7", status: .completed, approvalStatus: .approved,
                creationTime: Date(timeIntervalSince1970: 1_795_912_568.257))
        ])
    }

    @Test func listAllFollowsNextTokenUntilTheLastPage() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listModelPackages([R.summary(1), R.summary(2)], nextToken: "t/2+")),
            .status(200, body: R.listModelPackages([R.summary(3)], nextToken: "t3")),
            .status(200, body: R.listModelPackages([R.summary(4)])),
        ])

        let all = try await TestClients.sageMaker(transport).listAllModelPackages(
            ModelPackageQuery(groupName: "mlops-churn", sortBy: .creationTime, sortOrder: .ascending, maxResults: 2))

        #expect(all.map(\.version) == [1, 2, 3, 4])
        #expect(transport.requests.map { TestClients.jsonBody($0)["NextToken"] as? String } == [nil, "t/2+", "t3"])
        #expect(transport.requests.allSatisfy { TestClients.jsonBody($0)["SortOrder"] as? String == "Ascending" })
    }

    @Test func anEmptyNextTokenEndsTheListing() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listModelPackages([R.summary(1)], nextToken: ""))])

        let all = try await TestClients.sageMaker(transport).listAllModelPackages(ModelPackageQuery(groupName: "g"))

        #expect(all.count == 1)
        #expect(transport.requests.count == 1)
    }

    @Test func aRepeatedNextTokenStopsTheListingInsteadOfLooping() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listModelPackages([R.summary(1)], nextToken: "same")),
            .status(200, body: R.listModelPackages([R.summary(2)], nextToken: "same")),
        ])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await TestClients.sageMaker(transport).listAllModelPackages(ModelPackageQuery(groupName: "g"))
        }

        #expect(error?.kind == .undecodableResponse(reason: "NextToken repeats the token of the request"))
        #expect(transport.requests.count == 2)
    }
}
