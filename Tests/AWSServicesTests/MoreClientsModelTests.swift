import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Every operation of the SageMaker, Service Catalog, KMS and ECR clients and of the S3 version,
/// batch-delete, multipart and policy calls, called with every optional member the client supports;
/// the request on the wire is checked against botocore's model (and JSON enum values against the
/// model's enums).
@Suite struct MoreClientsModelTests {
    typealias SM = SageMakerResponses
    typealias RR = RegistryResponses

    enum Operation: String, CaseIterable, Sendable {
        case sagemakerCreateProject, sagemakerDescribeProject, sagemakerDeleteProject, sagemakerCreateModelPackageGroup
        case sagemakerDescribeModelPackageGroup, sagemakerDeleteModelPackageGroup, sagemakerCreateModelPackage, sagemakerDescribeModelPackage
        case sagemakerUpdateModelPackage, sagemakerListModelPackages, sagemakerDescribeEndpoint
        case servicecatalogDescribeProductAsAdmin, servicecatalogListProvisioningArtifacts
        case kmsDescribeKey, kmsScheduleKeyDeletion
        case ecrListImages, ecrBatchDeleteImage, ecrDeleteRepository, ecrDescribeRepositories
        case s3ListObjectVersions, s3DeleteObjects, s3ListMultipartUploads, s3AbortMultipartUpload, s3PutBucketPolicy, s3GetBucketPolicy
        case s3DeleteBucketPolicy

        static let services = ["sagemaker", "servicecatalog", "kms", "ecr", "s3"]

        var botocoreService: String { Self.services.first { rawValue.hasPrefix($0) }! }
        var modelName: String { String(rawValue.dropFirst(botocoreService.count)) }

        var reply: ScriptedTransport.Reply {
            switch self {
            case .sagemakerCreateProject: .status(200, body: SM.createProject)
            case .sagemakerDescribeProject: .status(200, body: SM.describeProjectFailed)
            case .sagemakerCreateModelPackageGroup: .status(200, body: SM.createModelPackageGroup())
            case .sagemakerDescribeModelPackageGroup: .status(200, body: SM.describeModelPackageGroup)
            case .sagemakerCreateModelPackage, .sagemakerUpdateModelPackage: .status(200, body: SM.packageArnOutput(1))
            case .sagemakerDescribeModelPackage: .status(200, body: SM.describeModelPackageAWS)
            case .sagemakerListModelPackages: .status(200, body: SM.listModelPackages([SM.summary(1)]))
            case .sagemakerDescribeEndpoint: .status(200, body: SM.describeEndpointAWS)
            case .servicecatalogDescribeProductAsAdmin: .status(200, body: RR.describeProductAsAdmin)
            case .servicecatalogListProvisioningArtifacts: .status(200, body: RR.listProvisioningArtifacts)
            case .kmsDescribeKey: .status(200, body: RR.describeKeyEnabled)
            case .kmsScheduleKeyDeletion: .status(200, body: RR.scheduleKeyDeletion)
            case .ecrListImages: .status(200, body: RR.listImages([(RR.digestA, "v1")]))
            case .ecrBatchDeleteImage: .status(200, body: RR.batchDeleteImagePartial)
            case .ecrDeleteRepository: .status(200, body: RR.deleteRepository)
            case .ecrDescribeRepositories: .status(200, body: RR.describeRepositories)
            case .s3ListObjectVersions: .status(200, body: S3VersionResponses.page([S3VersionResponses.version("k", "v")]))
            case .s3DeleteObjects: .status(200, body: S3VersionResponses.deleteResult())
            case .s3ListMultipartUploads: .status(200, body: S3VersionResponses.listMultipartUploadsEmpty)
            case .s3GetBucketPolicy: .status(200, body: S3VersionResponses.policy)
            case .sagemakerDeleteProject, .sagemakerDeleteModelPackageGroup: .status(200, body: "{}")
            case .s3AbortMultipartUpload, .s3PutBucketPolicy, .s3DeleteBucketPolicy: .status(204)
            }
        }

