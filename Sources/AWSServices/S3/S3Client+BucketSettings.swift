import AWSWire
import Foundation

// Bucket settings the emulator ignores in CloudFormation templates (versioning) or that callers verify
// (encryption), so mlopsctl reads and sets them with the API.
extension S3Client {
    /// GetBucketEncryption (`GET /<bucket>?encryption`): the default-encryption rules. A bucket without
    /// a configuration (`ServerSideEncryptionConfigurationNotFoundError`) yields an empty list.
    public func getBucketEncryption(_ bucket: String) async throws -> [S3EncryptionRule] {
        let operation = "GetBucketEncryption"
        let response: HTTPResponse
        do {
            response = try await client.s3(operation: operation, method: "GET", bucket: bucket, query: [("encryption", nil)])
        } catch let error as AWSServiceError where error.code == "ServerSideEncryptionConfigurationNotFoundError" {
            return []
        }
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        return try root.children("Rule").map { rule in
            let defaults = try reader.element(rule, "ApplyServerSideEncryptionByDefault")
            return S3EncryptionRule(
                algorithm: try reader.text(defaults, "SSEAlgorithm"),
                kmsMasterKeyId: ResponseReader.trimmed(defaults, ["KMSMasterKeyID"]),
                bucketKeyEnabled: ResponseReader.trimmed(rule, ["BucketKeyEnabled"]).map { $0 == "true" })
        }
    }

    /// PutBucketVersioning (`PUT /<bucket>?versioning`). S3 requires a body checksum here; like botocore,
    /// a CRC-32 in `x-amz-checksum-crc32`. Versioning can be suspended but never switched off again.
    public func putBucketVersioning(_ bucket: String, status: S3VersioningStatus) async throws {
        let body = Data(Self.versioningConfiguration(status).utf8)
        var headers = HTTPHeaders()
        headers.set("x-amz-checksum-crc32", CRC32.base64(body))
        headers.set("x-amz-sdk-checksum-algorithm", "CRC32")
        _ = try await client.s3(
            operation: "PutBucketVersioning", method: "PUT", bucket: bucket, query: [("versioning", nil)], headers: headers, body: body)
    }

    /// GetBucketVersioning (`GET /<bucket>?versioning`): nil for a bucket that was never versioned
    /// (S3 then answers an empty `<VersioningConfiguration/>`).
    public func getBucketVersioning(_ bucket: String) async throws -> S3VersioningStatus? {
        let operation = "GetBucketVersioning"
        let response = try await client.s3(operation: operation, method: "GET", bucket: bucket, query: [("versioning", nil)])
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        guard let status = ResponseReader.trimmed(root, ["Status"]) else { return nil }
        guard let known = S3VersioningStatus(rawValue: status) else { throw reader.failure("<Status> is neither Enabled nor Suspended") }
        return known
    }

    static func versioningConfiguration(_ status: S3VersioningStatus) -> String {
        "<VersioningConfiguration xmlns=\"\(xmlNamespace)\"><Status>\(status.rawValue)</Status></VersioningConfiguration>"
    }
}
