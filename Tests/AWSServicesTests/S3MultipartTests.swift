import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Multipart upload calls: the exact requests (path-style on an endpoint, query members, the
/// CompleteMultipartUpload document) and how answers and failures are read.
@Suite struct S3MultipartTests {
    static let emulator = URL(string: "http://127.0.0.1:5055")!
    let upload = S3MultipartUpload(bucket: "mlops-assets", key: "dir/a b.zip", uploadId: "2~iCw/x+=")

    @Test func createMultipartUploadPostsToUploadsAndReadsTheId() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.initiateMultipartUpload(bucket: "mlops-assets", key: "dir/a b.zip", uploadId: "VXBsb2FkIElE"))])

        let started = try await TestClients.s3(transport, endpoint: Self.emulator)
            .createMultipartUpload(bucket: "mlops-assets", key: "dir/a b.zip", contentType: "application/zip")

        #expect(started == S3MultipartUpload(bucket: "mlops-assets", key: "dir/a b.zip", uploadId: "VXBsb2FkIElE"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/mlops-assets/dir/a%20b.zip?uploads")
        #expect(request.headers["Content-Type"] == "application/zip")
        #expect(request.body.isEmpty)
    }

    @Test func createMultipartUploadWithoutAnUploadIdIsUndecodable() async throws {
        let transport = ScriptedTransport([.status(200, body: "<InitiateMultipartUploadResult><Bucket>b</Bucket></InitiateMultipartUploadResult>")])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await TestClients.s3(transport).createMultipartUpload(bucket: "b", key: "k")
        }

        #expect(error?.kind == .undecodableResponse(reason: "no <UploadId> element"))
    }

    @Test func uploadPartSendsNumberAndUploadIdAndReturnsTheETag() async throws {
        let transport = ScriptedTransport([.status(200, headers: ["ETag": "\"b54357faf0632cce46e942fa68356b38\""])])
        let body = Data(repeating: 0x61, count: 1000)

        let part = try await TestClients.s3(transport, endpoint: Self.emulator).uploadPart(upload, partNumber: 7, body: body)

        #expect(part == S3CompletedPart(partNumber: 7, eTag: "\"b54357faf0632cce46e942fa68356b38\""))
        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.encodedPath == "/mlops-assets/dir/a%20b.zip")
        #expect(request.encodedQuery == "partNumber=7&uploadId=2~iCw%2Fx%2B%3D")
        #expect(request.body == body)
    }

    @Test func uploadPartWithoutAnETagIsUndecodable() async throws {
        let transport = ScriptedTransport([.status(200)])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await TestClients.s3(transport).uploadPart(upload, partNumber: 1, body: Data("x".utf8))
        }

        #expect(error?.kind == .undecodableResponse(reason: "no ETag header"))
    }

    @Test func completeMultipartUploadSendsTheSortedPartsAsBotocoreDoes() async throws {
        let transport = ScriptedTransport([
            .status(200, body: S3Responses.completeMultipartUpload(eTag: "\"3858f62230ac3c915f300c664312c11f-3\""),
                    headers: ["x-amz-version-id": "v1"]),
        ])
        let parts = [
            S3CompletedPart(partNumber: 3, eTag: "\"c\""), S3CompletedPart(partNumber: 1, eTag: "\"a\""),
            S3CompletedPart(partNumber: 2, eTag: "\"b&<>\""),
        ]

        let result = try await TestClients.s3(transport, endpoint: Self.emulator).completeMultipartUpload(upload, parts: parts)

        #expect(result == S3PutObjectResult(eTag: "\"3858f62230ac3c915f300c664312c11f-3\"", versionId: "v1"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/mlops-assets/dir/a%20b.zip?uploadId=2~iCw%2Fx%2B%3D")
        #expect(request.headers["Content-Type"] == "application/xml")
        #expect(
            TestClients.body(request)
                == #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
                + #"<Part><ETag>"a"</ETag><PartNumber>1</PartNumber></Part>"#
                + #"<Part><ETag>"b&amp;&lt;&gt;"</ETag><PartNumber>2</PartNumber></Part>"#
                + #"<Part><ETag>"c"</ETag><PartNumber>3</PartNumber></Part></CompleteMultipartUpload>"#)
    }

    /// botocore's serializer writes this exact document for the same parts (captured from boto3 1.43).
    @Test func completeDocumentEqualsBotocoresBytes() {
        let parts = [S3CompletedPart(partNumber: 1, eTag: "\"e1\""), S3CompletedPart(partNumber: 2, eTag: "\"e2\"")]
        #expect(
            S3Client.completeMultipartUploadBody(parts)
                == #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><ETag>"e1"</ETag><PartNumber>1</PartNumber></Part><Part><ETag>"e2"</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>"#)
    }

    @Test func anErrorDocumentInA200CompleteIsThrown() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.error(code: "InternalError", message: "We encountered an internal error."))])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.s3(transport).completeMultipartUpload(upload, parts: [S3CompletedPart(partNumber: 1, eTag: "\"a\"")])
        }

        #expect(error?.code == "InternalError")
        #expect(error?.statusCode == 200)
        #expect(error?.operation == "CompleteMultipartUpload")
    }

    @Test func completeFailureKeepsTheCode() async throws {
        let transport = ScriptedTransport([
            .status(400, body: S3Responses.error(code: "EntityTooSmall", message: "Your proposed upload is smaller than the minimum allowed object size.")),
        ])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.s3(transport).completeMultipartUpload(upload, parts: [S3CompletedPart(partNumber: 1, eTag: "\"a\"")])
        }

        #expect(error?.code == "EntityTooSmall")
    }

    @Test func abortDeletesTheUploadAndToleratesNoSuchUpload() async throws {
        let transport = ScriptedTransport([
            .status(204), .status(404, body: S3Responses.error(code: "NoSuchUpload", message: "The specified upload does not exist.")),
            .status(403, body: S3Responses.error(code: "AccessDenied", message: "Access Denied")),
        ])
        let s3 = TestClients.s3(transport, endpoint: Self.emulator)

        try await s3.abortMultipartUpload(upload)
        try await s3.abortMultipartUpload(upload)
        let error = await #expect(throws: AWSServiceError.self) { try await s3.abortMultipartUpload(upload) }

        #expect(error?.code == "AccessDenied")
        #expect(transport.requests.map(\.method) == ["DELETE", "DELETE", "DELETE"])
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:5055/mlops-assets/dir/a%20b.zip?uploadId=2~iCw%2Fx%2B%3D")
    }
}