        func call(_ transport: ScriptedTransport) async throws {
            let sageMaker = TestClients.sageMaker(transport)
            let ecr = TestClients.ecr(transport)
            let s3 = TestClients.s3(transport, region: "eu-west-1", endpoint: S3VersionsTests.emulator)
            let tags = [SageMakerTag(key: "mlops:stage", value: "dev")]
            switch self {
            case .sagemakerCreateProject:
                _ = try await sageMaker.createProject(
                    CreateSageMakerProjectRequest(
                        projectName: "churn-build", projectDescription: "d",
                        provisioning: ServiceCatalogProvisioning(
                            productId: "prod-7bbq3ggcnvp2m", provisioningArtifactId: "pa-2yb7uyqrhtb5s", pathId: "lpv2-abcdefghijklm",
                            parameters: [.init(key: "Stage", value: "dev")]), tags: tags))
            case .sagemakerDescribeProject: _ = try await sageMaker.describeProject(name: "churn-build")
            case .sagemakerDeleteProject: try await sageMaker.deleteProject(name: "churn-build")
            case .sagemakerCreateModelPackageGroup: _ = try await sageMaker.createModelPackageGroup(name: "mlops-churn", description: "d", tags: tags)
            case .sagemakerDescribeModelPackageGroup: _ = try await sageMaker.describeModelPackageGroup(name: "mlops-churn")
            case .sagemakerDeleteModelPackageGroup: try await sageMaker.deleteModelPackageGroup(name: "mlops-churn")
            case .sagemakerCreateModelPackage:
                _ = try await sageMaker.createModelPackage(
                    CreateModelPackageRequest(
                        groupName: "mlops-churn", description: "d", approvalStatus: .pendingManualApproval,
                        inferenceSpecification: ModelPackageInferenceSpecification(
                            containers: [.init(image: SM.image, modelDataUrl: SM.modelData, imageDigest: "sha256:0b2a", environment: ["A": "1"])],
                            supportedContentTypes: ["text/csv"], supportedResponseMIMETypes: ["text/csv"],
                            supportedRealtimeInferenceInstanceTypes: ["ml.m5.large"], supportedTransformInstanceTypes: ["ml.m5.large"]),
                        customerMetadata: ["run": "42"], tags: tags))
            case .sagemakerDescribeModelPackage: _ = try await sageMaker.describeModelPackage(name: SM.packageArn(1))
            case .sagemakerUpdateModelPackage:
                try await sageMaker.updateModelPackage(arn: SM.packageArn(1), approvalStatus: .approved, approvalDescription: "ok")
            case .sagemakerListModelPackages:
                _ = try await sageMaker.listModelPackages(
                    ModelPackageQuery(groupName: "mlops-churn", approvalStatus: .approved, sortBy: .creationTime, sortOrder: .descending, maxResults: 5),
                    nextToken: "t")
            case .sagemakerDescribeEndpoint: _ = try await sageMaker.describeEndpoint(name: "churn-prod")
            case .servicecatalogDescribeProductAsAdmin: _ = try await TestClients.serviceCatalog(transport).describeProductAsAdmin(id: RR.productId)
            case .servicecatalogListProvisioningArtifacts:
                _ = try await TestClients.serviceCatalog(transport).listProvisioningArtifacts(productId: RR.productId)
            case .kmsDescribeKey: _ = try await TestClients.kms(transport).describeKey("alias/mlops")
            case .kmsScheduleKeyDeletion: _ = try await TestClients.kms(transport).scheduleKeyDeletion(RR.keyId, pendingWindowInDays: 7)
            case .ecrListImages: _ = try await ecr.listImages(repositoryName: "mlops/churn", registryId: "111111111111")
            case .ecrBatchDeleteImage:
                _ = try await ecr.batchDeleteImage(
                    repositoryName: "mlops/churn", imageIds: [.init(tag: "v1"), .init(digest: RR.digestB)], registryId: "111111111111")
            case .ecrDeleteRepository: try await ecr.deleteRepository(name: "mlops/churn", force: true, registryId: "111111111111")
            case .ecrDescribeRepositories: _ = try await ecr.describeRepositories(names: ["mlops/churn"], registryId: "111111111111")
            case .s3ListObjectVersions:
                _ = try await s3.listObjectVersions(bucket: "mlops-artifacts", prefix: "p/", from: S3VersionMarker(keyMarker: "k", versionIdMarker: "v"), maxKeys: 2)
            case .s3DeleteObjects:
                _ = try await s3.deleteObjects(bucket: "mlops-artifacts", objects: [.init(key: "dir/a b.txt", versionId: "v1"), .init(key: "k")])
            case .s3ListMultipartUploads:
                _ = try await s3.listMultipartUploads(bucket: "mlops-artifacts", prefix: "p/", keyMarker: "k", uploadIdMarker: "u", maxUploads: 10)
            case .s3AbortMultipartUpload: try await s3.abortMultipartUpload(bucket: "mlops-artifacts", key: "dir/a b.bin", uploadId: "u")
            case .s3PutBucketPolicy: try await s3.putBucketPolicy(bucket: "mlops-artifacts", policy: S3VersionResponses.policy)
            case .s3GetBucketPolicy: _ = try await s3.getBucketPolicy(bucket: "mlops-artifacts")
            case .s3DeleteBucketPolicy: try await s3.deleteBucketPolicy(bucket: "mlops-artifacts")
            }
        }
    }

