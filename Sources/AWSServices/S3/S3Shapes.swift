import Foundation

/// One entry of ListBuckets.
public struct S3Bucket: Sendable, Equatable {
    public var name: String
    public var creationDate: Date
    /// `BucketRegion`, which S3 has returned since 2024 (nil from older endpoints and emulators).
    public var region: String?

    public init(name: String, creationDate: Date, region: String? = nil) {
        self.name = name
        self.creationDate = creationDate
        self.region = region
    }
}

/// What HeadBucket says about a bucket name.
public enum S3BucketStatus: Sendable, Equatable {
    /// The bucket exists and these credentials may use it; `region` from `x-amz-bucket-region`.
    case exists(region: String?)
    /// HTTP 404: no bucket has this name (it may still be created).
    case notFound
    /// HTTP 403: the bucket exists but belongs to someone else or these credentials may not use it.
    case forbidden
}

/// The headers of an object (HeadObject, GetObject).
public struct S3ObjectMetadata: Sendable, Equatable {
    public var contentLength: Int?
    public var contentType: String?
    /// As S3 sends it, quotes included (`"9b2cf535f27731c974343645a3985328"`).
    public var eTag: String?
    public var lastModified: Date?
    public var versionId: String?

    public init(contentLength: Int? = nil, contentType: String? = nil, eTag: String? = nil, lastModified: Date? = nil, versionId: String? = nil) {
        self.contentLength = contentLength
        self.contentType = contentType
        self.eTag = eTag
        self.lastModified = lastModified
        self.versionId = versionId
    }
}

/// A downloaded object.
public struct S3Object: Sendable, Equatable {
    public var body: Data
    public var metadata: S3ObjectMetadata

    public init(body: Data, metadata: S3ObjectMetadata) {
        self.body = body
        self.metadata = metadata
    }
}

/// What PutObject answers.
public struct S3PutObjectResult: Sendable, Equatable {
    public var eTag: String?
    /// Set when the bucket is versioned.
    public var versionId: String?

    public init(eTag: String?, versionId: String?) {
        self.eTag = eTag
        self.versionId = versionId
    }
}
