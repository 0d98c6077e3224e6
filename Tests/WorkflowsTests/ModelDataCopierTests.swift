import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
@testable import Workflows

/// Copies of model data: one CopyObject up to the limit, above it a multipart upload whose parts S3 copies by range;
/// a failed part aborts the upload, so no parts are left behind.
@Suite struct ModelDataCopierTests {
    static let source = S3ObjectLocation(bucket: "mlops-demo-artifacts", key: "model.tar.gz")
    static let destination = S3ObjectLocation(bucket: "cdk-hnb659fds-assets-333333333333-eu-central-1", key: "mlopsctl/model-data/demo/ab/model.tar.gz")

    /// S3 in eu-central-1 as the replay profile, without retries.
    static func s3(_ transport: ScriptedTransport) throws -> S3Client {
        try AWSSession.make(
            profile: "p", region: "eu-central-1", environment: EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"]), config: ReplayProfile.config(),
            transport: transport, logger: Logger(label: "test")
        ).s3
    }

    @Test func aSmallObjectIsOneCopyObject() async throws {
        let transport = ScriptedTransport([.status(200, body: "<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>")])
        try await ModelDataCopier(s3: try Self.s3(transport), singleCopyLimit: 100).copy(from: Self.source, size: 100, to: Self.destination)
        #expect(transport.requests.count == 1 && transport.requests[0].headers["x-amz-copy-source"] == "mlops-demo-artifacts/model.tar.gz")
    }

    @Test func aLargeObjectIsCopiedInRangesAndCompletedInPartOrder() async throws {
        let transport = ScriptedTransport { request, _ in
            let query = request.encodedQuery ?? ""
            if request.method == "POST", query == "uploads" {
                return HTTPResponse(statusCode: 200, body: S3Responses.initiateMultipartUpload(uploadId: "up-1"))
            }
            if request.method == "PUT", let range = request.headers["x-amz-copy-source-range"] {
                return HTTPResponse(statusCode: 200, body: "<CopyPartResult><ETag>\"\(range)\"</ETag></CopyPartResult>")
            }
            if request.method == "POST", query.hasPrefix("uploadId=") {
                return HTTPResponse(statusCode: 200, body: S3Responses.completeMultipartUpload(eTag: "\"m-3\""))
            }
            Issue.record("unexpected \(request.method) \(request.url)")
            return HTTPResponse(statusCode: 500, body: "")
        }
        let copier = ModelDataCopier(s3: try Self.s3(transport), singleCopyLimit: 9, partSize: 4, concurrency: 2)
        #expect(copier.ranges(size: 10) == [0...3, 4...7, 8...9])
        try await copier.copy(from: Self.source, size: 10, to: Self.destination)

        let parts = transport.requests.filter { $0.headers["x-amz-copy-source-range"] != nil }
        #expect(Set(parts.compactMap { $0.headers["x-amz-copy-source-range"] }) == ["bytes=0-3", "bytes=4-7", "bytes=8-9"])
        #expect(parts.allSatisfy { $0.headers["x-amz-copy-source"] == "mlops-demo-artifacts/model.tar.gz" })
        let complete = try #require(transport.requests.last)
        let document = String(decoding: complete.body, as: UTF8.self)
        #expect(document.contains("<Part><ETag>\"bytes=0-3\"</ETag><PartNumber>1</PartNumber></Part><Part><ETag>\"bytes=4-7\"</ETag><PartNumber>2</PartNumber>"),
                "\(document)")
    }

    @Test func aFailedPartAbortsTheUpload() async throws {
        let transport = ScriptedTransport { request, _ in
            let query = request.encodedQuery ?? ""
            if request.method == "POST", query == "uploads" {
                return HTTPResponse(statusCode: 200, body: S3Responses.initiateMultipartUpload(uploadId: "up-1"))
            }
            if request.method == "PUT", request.headers["x-amz-copy-source-range"] == "bytes=4-7" {
                return HTTPResponse(statusCode: 403, body: "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>")
            }
            if request.method == "PUT" { return HTTPResponse(statusCode: 200, body: "<CopyPartResult><ETag>\"p\"</ETag></CopyPartResult>") }
            if request.method == "DELETE" { return HTTPResponse(statusCode: 204, body: "") }
            Issue.record("unexpected \(request.method) \(request.url)")
            return HTTPResponse(statusCode: 500, body: "")
        }
        let copier = ModelDataCopier(s3: try Self.s3(transport), singleCopyLimit: 10, partSize: 4, concurrency: 1)
        let error = await #expect(throws: AWSServiceError.self) { try await copier.copy(from: Self.source, size: 12, to: Self.destination) }
        #expect(error?.code == "AccessDenied")
        #expect(transport.requests.last?.method == "DELETE" && transport.requests.last?.encodedQuery == "uploadId=up-1")
        #expect(!transport.requests.contains { $0.method == "POST" && ($0.encodedQuery ?? "").hasPrefix("uploadId=") }, "never completed")
    }
}