    @Test func everyOperationIsCovered() {
        // 11 SageMaker + 2 Service Catalog + 2 KMS + 4 ECR + 7 S3: a new client method must be added here too.
        #expect(Operation.allCases.count == 26)
        #expect(Set(Operation.allCases.map(\.modelName)).count == 26)
        #expect(Set(Operation.allCases.map(\.botocoreService)) == Set(Operation.services))
    }

    @Test(arguments: Operation.allCases)
    func requestMatchesTheBotocoreModel(_ operation: Operation) async throws {
        guard let checker = BotocoreCheck.checker(operation.botocoreService) else { return }
        #expect(checker.model.operation(operation.modelName) != nil, "botocore has no \(operation.modelName)")
        let transport = ScriptedTransport([operation.reply])

        try await operation.call(transport)

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(BotocoreCheck.problems(checker, operation.modelName, request) == [])
        if checker.model.protocolName == "json" {
            #expect(Self.enumProblems(checker.model, operation.modelName, request.body) == [])
        }
    }

    // MARK: - The checks notice mistakes (one per service)

    @Test func aMisspeltSageMakerMemberIsCaughtAtAnyDepth() throws {
        guard let checker = BotocoreCheck.checker("sagemaker") else { return }
        let client = TestClients.client(.sageMaker, transport: ScriptedTransport([]))
        struct Container: Encodable { var Image = "i"; var ModelDataURL = "s3://b/m" }
        struct Specification: Encodable { var Containers = [Container()] }
        struct Typo: Encodable { var ModelPackageGroupNam = "g"; var InferenceSpecification = Specification() }

        let problems = BotocoreCheck.problems(checker, "CreateModelPackage", try client.jsonRequest(operation: "CreateModelPackage", input: Typo()))

        #expect(problems.contains { $0.contains("'ModelPackageGroupNam' is not a member") })
        #expect(problems.contains { $0.contains("CreateModelPackage.InferenceSpecification.Containers[0]: 'ModelDataURL' is not a member") })
    }

