import AWSWire
import Foundation

extension S3Client {
    /// PutObject with the whole body in one request.
    public func putObject(bucket: String, key: String, body: Data, contentType: String? = nil) async throws -> S3PutObjectResult {
        var headers = HTTPHeaders()
        if let contentType { headers.set("Content-Type", contentType) }
        let response = try await client.s3(operation: "PutObject", method: "PUT", bucket: bucket, key: key, headers: headers, body: body)
        return S3PutObjectResult(eTag: response.headers["ETag"], versionId: response.headers["x-amz-version-id"])
    }

    /// GetObject. Returns nil when the key does not exist (`NoSuchKey`); a missing bucket
    /// (`NoSuchBucket`) and every other error are thrown.
    public func getObject(bucket: String, key: String) async throws -> S3Object? {
        do {
            let response = try await client.s3(operation: "GetObject", method: "GET", bucket: bucket, key: key)
            return S3Object(body: response.body, metadata: Self.metadata(response.headers))
        } catch let error as AWSServiceError where error.code == "NoSuchKey" {
            return nil
        }
    }

    /// HeadObject. Returns nil on 404: HEAD responses have no body, so S3 cannot say whether the
    /// key or the bucket is missing (use `headBucket` to tell).
    public func headObject(bucket: String, key: String) async throws -> S3ObjectMetadata? {
        do {
            let response = try await client.s3(operation: "HeadObject", method: "HEAD", bucket: bucket, key: key)
            return Self.metadata(response.headers)
        } catch let error as AWSServiceError where error.statusCode == 404 {
            return nil
        }
    }

    /// DeleteObject. S3 answers 204 whether or not the key existed.
    public func deleteObject(bucket: String, key: String) async throws {
        _ = try await client.s3(operation: "DeleteObject", method: "DELETE", bucket: bucket, key: key)
    }

    static func metadata(_ headers: HTTPHeaders) -> S3ObjectMetadata {
        S3ObjectMetadata(
            contentLength: headers["Content-Length"].flatMap { Int($0) }, contentType: headers["Content-Type"], eTag: headers["ETag"],
            lastModified: headers["Last-Modified"].flatMap(AWSTimestamp.parse), versionId: headers["x-amz-version-id"])
    }
}
