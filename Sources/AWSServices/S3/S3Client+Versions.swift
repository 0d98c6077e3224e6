import AWSWire
import Crypto
import Foundation

/// Emptying and guarding buckets: object versions, batch deletes, abandoned multipart uploads and
/// bucket policies.
extension S3Client {
    /// DeleteObjects accepts at most this many keys per request.
    public static let deleteObjectsLimit = 1000

    // MARK: - Versions

    /// One page of ListObjectVersions (versions and delete markers). Resume with the page's `next`.
    /// Keys are requested URL-encoded (`encoding-type=url`, as botocore does, so keys holding characters
    /// XML cannot carry survive) and decoded only when the response says it encoded them (moto does not).
    /// - Parameter maxKeys: page size; S3's default and maximum is 1000.
    public func listObjectVersions(bucket: String, prefix: String? = nil, from marker: S3VersionMarker? = nil, maxKeys: Int? = nil)
        async throws -> S3ObjectVersionPage
    {
        let operation = "ListObjectVersions"
        var query: [(String, String?)] = [("versions", nil), ("encoding-type", "url")]
        if let prefix { query.append(("prefix", prefix)) }
        if let marker {
            query.append(("key-marker", marker.keyMarker))
            if let versionIdMarker = marker.versionIdMarker { query.append(("version-id-marker", versionIdMarker)) }
        }
        if let maxKeys { query.append(("max-keys", String(maxKeys))) }
        let response = try await client.s3(operation: operation, method: "GET", bucket: bucket, query: query)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        let isEncoded = root.text(of: "EncodingType") == "url"
        func decode(_ text: String) -> String { isEncoded ? Self.urlDecoded(text) : text }

        let versions = try root.children("Version").map { node in
            S3ObjectVersion(
                key: decode(try Self.key(node, reader)), versionId: try reader.text(node, "VersionId"),
                isLatest: try reader.optionalBool(node, "IsLatest") ?? false, lastModified: try reader.optionalDate(node, "LastModified"),
                size: try reader.optionalInt(node, "Size"), eTag: ResponseReader.trimmed(node, ["ETag"]))
        }
        let markers = try root.children("DeleteMarker").map { node in
            S3DeleteMarker(
                key: decode(try Self.key(node, reader)), versionId: try reader.text(node, "VersionId"),
                isLatest: try reader.optionalBool(node, "IsLatest") ?? false, lastModified: try reader.optionalDate(node, "LastModified"))
        }
        var next: S3VersionMarker?
        if try reader.optionalBool(root, "IsTruncated") == true {
            guard let key = root.child("NextKeyMarker")?.text, !key.isEmpty else { throw reader.failure("<IsTruncated> is true but there is no <NextKeyMarker>") }
            next = S3VersionMarker(keyMarker: decode(key), versionIdMarker: ResponseReader.trimmed(root, ["NextVersionIdMarker"]))
            if next == marker { throw reader.failure("<NextKeyMarker> and <NextVersionIdMarker> repeat the request's markers") }
        }
        return S3ObjectVersionPage(versions: versions, deleteMarkers: markers, next: next)
    }

    /// Every page of ListObjectVersions, fetched one at a time as the sequence is iterated. On AWS a
    /// caller may delete each page before the next is listed (markers are positions in key order);
    /// moto instead ends the listing when the marker's version is gone, so code that must also empty
    /// buckets on moto should delete the first page and list again from the start until it is empty.
    public func objectVersionPages(bucket: String, prefix: String? = nil, maxKeys: Int? = nil) -> S3ObjectVersionPages {
        S3ObjectVersionPages(client: self, bucket: bucket, prefix: prefix, maxKeys: maxKeys)
    }

