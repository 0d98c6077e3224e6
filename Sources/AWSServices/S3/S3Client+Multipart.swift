import AWSWire
import Foundation

// Multipart upload: create, upload the parts (in any order, concurrently), then complete with the
// list of part numbers and ETags, or abort so S3 drops the stored parts.
extension S3Client {
    /// CreateMultipartUpload (`POST /<bucket>/<key>?uploads`): starts an upload and returns its id.
    public func createMultipartUpload(bucket: String, key: String, contentType: String? = nil) async throws -> S3MultipartUpload {
        let operation = "CreateMultipartUpload"
        var headers = HTTPHeaders()
        if let contentType { headers.set("Content-Type", contentType) }
        let response = try await client.s3(operation: operation, method: "POST", bucket: bucket, key: key, query: [("uploads", nil)], headers: headers)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        return S3MultipartUpload(bucket: bucket, key: key, uploadId: try reader.text(root, "UploadId"))
    }

    /// UploadPart (`PUT /<bucket>/<key>?partNumber=N&uploadId=…`). Part numbers run from 1 to 10,000;
    /// every part but the last must be at least 5 MiB (S3 answers `EntityTooSmall` at completion, moto
    /// at once). Returns the part's ETag, which CompleteMultipartUpload needs.
    public func uploadPart(_ upload: S3MultipartUpload, partNumber: Int, body: Data) async throws -> S3CompletedPart {
        let operation = "UploadPart"
        let response = try await client.s3(
            operation: operation, method: "PUT", bucket: upload.bucket, key: upload.key,
            query: [("partNumber", String(partNumber)), ("uploadId", upload.uploadId)], body: body)
        guard let eTag = response.headers["ETag"], !eTag.isEmpty else {
            throw ResponseReader(client, operation: operation, requestId: response.requestIdHeader).failure("no ETag header")
        }
        return S3CompletedPart(partNumber: partNumber, eTag: eTag)
    }

    /// CompleteMultipartUpload (`POST /<bucket>/<key>?uploadId=…`) with the parts sorted by number.
    /// S3 may answer 200 and still fail (an `<Error>` body sent after a long assembly): that is thrown
    /// as an `AWSServiceError` with status 200 and the error's code.
    public func completeMultipartUpload(_ upload: S3MultipartUpload, parts: [S3CompletedPart]) async throws -> S3PutObjectResult {
        let operation = "CompleteMultipartUpload"
        let body = Data(Self.completeMultipartUploadBody(parts).utf8)
        // Without a Content-Type, libcurl labels a POST body as a form, and the emulator's server
        // (werkzeug) then consumes it as form fields, so moto sees an empty document.
        let headers: HTTPHeaders = ["Content-Type": "application/xml"]
        let response = try await client.s3(
            operation: operation, method: "POST", bucket: upload.bucket, key: upload.key, query: [("uploadId", upload.uploadId)],
            headers: headers, body: body)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        if root.name == "Error" {
            throw AWSErrorParser.parse(response, serviceId: client.service.serviceId, operation: operation)
        }
        return S3PutObjectResult(eTag: root.text(of: "ETag"), versionId: response.headers["x-amz-version-id"])
    }

    /// AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=…`): frees the parts stored so far.
    /// An upload that is already gone (`NoSuchUpload`) counts as aborted.
    public func abortMultipartUpload(_ upload: S3MultipartUpload) async throws {
        do {
            _ = try await client.s3(
                operation: "AbortMultipartUpload", method: "DELETE", bucket: upload.bucket, key: upload.key,
                query: [("uploadId", upload.uploadId)])
        } catch let error as AWSServiceError where error.code == "NoSuchUpload" {
            return
        }
    }

    /// The `<CompleteMultipartUpload>` document botocore sends: parts in ascending number, ETags verbatim
    /// (quotes included; only `&`, `<` and `>` are escaped in text).
    static func completeMultipartUploadBody(_ parts: [S3CompletedPart]) -> String {
        let items = parts.sorted { $0.partNumber < $1.partNumber }.map {
            "<Part><ETag>\(XMLText.escapeContent($0.eTag))</ETag><PartNumber>\($0.partNumber)</PartNumber></Part>"
        }
        return "<CompleteMultipartUpload xmlns=\"\(xmlNamespace)\">" + items.joined() + "</CompleteMultipartUpload>"
    }
}
