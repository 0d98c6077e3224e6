import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// DeleteObjects, multipart upload clean-up and bucket policies.
@Suite struct S3DeleteObjectsTests {
    typealias R = S3VersionResponses

    static func s3(_ transport: ScriptedTransport) -> S3Client { S3VersionsTests.s3(transport) }

    @Test func deleteObjectsSendsAQuietDocumentWithBothIntegrityHeaders() async throws {
        let transport = ScriptedTransport([.status(200, body: R.deleteResult())])

        let result = try await Self.s3(transport).deleteObjects(bucket: "b", objects: [S3ObjectIdentifier(key: "a", versionId: "v")])

        #expect(result == S3DeleteObjectsResult())
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.encodedPath == "/b")
        #expect(request.encodedQuery == "delete")
        #expect(
            TestClients.body(request)
                == #"<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a</Key><VersionId>v</VersionId></Object><Quiet>true</Quiet></Delete>"#)
        // The same body through botocore 1.43 gets x-amz-checksum-crc32 AonY9g==; the MD5 is Python's hashlib.
        #expect(request.headers["x-amz-checksum-crc32"] == "AonY9g==")
        #expect(request.headers["x-amz-sdk-checksum-algorithm"] == "CRC32")
        #expect(request.headers["Content-MD5"] == "f/X7kppJqavC4MnCN+A6WA==")
        // An explicit type: URLSession would otherwise label the POST a form, and moto would parse the body away.
        #expect(request.headers["Content-Type"] == "application/xml")
        // Both are signed, so a proxy cannot strip them.
        let signed = request.headers["Authorization"] ?? ""
        #expect(signed.contains("content-md5") && signed.contains("x-amz-checksum-crc32"))
    }

    @Test func keysAreEscapedAndVersionlessEntriesHaveNoVersionId() async throws {
        let transport = ScriptedTransport([.status(200, body: R.deleteResult())])

        _ = try await Self.s3(transport).deleteObjects(bucket: "b", objects: [S3ObjectIdentifier(key: "a&b <c>.txt"), S3ObjectIdentifier(key: "k", versionId: "null")])

        #expect(
            TestClients.body(transport.requests.first)
                == #"<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a&amp;b &lt;c&gt;.txt</Key></Object><Object><Key>k</Key><VersionId>null</VersionId></Object><Quiet>true</Quiet></Delete>"#)
    }

    @Test func perKeyErrorsAreReturnedAndCheckThrowsThem() async throws {
        let body = R.deleteResult(deleted: [("a", "1")], errors: [("locked/b", "2", "AccessDenied"), ("c", nil, "InternalError")])
        let transport = ScriptedTransport([.status(200, body: body)])

        let result = try await Self.s3(transport).deleteObjects(
            bucket: "mlops-artifacts", objects: [.init(key: "a", versionId: "1"), .init(key: "locked/b", versionId: "2"), .init(key: "c")])

        #expect(result.deleted == [S3DeletedObject(key: "a", versionId: "1")])
        #expect(result.errors == [
            S3DeleteObjectError(key: "locked/b", versionId: "2", code: "AccessDenied", message: "Access Denied"),
            S3DeleteObjectError(key: "c", code: "InternalError", message: "Access Denied"),
        ])
        let failure = #expect(throws: S3DeleteObjectsFailure.self) { try result.check(bucket: "mlops-artifacts") }
        let text = String(describing: try #require(failure))
        #expect(text.hasPrefix("S3 DeleteObjects in bucket mlops-artifacts: locked/b (version 2): AccessDenied (Access Denied) and 1 more not deleted"))
        #expect(!text.contains("\n"))
        #expect(throws: Never.self) { try S3DeleteObjectsResult(deleted: result.deleted).check(bucket: "b") }
    }

    @Test func motosNonQuietAnswerListsDeletedKeysWithMarkers() async throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>z&amp;y.txt</Key><VersionId>1c403b7b</VersionId><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>1c403b7b</DeleteMarkerVersionId></Deleted><Deleted><Key>nokey</Key></Deleted></DeleteResult>
            """
        let transport = ScriptedTransport([.status(200, body: body)])

        let result = try await Self.s3(transport).deleteObjects(bucket: "b", objects: [.init(key: "z&y.txt", versionId: "1c403b7b"), .init(key: "nokey")])

        #expect(result.deleted == [
            S3DeletedObject(key: "z&y.txt", versionId: "1c403b7b", deleteMarker: true, deleteMarkerVersionId: "1c403b7b"), S3DeletedObject(key: "nokey"),
        ])
        #expect(result.errors.isEmpty)
    }

    @Test(arguments: [(0, 0), (1, 1), (1000, 1), (1001, 2), (2500, 3)])
    func deleteObjectsSendsAtMostAThousandKeysPerRequest(_ count: Int, _ requests: Int) async throws {
        let transport = ScriptedTransport { request, _ in
            // Report the last key of each request as failed, so errors from every batch must be kept.
            let body = String(decoding: request.body, as: UTF8.self)
            let lastKey = body.components(separatedBy: "<Key>").last?.components(separatedBy: "</Key>").first ?? ""
            return HTTPResponse(statusCode: 200, headers: HTTPHeaders(), body: R.deleteResult(errors: [(lastKey, nil, "SlowDown")]))
        }
        let objects = (0..<count).map { S3ObjectIdentifier(key: String(format: "k%05d", $0), versionId: "v") }

        let result = try await S3Client(client: TestClients.client(.s3, endpoint: S3VersionsTests.emulator, transport: transport))
            .deleteObjects(bucket: "b", objects: objects)

        #expect(transport.requests.count == requests)
        let sizes = transport.requests.map { TestClients.body($0).components(separatedBy: "<Object>").count - 1 }
        #expect(sizes.allSatisfy { $0 <= 1000 })
        #expect(sizes.reduce(0, +) == count)
        #expect(result.errors.count == requests)
        #expect(transport.requests.allSatisfy { $0.headers["Content-MD5"] != nil && $0.headers["x-amz-checksum-crc32"] != nil })
    }

    @Test func anErrorDocumentInsideA200IsThrown() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.s3Error(code: "InternalError", message: "We encountered an internal error. Please try again."))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await Self.s3(transport).deleteObjects(bucket: "b", objects: [.init(key: "k")]) }

        #expect(error?.code == "InternalError")
        #expect(error?.operation == "DeleteObjects")
    }

    // MARK: - Multipart uploads

    @Test func listMultipartUploadsReadsUploadsAndNextMarkers() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listMultipartUploadsTruncated), .status(200, body: R.listMultipartUploadsEmpty)])
        let s3 = Self.s3(transport)

        let page = try await s3.listMultipartUploads(bucket: "bucket", prefix: "my", maxUploads: 3)
        let last = try await s3.listMultipartUploads(bucket: "bucket", keyMarker: page.nextKeyMarker, uploadIdMarker: page.nextUploadIdMarker)

        #expect(page.uploads == [
            S3PendingMultipartUpload(key: "my-divisor", uploadId: "XMgbGlrZSBlbHZpbmcncyBub3QgaGF2aW5nIG11Y2ggbHVjaw", initiated: Date(timeIntervalSince1970: 1_289_422_113)),
            S3PendingMultipartUpload(key: "my-movie.m2ts", uploadId: "YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ", initiated: Date(timeIntervalSince1970: 1_289_422_113)),
        ])
        #expect(page.isTruncated)
        #expect(page.nextKeyMarker == "my-movie.m2ts")
        #expect(last == S3PendingMultipartUploadPage(uploads: []))
        #expect(transport.requests.map(\.encodedQuery) == [
            "uploads&prefix=my&max-uploads=3", "uploads&key-marker=my-movie.m2ts&upload-id-marker=YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ",
        ])
    }

    @Test func abortMultipartUploadDeletesTheUploadAndIsFalseWhenItIsGone() async throws {
        let transport = ScriptedTransport([
            .status(204),
            .status(404, body: AWSResponses.s3Error(code: "NoSuchUpload", message: "The specified upload does not exist.")),
        ])
        let s3 = Self.s3(transport)

        #expect(try await s3.abortMultipartUpload(bucket: "b", key: "dir/a b.bin", uploadId: "VXBsb2FkIElE+/=") == true)
        #expect(try await s3.abortMultipartUpload(bucket: "b", key: "k", uploadId: "u") == false)
        let request = try #require(transport.requests.first)
        #expect(request.method == "DELETE")
        #expect(request.encodedPath == "/b/dir/a%20b.bin")
        #expect(request.encodedQuery == "uploadId=VXBsb2FkIElE%2B%2F%3D")
    }

    // MARK: - Bucket policy

    @Test func putBucketPolicySendsTheDocumentWithIntegrityHeaders() async throws {
        let transport = ScriptedTransport([.status(204), .status(204)])

        try await Self.s3(transport).putBucketPolicy(bucket: "mlops-artifacts", policy: R.policy)
        try await Self.s3(transport).putBucketPolicy(bucket: "b", policy: "{}")

        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.encodedPath == "/mlops-artifacts")
        #expect(request.encodedQuery == "policy")
        #expect(TestClients.body(request) == R.policy)
        // botocore 1.43 sends x-amz-checksum-crc32 o6a/Qw== for the body "{}".
        #expect(transport.requests.last?.headers["x-amz-checksum-crc32"] == "o6a/Qw==")
        #expect(transport.requests.last?.headers["Content-MD5"] == "mZFLkyvTelC5g8XnyQrpOw==")
    }

    @Test func getBucketPolicyReturnsTheDocumentOrNil() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.policy),
            .status(404, body: AWSResponses.s3Error(code: "NoSuchBucketPolicy", message: "The bucket policy does not exist")),
            .status(404, body: AWSResponses.s3Error(code: "NoSuchBucket", message: "The specified bucket does not exist")),
        ])
        let s3 = Self.s3(transport)

        #expect(try await s3.getBucketPolicy(bucket: "mlops-artifacts") == R.policy)
        #expect(try await s3.getBucketPolicy(bucket: "no-policy") == nil)
        let error = await #expect(throws: AWSServiceError.self) { _ = try await s3.getBucketPolicy(bucket: "gone") }
        #expect(error?.code == "NoSuchBucket")
        #expect(transport.requests.map(\.method) == ["GET", "GET", "GET"])
        #expect(transport.requests.map(\.encodedQuery) == ["policy", "policy", "policy"])
    }

    @Test func deleteBucketPolicyIsADeleteOfThePolicySubresource() async throws {
        let transport = ScriptedTransport([.status(204)])

        try await Self.s3(transport).deleteBucketPolicy(bucket: "mlops-artifacts")

        #expect(transport.requests.first?.method == "DELETE")
        #expect(transport.requests.first?.encodedPath == "/mlops-artifacts")
        #expect(transport.requests.first?.encodedQuery == "policy")
    }

    @Test(arguments: [("", "AAAAAA=="), ("123456789", "y/Q5Jg=="), ("The quick brown fox jumps over the lazy dog", "QU+jOQ==")])
    func crc32MatchesZlib(_ text: String, _ expected: String) {
        // Values from Python's zlib.crc32, big-endian, base64 (0xCBF43926 is the CRC-32 check value).
        #expect(S3BodyIntegrity.crc32Base64(Data(text.utf8)) == expected)
    }
}