    /// DeleteObjects in quiet mode, in requests of at most 1000 keys. Each request carries `Content-MD5`
    /// (what S3 and S3-compatible stores have always required) and the `x-amz-checksum-crc32` that
    /// botocore 1.43 sends. Keys S3 could not delete are returned in `errors`, never dropped; call
    /// `check(bucket:)` on the result to throw them. No request is sent for an empty list.
    public func deleteObjects(bucket: String, objects: [S3ObjectIdentifier]) async throws -> S3DeleteObjectsResult {
        var result = S3DeleteObjectsResult()
        for start in stride(from: 0, to: objects.count, by: Self.deleteObjectsLimit) {
            let batch = objects[start..<min(start + Self.deleteObjectsLimit, objects.count)]
            let page = try await deleteObjectsBatch(bucket: bucket, objects: batch)
            result.deleted += page.deleted
            result.errors += page.errors
        }
        return result
    }

    private func deleteObjectsBatch(bucket: String, objects: ArraySlice<S3ObjectIdentifier>) async throws -> S3DeleteObjectsResult {
        let operation = "DeleteObjects"
        let body = Data(Self.deleteDocument(objects).utf8)
        var headers = S3BodyIntegrity.headers(for: body)
        // Without a type, libcurl labels a POST body as a form, and form-parsing servers
        // (moto's werkzeug) then consume it before the handler reads it.
        headers.set("Content-Type", "application/xml")
        let response = try await client.s3(
            operation: operation, method: "POST", bucket: bucket, query: [("delete", nil)], headers: headers, body: body)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        if root.name == "Error" {
            // S3 can fail a request after it has sent 200; the error is then the body.
            throw AWSServiceError(
                serviceId: client.service.serviceId, operation: operation, statusCode: response.statusCode, code: try reader.text(root, "Code"),
                message: root.text(of: "Message"), requestId: response.requestIdHeader)
        }
        let deleted = try root.children("Deleted").map { node in
            S3DeletedObject(
                key: try Self.key(node, reader), versionId: ResponseReader.trimmed(node, ["VersionId"]),
                deleteMarker: try reader.optionalBool(node, "DeleteMarker"), deleteMarkerVersionId: ResponseReader.trimmed(node, ["DeleteMarkerVersionId"]))
        }
        let errors = try root.children("Error").map { node in
            S3DeleteObjectError(
                key: try Self.key(node, reader), versionId: ResponseReader.trimmed(node, ["VersionId"]), code: try reader.text(node, "Code"),
                message: ResponseReader.trimmed(node, ["Message"]))
        }
        return S3DeleteObjectsResult(deleted: deleted, errors: errors)
    }

    static func deleteDocument(_ objects: some Sequence<S3ObjectIdentifier>) -> String {
        var xml = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for object in objects {
            xml += "<Object><Key>\(XMLText.escape(object.key))</Key>"
            if let versionId = object.versionId { xml += "<VersionId>\(XMLText.escape(versionId))</VersionId>" }
            xml += "</Object>"
        }
        return xml + "<Quiet>true</Quiet></Delete>"
    }

    // MARK: - Multipart uploads

    /// One page of ListMultipartUploads: uploads started and never completed or aborted (they are
    /// billed, and a bucket holding them cannot be deleted).
    public func listMultipartUploads(
        bucket: String, prefix: String? = nil, keyMarker: String? = nil, uploadIdMarker: String? = nil, maxUploads: Int? = nil
    ) async throws -> S3PendingMultipartUploadPage {
        let operation = "ListMultipartUploads"
        var query: [(String, String?)] = [("uploads", nil)]
        if let prefix { query.append(("prefix", prefix)) }
        if let keyMarker { query.append(("key-marker", keyMarker)) }
        if let uploadIdMarker { query.append(("upload-id-marker", uploadIdMarker)) }
        if let maxUploads { query.append(("max-uploads", String(maxUploads))) }
        let response = try await client.s3(operation: operation, method: "GET", bucket: bucket, query: query)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let root = try xml(response, reader)
        let uploads = try root.children("Upload").map { node in
            S3PendingMultipartUpload(
                key: try Self.key(node, reader), uploadId: try reader.text(node, "UploadId"), initiated: try reader.optionalDate(node, "Initiated"))
        }
        guard try reader.optionalBool(root, "IsTruncated") == true else { return S3PendingMultipartUploadPage(uploads: uploads) }
        guard let key = root.child("NextKeyMarker")?.text, !key.isEmpty else { throw reader.failure("<IsTruncated> is true but there is no <NextKeyMarker>") }
        return S3PendingMultipartUploadPage(
            uploads: uploads, nextKeyMarker: key, nextUploadIdMarker: ResponseReader.trimmed(root, ["NextUploadIdMarker"]))
    }

