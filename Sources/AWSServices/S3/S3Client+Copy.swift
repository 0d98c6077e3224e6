import AWSWire
import Foundation

// Server-side copies: S3 reads the source (in any region and account the caller may read) and writes the destination
// in this client's region, so the bytes never pass through mlopsctl. One CopyObject takes objects up to 5 GiB;
// larger ones are copied in ranges with UploadPartCopy inside a multipart upload.
extension S3Client {
    /// The largest object one CopyObject copies.
    public static let copyObjectLimit = 5 * 1024 * 1024 * 1024

    /// CopyObject (`PUT /<bucket>/<key>` with `x-amz-copy-source`). The destination gets the bucket's default
    /// encryption. S3 may answer 200 and still fail (an `<Error>` body): that is thrown as an `AWSServiceError`.
    public func copyObject(from source: S3ObjectLocation, toBucket bucket: String, key: String) async throws -> S3PutObjectResult {
        let operation = "CopyObject"
        let headers: HTTPHeaders = ["x-amz-copy-source": source.copySourceHeader]
        let response = try await client.s3(operation: operation, method: "PUT", bucket: bucket, key: key, headers: headers)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        if root.name == "Error" {
            throw AWSErrorParser.parse(response, serviceId: client.service.serviceId, operation: operation)
        }
        return S3PutObjectResult(eTag: root.text(of: "ETag"), versionId: response.headers["x-amz-version-id"])
    }

    /// UploadPartCopy (`PUT /<bucket>/<key>?partNumber=N&uploadId=…` with `x-amz-copy-source` and
    /// `x-amz-copy-source-range: bytes=first-last`): one part of a multipart upload, copied from `source`.
    public func uploadPartCopy(_ upload: S3MultipartUpload, partNumber: Int, from source: S3ObjectLocation, range: ClosedRange<Int>)
        async throws -> S3CompletedPart
    {
        let operation = "UploadPartCopy"
        let headers: HTTPHeaders = [
            "x-amz-copy-source": source.copySourceHeader, "x-amz-copy-source-range": "bytes=\(range.lowerBound)-\(range.upperBound)",
        ]
        let response = try await client.s3(
            operation: operation, method: "PUT", bucket: upload.bucket, key: upload.key,
            query: [("partNumber", String(partNumber)), ("uploadId", upload.uploadId)], headers: headers)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        if root.name == "Error" {
            throw AWSErrorParser.parse(response, serviceId: client.service.serviceId, operation: operation)
        }
        return S3CompletedPart(partNumber: partNumber, eTag: try reader.text(root, "ETag"))
    }
}

/// One object (optionally one version of it), as `s3://bucket/key` names it.
public struct S3ObjectLocation: Sendable, Hashable, CustomStringConvertible {
    public var bucket: String
    public var key: String
    public var versionId: String?

    public init(bucket: String, key: String, versionId: String? = nil) {
        self.bucket = bucket
        self.key = key
        self.versionId = versionId
    }

    /// `s3://bucket/key`; nil for anything else (no key, another scheme).
    public init?(url: String) {
        guard url.hasPrefix("s3://") else { return nil }
        let path = url.dropFirst(5)
        guard let slash = path.firstIndex(of: "/"), slash != path.startIndex, path.index(after: slash) != path.endIndex else { return nil }
        self.init(bucket: String(path[..<slash]), key: String(path[path.index(after: slash)...]))
    }

    public var url: String { "s3://\(bucket)/\(key)" }
    public var description: String { url }

    /// `bucket/key` URL-encoded (slashes kept), with `?versionId=` when a version is named.
    var copySourceHeader: String {
        let path = PercentEncoding.encodePath("\(bucket)/\(key)")
        return versionId.map { "\(path)?versionId=\(PercentEncoding.encode($0))" } ?? path
    }
}
