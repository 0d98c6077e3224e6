import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct ECRClientTests {
    typealias R = RegistryResponses

    @Test func listImagesFollowsEveryPage() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listImages([(R.digestA, "v1"), (R.digestA, "latest")], nextToken: "ukD72mdD/mC8b5xV3susmJzzaTgp3hKwR9nRUW1yZZ6dSsKmvFdH8yTZ5Q==")),
            .status(200, body: R.listImages([(R.digestB, nil)])),
        ])

        let images = try await TestClients.ecr(transport).listImages(repositoryName: "mlops/churn")

        #expect(images == [
            ECRImageIdentifier(digest: R.digestA, tag: "v1"), ECRImageIdentifier(digest: R.digestA, tag: "latest"), ECRImageIdentifier(digest: R.digestB),
        ])
        let first = try #require(transport.requests.first)
        #expect(first.url.absoluteString == "https://api.ecr.eu-west-1.amazonaws.com/")
        #expect(first.headers["X-Amz-Target"] == "AmazonEC2ContainerRegistry_V20150921.ListImages")
        #expect(TestClients.credentialScope(first)?.service == "ecr")
        #expect(TestClients.body(first) == #"{"maxResults":1000,"repositoryName":"mlops/churn"}"#)
        #expect(
            TestClients.body(transport.requests.last)
                == #"{"maxResults":1000,"nextToken":"ukD72mdD/mC8b5xV3susmJzzaTgp3hKwR9nRUW1yZZ6dSsKmvFdH8yTZ5Q==","repositoryName":"mlops/churn"}"#)
    }

    @Test func listImagesOfAMissingRepositoryIsThrown() async throws {
        let transport = ScriptedTransport([.status(400, body: R.ecrNotFound("nope"))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.ecr(transport).listImages(repositoryName: "nope") }

        #expect(error?.code == "RepositoryNotFoundException")
    }

    @Test func aRepeatedNextTokenIsAnError() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listImages([(R.digestA, nil)], nextToken: "t")), .status(200, body: R.listImages([(R.digestB, nil)], nextToken: "t")),
        ])

        await #expect(throws: AWSClientError.self) { _ = try await TestClients.ecr(transport).listImages(repositoryName: "r", registryId: "111111111111") }
        #expect(TestClients.jsonBody(transport.requests.first)["registryId"] as? String == "111111111111")
    }

    @Test func batchDeleteReportsPerImageFailures() async throws {
        let transport = ScriptedTransport([.status(200, body: R.batchDeleteImagePartial)])
        let ids = [ECRImageIdentifier(tag: "v1"), ECRImageIdentifier(tag: "v0"), ECRImageIdentifier(digest: R.digestB)]

        let result = try await TestClients.ecr(transport).batchDeleteImage(repositoryName: "mlops/churn", imageIds: ids)

        #expect(result.deleted == [ECRImageIdentifier(digest: R.digestA, tag: "v1")])
        #expect(result.failures.map(\.code) == ["ImageNotFound", "ImageReferencedByManifestList"])
        #expect(result.failures.first?.imageId == ECRImageIdentifier(tag: "v0"))
        #expect(result.realFailures.map(\.imageId) == [ECRImageIdentifier(digest: R.digestB)])
        #expect(String(describing: result.realFailures[0]) == "\(R.digestB): ImageReferencedByManifestList (Requested image is referenced by an image index)")
        #expect(
            TestClients.body(transport.requests.first)
                == #"{"imageIds":[{"imageTag":"v1"},{"imageTag":"v0"},{"imageDigest":"\#(R.digestB)"}],"repositoryName":"mlops/churn"}"#)
    }

    @Test(arguments: [(0, 0), (1, 1), (100, 1), (101, 2), (250, 3)])
    func batchDeleteSendsAtMostAHundredIdsPerRequest(_ count: Int, _ requests: Int) async throws {
        let transport = ScriptedTransport { request, _ in
            // Echo every requested id back as deleted.
            let ids = TestClients.jsonBody(request)["imageIds"] as? [[String: String]] ?? []
            let body = try JSONSerialization.data(withJSONObject: ["imageIds": ids, "failures": []])
            return HTTPResponse(statusCode: 200, headers: HTTPHeaders(), body: body)
        }
        let ids = (0..<count).map { ECRImageIdentifier(tag: "t\($0)") }

        let result = try await ECRClient(client: TestClients.client(.ecr, transport: transport)).batchDeleteImage(repositoryName: "r", imageIds: ids)

        #expect(transport.requests.count == requests)
        #expect(transport.requests.allSatisfy { (TestClients.jsonBody($0)["imageIds"] as? [Any])?.count ?? 0 <= 100 })
        #expect(result.deleted == ids)
        #expect(result.failures.isEmpty)
    }

    @Test func deleteRepositorySendsForceAndIsFalseWhenMissing() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.deleteRepository), .status(400, body: R.ecrNotFound("gone")),
            .status(400, body: AWSResponses.jsonError("RepositoryNotEmptyException", message: "The repository with name 'full' in registry with id '111111111111' cannot be deleted because it still contains images")),
        ])
        let ecr = TestClients.ecr(transport)

        #expect(try await ecr.deleteRepository(name: "mlops/churn", force: true) == true)
        #expect(try await ecr.deleteRepository(name: "gone") == false)
        let error = await #expect(throws: AWSServiceError.self) { try await ecr.deleteRepository(name: "full") }
        #expect(error?.code == "RepositoryNotEmptyException")
        #expect(TestClients.body(transport.requests[0]) == #"{"force":true,"repositoryName":"mlops/churn"}"#)
        #expect(TestClients.body(transport.requests[1]) == #"{"force":false,"repositoryName":"gone"}"#)
    }

    @Test func describeRepositoriesDecodesAndIsNilWhenAnyIsMissing() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeRepositories), .status(400, body: R.ecrNotFound("nope"))])
        let ecr = TestClients.ecr(transport)

        let repository = try #require(try await ecr.describeRepository(name: "mlops/churn"))
        #expect(try await ecr.describeRepositories(names: ["mlops/churn", "nope"]) == nil)

        #expect(repository == ECRRepository(
            name: "mlops/churn", arn: "arn:aws:ecr:eu-west-1:111111111111:repository/mlops/churn",
            uri: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/mlops/churn", registryId: "111111111111",
            createdAt: Date(timeIntervalSince1970: 1_795_912_568), imageTagMutability: "IMMUTABLE"))
        #expect(TestClients.body(transport.requests[0]) == #"{"repositoryNames":["mlops/churn"]}"#)
        #expect(TestClients.body(transport.requests[1]) == #"{"repositoryNames":["mlops/churn","nope"]}"#)
    }

    @Test func describeAllRepositoriesPagesWithoutNames() async throws {
        let transport = ScriptedTransport([
            .status(200, body: #"{"repositories":[\#(R.repository)],"nextToken":"n2"}"#), .status(200, body: #"{"repositories":[]}"#),
        ])

        let all = try #require(try await TestClients.ecr(transport).describeRepositories(names: []))

        #expect(all.map(\.name) == ["mlops/churn"])
        #expect(transport.requests.map(TestClients.body) == ["{}", #"{"nextToken":"n2"}"#])
    }
}
