import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Server-side copies: the exact requests (copy source header, range, part number and upload id) and how answers and
/// the 200-with-an-error body are read.
@Suite struct S3CopyTests {
    static let emulator = URL(string: "http://127.0.0.1:5055")!

    @Test func copyObjectNamesTheEncodedSourceAndReadsTheETag() async throws {
        let transport = ScriptedTransport([.status(200, body: "<CopyObjectResult><ETag>\"9b2c\"</ETag></CopyObjectResult>", headers: ["x-amz-version-id": "v2"])])
        let source = S3ObjectLocation(bucket: "mlops-demo-artifacts", key: "train/out put/model.tar.gz", versionId: "3/L4kqtJl+")

        let result = try await TestClients.s3(transport, region: "eu-central-1", endpoint: Self.emulator)
            .copyObject(from: source, toBucket: "cdk-hnb659fds-assets-333333333333-eu-central-1", key: "mlopsctl/model-data/demo/ab/model.tar.gz")

        #expect(result == S3PutObjectResult(eTag: "\"9b2c\"", versionId: "v2"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT" && request.body.isEmpty)
        #expect(request.encodedPath == "/cdk-hnb659fds-assets-333333333333-eu-central-1/mlopsctl/model-data/demo/ab/model.tar.gz")
        #expect(request.headers["x-amz-copy-source"] == "mlops-demo-artifacts/train/out%20put/model.tar.gz?versionId=3%2FL4kqtJl%2B")
        #expect(TestClients.credentialScope(request)?.region == "eu-central-1", "signed for the destination's region")
    }

    @Test func aCopyThatFailsAfterA200IsThrown() async throws {
        let body = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>r</RequestId></Error>"
        let transport = ScriptedTransport(Array(repeating: .status(200, body: body), count: 3))
        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.s3(transport).copyObject(from: S3ObjectLocation(bucket: "a", key: "k"), toBucket: "b", key: "k")
        }
        #expect(error?.code == "InternalError")
    }

    @Test func uploadPartCopySendsTheRangeAndReadsThePartsETag() async throws {
        let transport = ScriptedTransport([.status(200, body: "<CopyPartResult><ETag>\"p7\"</ETag><LastModified>2026-11-29T00:00:00.000Z</LastModified></CopyPartResult>")])
        let upload = S3MultipartUpload(bucket: "dest", key: "m.tar.gz", uploadId: "up/1")

        let part = try await TestClients.s3(transport, endpoint: Self.emulator)
            .uploadPartCopy(upload, partNumber: 7, from: S3ObjectLocation(bucket: "src", key: "m.tar.gz"), range: 100...199)

        #expect(part == S3CompletedPart(partNumber: 7, eTag: "\"p7\""))
        let request = try #require(transport.requests.first)
        #expect(request.encodedQuery == "partNumber=7&uploadId=up%2F1")
        #expect(request.headers["x-amz-copy-source"] == "src/m.tar.gz" && request.headers["x-amz-copy-source-range"] == "bytes=100-199")
    }

    @Test(arguments: [
        ("s3://bucket/dir/model.tar.gz", "bucket", "dir/model.tar.gz"), ("s3://b/k", "b", "k"),
    ])
    func anS3URLNamesBucketAndKey(url: String, bucket: String, key: String) {
        #expect(S3ObjectLocation(url: url) == S3ObjectLocation(bucket: bucket, key: key))
        #expect(S3ObjectLocation(url: url)?.url == url)
    }

    @Test(arguments: ["https://bucket.s3.amazonaws.com/k", "s3://bucket", "s3://bucket/", "s3:///key", ""])
    func anythingElseIsNoS3ObjectURL(url: String) {
        #expect(S3ObjectLocation(url: url) == nil)
    }
}