    @Test func aWrongSageMakerEnumValueIsCaught() throws {
        guard let checker = BotocoreCheck.checker("sagemaker") else { return }
        let body = Data(#"{"ModelPackageArn":"a","ModelApprovalStatus":"Approve"}"#.utf8)

        #expect(Self.enumProblems(checker.model, "UpdateModelPackage", body) == ["UpdateModelPackage.ModelApprovalStatus: 'Approve' is not one of Approved, Rejected, PendingManualApproval"])
    }

    @Test func aMisspeltServiceCatalogMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("servicecatalog") else { return }
        let client = TestClients.client(.serviceCatalog, transport: ScriptedTransport([]))
        struct Typo: Encodable { var ProductID = "prod-1" }

        let problems = BotocoreCheck.problems(checker, "ListProvisioningArtifacts", try client.jsonRequest(operation: "ListProvisioningArtifacts", input: Typo()))

        #expect(problems.contains { $0.contains("'ProductID' is not a member") })
        #expect(problems.contains { $0.contains("required member 'ProductId' is missing") })
    }

    @Test func aMisspeltKMSMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("kms") else { return }
        let client = TestClients.client(.kms, transport: ScriptedTransport([]))
        struct Typo: Encodable { var KeyId = "k"; var PendingWindowDays = 7 }

        let problems = BotocoreCheck.problems(checker, "ScheduleKeyDeletion", try client.jsonRequest(operation: "ScheduleKeyDeletion", input: Typo()))

        #expect(problems.contains { $0.contains("'PendingWindowDays' is not a member") })
    }

    @Test func aWronglyCasedECRMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("ecr") else { return }
        let client = TestClients.client(.ecr, transport: ScriptedTransport([]))
        // ECR members are camelCase; the Pascal case of most JSON services is a mistake here.
        struct Typo: Encodable { var RepositoryName = "r"; var imageIds = [["imageTag": "v1"]] }

        let problems = BotocoreCheck.problems(checker, "BatchDeleteImage", try client.jsonRequest(operation: "BatchDeleteImage", input: Typo()))

        #expect(problems.contains { $0.contains("'RepositoryName' is not a member") })
        #expect(problems.contains { $0.contains("required member 'repositoryName' is missing") })
    }

    @Test func aMisspeltDeleteObjectsElementIsCaught() throws {
        guard let checker = BotocoreCheck.checker("s3") else { return }
        let client = TestClients.client(.s3, endpoint: S3VersionsTests.emulator, transport: ScriptedTransport([]))
        let body = Data(#"<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Objects><Key>k</Key></Objects><Quiet>true</Quiet></Delete>"#.utf8)

        let problems = BotocoreCheck.problems(
            checker, "DeleteObjects", client.s3Request(method: "POST", bucket: "b", query: [("delete", nil)], body: body))

        #expect(problems.contains { $0.contains("<Objects> is not a member") })
        #expect(problems.contains { $0.contains("required <Objects> is missing") })
    }

    // MARK: - Enum values

    /// String members whose model shape is an enum must hold one of its values.
    static func enumProblems(_ model: BotocoreModel, _ operation: String, _ body: Data) -> [String] {
        guard let input = ((model.operation(operation)?["input"] as? [String: Any])?["shape"] as? String).flatMap(model.shape),
            let object = try? JSONSerialization.jsonObject(with: body)
        else { return [] }
        func walk(_ value: Any, _ shape: [String: Any], _ path: String) -> [String] {
            switch shape["type"] as? String {
            case "structure":
                let members = shape["members"] as? [String: Any] ?? [:]
                return (value as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.flatMap { key, child -> [String] in
                    guard let target = ((members[key] as? [String: Any])?["shape"] as? String).flatMap(model.shape) else { return [] }
                    return walk(child, target, "\(path).\(key)")
                }
            case "list":
                guard let target = ((shape["member"] as? [String: Any])?["shape"] as? String).flatMap(model.shape) else { return [] }
                return (value as? [Any] ?? []).enumerated().flatMap { walk($0.element, target, "\(path)[\($0.offset)]") }
            case "string":
                guard let allowed = shape["enum"] as? [String], let text = value as? String, !allowed.contains(text) else { return [] }
                return ["\(path): '\(text)' is not one of \(allowed.joined(separator: ", "))"]
            default:
                return []
            }
        }
        return walk(object, input, operation)
    }
}
