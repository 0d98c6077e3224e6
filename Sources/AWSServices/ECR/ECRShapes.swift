import Foundation

/// One image of a repository (`ImageIdentifier`): its digest, its tag, or both. An image with several
/// tags appears once per tag in ListImages; untagged images have only a digest.
public struct ECRImageIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `sha256:…`.
    public var digest: String?
    public var tag: String?

    public init(digest: String? = nil, tag: String? = nil) {
        self.digest = digest
        self.tag = tag
    }

    public var description: String {
        [tag.map { "tag \($0)" }, digest].compactMap { $0 }.joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey {
        case digest = "imageDigest", tag = "imageTag"
    }
}

/// An image BatchDeleteImage could not delete (`ImageFailure`).
public struct ECRImageFailure: Sendable, Equatable, Decodable, CustomStringConvertible {
    public var imageId: ECRImageIdentifier?
    /// `ImageNotFound`, `InvalidImageDigest`, `ImageReferencedByManifestList`, …
    public var code: String?
    public var reason: String?

    public init(imageId: ECRImageIdentifier?, code: String?, reason: String? = nil) {
        self.imageId = imageId
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(imageId.map(String.init(describing:)) ?? "image"): \(code ?? "failed")\(reason.map { " (\($0))" } ?? "")"
    }

    enum CodingKeys: String, CodingKey {
        case imageId, code = "failureCode", reason = "failureReason"
    }
}

/// What BatchDeleteImage did, summed over every request it took.
public struct ECRBatchDeleteResult: Sendable, Equatable {
    public var deleted: [ECRImageIdentifier]
    /// Per-image failures: the call itself succeeded, so these are never thrown.
    public var failures: [ECRImageFailure]

    public init(deleted: [ECRImageIdentifier] = [], failures: [ECRImageFailure] = []) {
        self.deleted = deleted
        self.failures = failures
    }

    /// The failures other than `ImageNotFound` (an image already gone is what a delete wanted).
    public var realFailures: [ECRImageFailure] { failures.filter { $0.code != "ImageNotFound" } }
}

/// A repository as DescribeRepositories returns it.
public struct ECRRepository: Sendable, Equatable, Decodable {
    public var name: String
    public var arn: String
    /// `<account>.dkr.ecr.<region>.amazonaws.com/<name>`.
    public var uri: String?
    public var registryId: String?
    public var createdAt: Date?
    /// `MUTABLE` or `IMMUTABLE`.
    public var imageTagMutability: String?

    public init(name: String, arn: String, uri: String? = nil, registryId: String? = nil, createdAt: Date? = nil, imageTagMutability: String? = nil) {
        self.name = name
        self.arn = arn
        self.uri = uri
        self.registryId = registryId
        self.createdAt = createdAt
        self.imageTagMutability = imageTagMutability
    }

    enum CodingKeys: String, CodingKey {
        case name = "repositoryName", arn = "repositoryArn", uri = "repositoryUri", registryId, createdAt
        case imageTagMutability
    }
}

// MARK: - Wire shapes (JSON 1.1 member names; ECR's are camelCase)

struct ListImagesInput: Encodable {
    var repositoryName: String
    var registryId: String?
    var maxResults: Int?
    var nextToken: String?
}

struct ListImagesOutput: Decodable {
    var imageIds: [ECRImageIdentifier]?
    var nextToken: String?
}

struct BatchDeleteImageInput: Encodable {
    var repositoryName: String
    var registryId: String?
    var imageIds: [ECRImageIdentifier]
}

struct BatchDeleteImageOutput: Decodable {
    var imageIds: [ECRImageIdentifier]?
    var failures: [ECRImageFailure]?
}

struct DeleteRepositoryInput: Encodable {
    var repositoryName: String
    var registryId: String?
    var force: Bool?
}

struct DescribeRepositoriesInput: Encodable {
    var repositoryNames: [String]?
    var registryId: String?
    var nextToken: String?
}

struct DescribeRepositoriesOutput: Decodable {
    var repositories: [ECRRepository]?
    var nextToken: String?
}
