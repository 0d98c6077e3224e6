/// A multipart upload in progress (CreateMultipartUpload's answer).
public struct S3MultipartUpload: Sendable, Equatable {
    public var bucket: String
    public var key: String
    public var uploadId: String

    public init(bucket: String, key: String, uploadId: String) {
        self.bucket = bucket
        self.key = key
        self.uploadId = uploadId
    }
}

/// One uploaded part, as CompleteMultipartUpload lists it.
public struct S3CompletedPart: Sendable, Equatable {
    /// 1 to 10,000.
    public var partNumber: Int
    /// As UploadPart answered it, quotes included.
    public var eTag: String

    public init(partNumber: Int, eTag: String) {
        self.partNumber = partNumber
        self.eTag = eTag
    }
}

/// A bucket's versioning state; a bucket that was never versioned has none.
public enum S3VersioningStatus: String, Sendable, Equatable, CaseIterable {
    case enabled = "Enabled"
    case suspended = "Suspended"
}

/// One default-encryption rule of a bucket (GetBucketEncryption).
public struct S3EncryptionRule: Sendable, Equatable {
    /// `AES256`, `aws:kms` or `aws:kms:dsse`.
    public var algorithm: String
    /// The KMS key (id, alias or ARN) for `aws:kms`; nil for the AWS-managed key.
    public var kmsMasterKeyId: String?
    public var bucketKeyEnabled: Bool?

    public init(algorithm: String, kmsMasterKeyId: String? = nil, bucketKeyEnabled: Bool? = nil) {
        self.algorithm = algorithm
        self.kmsMasterKeyId = kmsMasterKeyId
        self.bucketKeyEnabled = bucketKeyEnabled
    }
}
