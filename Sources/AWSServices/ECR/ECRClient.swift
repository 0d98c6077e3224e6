import AWSWire
import Foundation

/// Amazon Elastic Container Registry (JSON 1.1, `AmazonEC2ContainerRegistry_V20150921` target, API
/// 2015-09-21): listing and deleting images and repositories at teardown.
public struct ECRClient: Sendable {
    public let client: AWSClient

    /// BatchDeleteImage accepts at most this many image ids per request.
    public static let batchDeleteLimit = 100
    /// The largest ListImages page.
    static let listPageSize = 1000

    /// `client` must be built for `ServiceDescriptor.ecr`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// ListImages, following `nextToken` until every image id has been listed. A missing repository
    /// is thrown (`RepositoryNotFoundException`).
    /// - Parameter registryId: the registry's account id; nil for the caller's own.
    public func listImages(repositoryName: String, registryId: String? = nil) async throws -> [ECRImageIdentifier] {
        var images: [ECRImageIdentifier] = []
        var token: String?
        repeat {
            let input = ListImagesInput(repositoryName: repositoryName, registryId: registryId, maxResults: Self.listPageSize, nextToken: token)
            let page = try await client.jsonCall("ListImages", input, as: ListImagesOutput.self)
            images += page.imageIds ?? []
            token = try nextToken(page.nextToken, after: token, operation: "ListImages")
        } while token != nil
        return images
    }

    /// BatchDeleteImage in requests of at most 100 ids. Images that could not be deleted are returned
    /// in `failures` (an image that is already gone is `ImageNotFound`); a failed request is thrown.
    public func batchDeleteImage(repositoryName: String, imageIds: [ECRImageIdentifier], registryId: String? = nil) async throws
        -> ECRBatchDeleteResult
    {
        var result = ECRBatchDeleteResult()
        for start in stride(from: 0, to: imageIds.count, by: Self.batchDeleteLimit) {
            let batch = Array(imageIds[start..<min(start + Self.batchDeleteLimit, imageIds.count)])
            let input = BatchDeleteImageInput(repositoryName: repositoryName, registryId: registryId, imageIds: batch)
            let output = try await client.jsonCall("BatchDeleteImage", input, as: BatchDeleteImageOutput.self)
            result.deleted += output.imageIds ?? []
            result.failures += output.failures ?? []
        }
        return result
    }

    /// DeleteRepository. Without `force` a repository that still holds images fails with
    /// `RepositoryNotEmptyException`; with it the images go too. Returns false when there was no such repository.
    @discardableResult
    public func deleteRepository(name: String, force: Bool = false, registryId: String? = nil) async throws -> Bool {
        do {
            try await client.json(
                operation: "DeleteRepository", input: DeleteRepositoryInput(repositoryName: name, registryId: registryId, force: force))
            return true
        } catch let error as AWSServiceError where error.code == "RepositoryNotFoundException" {
            return false
        }
    }

    /// DescribeRepositories for `names` (every repository of the registry when empty), following
    /// `nextToken`. Returns nil when any named repository does not exist: ECR then fails the whole
    /// call with `RepositoryNotFoundException`.
    public func describeRepositories(names: [String], registryId: String? = nil) async throws -> [ECRRepository]? {
        var repositories: [ECRRepository] = []
        var token: String?
        do {
            repeat {
                let input = DescribeRepositoriesInput(repositoryNames: names.nilIfEmpty, registryId: registryId, nextToken: token)
                let page = try await client.jsonCall("DescribeRepositories", input, as: DescribeRepositoriesOutput.self)
                repositories += page.repositories ?? []
                token = try nextToken(page.nextToken, after: token, operation: "DescribeRepositories")
            } while token != nil
        } catch let error as AWSServiceError where error.code == "RepositoryNotFoundException" {
            return nil
        }
        return repositories
    }

    /// One repository by name; nil when it does not exist.
    public func describeRepository(name: String, registryId: String? = nil) async throws -> ECRRepository? {
        try await describeRepositories(names: [name], registryId: registryId)?.first { $0.name == name }
    }

    /// The token for the next request: nil at the end; a token equal to the one just sent would loop forever.
    private func nextToken(_ next: String?, after sent: String?, operation: String) throws -> String? {
        guard let next, !next.isEmpty else { return nil }
        if next == sent {
            throw AWSClientError(
                serviceId: client.service.serviceId, operation: operation, kind: .undecodableResponse(reason: "nextToken repeats the token of the request"))
        }
        return next
    }
}
