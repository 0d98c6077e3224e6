import AWSWire
import Foundation

/// A bucket's public-access block, as GetPublicAccessBlock returns it (a missing element reads as false, as in S3).
public struct S3PublicAccessBlock: Sendable, Equatable {
    public var blockPublicAcls: Bool
    public var ignorePublicAcls: Bool
    public var blockPublicPolicy: Bool
    public var restrictPublicBuckets: Bool

    public init(blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }
}

/// The settings that keep a bucket private (public-access block, bucket policy, default encryption): read by
/// refresh, put back by a verb that repairs drift. Each PUT carries the checksum S3 requires (`httpChecksum`
/// `requestChecksumRequired` in the service model), a CRC-32 like botocore's.
extension S3Client {
    /// GetPublicAccessBlock: nil when the bucket has none (`NoSuchPublicAccessBlockConfiguration`).
    public func getPublicAccessBlock(_ bucket: String) async throws -> S3PublicAccessBlock? {
        let operation = "GetPublicAccessBlock"
        let response: HTTPResponse
        do {
            response = try await client.s3(operation: operation, method: "GET", bucket: bucket, query: [("publicAccessBlock", nil)])
        } catch let error as AWSServiceError where error.code == "NoSuchPublicAccessBlockConfiguration" {
            return nil
        }
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        func flag(_ name: String) -> Bool { ResponseReader.trimmed(root, [name])?.lowercased() == "true" }
        return S3PublicAccessBlock(
            blockPublicAcls: flag("BlockPublicAcls"), ignorePublicAcls: flag("IgnorePublicAcls"), blockPublicPolicy: flag("BlockPublicPolicy"),
            restrictPublicBuckets: flag("RestrictPublicBuckets"))
    }

    /// PutPublicAccessBlock (`PUT /<bucket>?publicAccessBlock`).
    public func putPublicAccessBlock(_ bucket: String, _ block: S3PublicAccessBlock) async throws {
        let body = "<PublicAccessBlockConfiguration xmlns=\"\(Self.xmlNamespace)\">"
            + "<BlockPublicAcls>\(block.blockPublicAcls)</BlockPublicAcls><IgnorePublicAcls>\(block.ignorePublicAcls)</IgnorePublicAcls>"
            + "<BlockPublicPolicy>\(block.blockPublicPolicy)</BlockPublicPolicy>"
            + "<RestrictPublicBuckets>\(block.restrictPublicBuckets)</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
        try await putChecked("PutPublicAccessBlock", bucket, subresource: "publicAccessBlock", body: Data(body.utf8))
    }

    /// PutBucketEncryption (`PUT /<bucket>?encryption`) with one default-encryption rule.
    public func putBucketEncryption(_ bucket: String, _ rule: S3EncryptionRule) async throws {
        var defaults = "<SSEAlgorithm>\(XMLText.escape(rule.algorithm))</SSEAlgorithm>"
        if let key = rule.kmsMasterKeyId { defaults += "<KMSMasterKeyID>\(XMLText.escape(key))</KMSMasterKeyID>" }
        var inner = "<ApplyServerSideEncryptionByDefault>\(defaults)</ApplyServerSideEncryptionByDefault>"
        if let enabled = rule.bucketKeyEnabled { inner += "<BucketKeyEnabled>\(enabled)</BucketKeyEnabled>" }
        let body = "<ServerSideEncryptionConfiguration xmlns=\"\(Self.xmlNamespace)\"><Rule>\(inner)</Rule></ServerSideEncryptionConfiguration>"
        try await putChecked("PutBucketEncryption", bucket, subresource: "encryption", body: Data(body.utf8))
    }

    /// GetBucketPolicy: the policy's JSON text, or nil when the bucket has none (`NoSuchBucketPolicy`).
    public func getBucketPolicy(_ bucket: String) async throws -> String? {
        do {
            let response = try await client.s3(operation: "GetBucketPolicy", method: "GET", bucket: bucket, query: [("policy", nil)])
            return String(decoding: response.body, as: UTF8.self)
        } catch let error as AWSServiceError where error.code == "NoSuchBucketPolicy" {
            return nil
        }
    }

    /// PutBucketPolicy (`PUT /<bucket>?policy`): the body is the policy document itself.
    public func putBucketPolicy(_ bucket: String, document: String) async throws {
        try await putChecked("PutBucketPolicy", bucket, subresource: "policy", body: Data(document.utf8))
    }

    private func putChecked(_ operation: String, _ bucket: String, subresource: String, body: Data) async throws {
        var headers = HTTPHeaders()
        headers.set("x-amz-checksum-crc32", CRC32.base64(body))
        headers.set("x-amz-sdk-checksum-algorithm", "CRC32")
        _ = try await client.s3(operation: operation, method: "PUT", bucket: bucket, query: [(subresource, nil)], headers: headers, body: body)
    }
}