    /// AbortMultipartUpload. Returns false when the upload no longer exists (`NoSuchUpload`).
    @discardableResult
    public func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws -> Bool {
        do {
            _ = try await client.s3(operation: "AbortMultipartUpload", method: "DELETE", bucket: bucket, key: key, query: [("uploadId", uploadId)])
            return true
        } catch let error as AWSServiceError where error.code == "NoSuchUpload" {
            return false
        }
    }

    // MARK: - Bucket policy

    /// PutBucketPolicy with `policy` (a JSON document) as the body, with the integrity headers S3 requires.
    public func putBucketPolicy(bucket: String, policy: String) async throws {
        let body = Data(policy.utf8)
        _ = try await client.s3(
            operation: "PutBucketPolicy", method: "PUT", bucket: bucket, query: [("policy", nil)], headers: S3BodyIntegrity.headers(for: body),
            body: body)
    }

    /// GetBucketPolicy: the policy document exactly as stored. Returns nil when the bucket has no
    /// policy (`NoSuchBucketPolicy`); a missing bucket is thrown (`NoSuchBucket`).
    public func getBucketPolicy(bucket: String) async throws -> String? {
        do {
            let response = try await client.s3(operation: "GetBucketPolicy", method: "GET", bucket: bucket, query: [("policy", nil)])
            return String(decoding: response.body, as: UTF8.self)
        } catch let error as AWSServiceError where error.code == "NoSuchBucketPolicy" {
            return nil
        }
    }

    /// DeleteBucketPolicy. S3 answers 204 whether or not the bucket had a policy.
    public func deleteBucketPolicy(bucket: String) async throws {
        _ = try await client.s3(operation: "DeleteBucketPolicy", method: "DELETE", bucket: bucket, query: [("policy", nil)])
    }

    // MARK: - Decoding helpers

    /// The `<Key>` of `node` exactly as sent: keys may begin or end with spaces, so it is not trimmed.
    static func key(_ node: XMLElementNode, _ reader: ResponseReader) throws -> String {
        guard let key = node.child("Key")?.text, !key.isEmpty else { throw reader.failure("no <\(node.name)><Key> element") }
        return key
    }

    /// S3's `encoding-type=url` form: `+` for a space, `%XX` for other bytes (botocore's `unquote_plus`).
    static func urlDecoded(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// The pages of ListObjectVersions, each requested when the iterator reaches it.
public struct S3ObjectVersionPages: AsyncSequence, Sendable {
    public typealias Element = S3ObjectVersionPage

    let client: S3Client
    let bucket: String
    let prefix: String?
    let maxKeys: Int?

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: S3ObjectVersionPages
        var marker: S3VersionMarker?
        var finished = false

        public mutating func next() async throws -> S3ObjectVersionPage? {
            guard !finished else { return nil }
            let page = try await pages.client.listObjectVersions(bucket: pages.bucket, prefix: pages.prefix, from: marker, maxKeys: pages.maxKeys)
            marker = page.next
            finished = page.next == nil
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }
}

/// The request-integrity headers of operations botocore models with `requestChecksumRequired`
/// (DeleteObjects, PutBucketPolicy).
enum S3BodyIntegrity {
    static func headers(for body: Data) -> HTTPHeaders {
        [
            "Content-MD5": Data(Insecure.MD5.hash(data: body)).base64EncodedString(),
            "x-amz-checksum-crc32": crc32Base64(body),
            "x-amz-sdk-checksum-algorithm": "CRC32",
        ]
    }

    /// CRC-32 (IEEE 802.3, as zlib) of `data`, big-endian, base64: the `x-amz-checksum-crc32` form.
    static func crc32Base64(_ data: Data) -> String {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        crc ^= 0xFFFF_FFFF
        return Data([UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)]).base64EncodedString()
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }
}
