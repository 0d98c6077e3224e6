import AWSWire
import Foundation

extension ECRClient {
    /// DescribeImages for one image of a repository (by tag or digest). Returns nil when the repository or the
    /// image does not exist in this client's region; access errors are thrown.
    /// - Parameter registryId: the registry's account id; nil for the caller's own.
    public func describeImage(repositoryName: String, imageId: ECRImageIdentifier, registryId: String? = nil) async throws -> ECRImageDetail? {
        let input = DescribeImagesInput(repositoryName: repositoryName, registryId: registryId, imageIds: [imageId])
        do {
            return try await client.jsonCall("DescribeImages", input, as: DescribeImagesOutput.self).imageDetails?.first
        } catch let error as AWSServiceError where ["ImageNotFoundException", "RepositoryNotFoundException"].contains(error.code) {
            return nil
        }
    }
}

/// One image as DescribeImages answers it (`ImageDetail`).
public struct ECRImageDetail: Sendable, Equatable, Decodable {
    public var registryId: String?
    public var repositoryName: String?
    /// `sha256:…`.
    public var digest: String?
    public var tags: [String]?

    public init(registryId: String? = nil, repositoryName: String? = nil, digest: String? = nil, tags: [String]? = nil) {
        self.registryId = registryId
        self.repositoryName = repositoryName
        self.digest = digest
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case registryId, repositoryName, digest = "imageDigest", tags = "imageTags"
    }
}

struct DescribeImagesInput: Encodable {
    var repositoryName: String
    var registryId: String?
    var imageIds: [ECRImageIdentifier]
}

struct DescribeImagesOutput: Decodable {
    var imageDetails: [ECRImageDetail]?
}
