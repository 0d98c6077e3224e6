import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct S3ClientTests {
    static let emulator = URL(string: "http://127.0.0.1:5055")!

    @Test func listBucketsDecodesOffsetAndMillisecondDates() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.listBuckets)])

        let buckets = try await TestClients.s3(transport).listBuckets()

        #expect(buckets.map(\.name) == ["amzn-s3-demo-bucket", "mlops-artifacts-222222222222"])
        #expect(buckets.map(\.creationDate) == [Date(timeIntervalSince1970: 1_576_107_167), Date(timeIntervalSince1970: 1_795_912_730)])
        #expect(buckets.map(\.region) == [nil, "eu-west-1"])
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://s3.us-east-1.amazonaws.com/")
    }

    @Test func listBucketsFollowsContinuationTokens() async throws {
        let page1 = """
            <ListAllMyBucketsResult><Buckets><Bucket><Name>a</Name><CreationDate>2026-11-29T00:00:00.000Z</CreationDate></Bucket></Buckets>
            <ContinuationToken>token/1+=</ContinuationToken></ListAllMyBucketsResult>
            """
        let page2 = "<ListAllMyBucketsResult><Buckets><Bucket><Name>b</Name><CreationDate>2026-11-29T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"
        let transport = ScriptedTransport([.status(200, body: page1), .status(200, body: page2)])

        let buckets = try await TestClients.s3(transport).listBuckets()

        #expect(buckets.map(\.name) == ["a", "b"])
        #expect(transport.requests.map { $0.encodedQuery } == [nil, "continuation-token=token%2F1%2B%3D"])
    }

    @Test func headBucketDistinguishesExistsNotFoundAndForbidden() async throws {
        let transport = ScriptedTransport([
            .status(200, headers: ["x-amz-bucket-region": "eu-west-1"]), .status(404), .status(403),
        ])
        let s3 = TestClients.s3(transport, endpoint: Self.emulator)

        #expect(try await s3.headBucket("mine") == .exists(region: "eu-west-1"))
        #expect(try await s3.headBucket("nobody-has-this") == .notFound)
        #expect(try await s3.headBucket("someone-elses") == .forbidden)
        #expect(transport.requests.map(\.method) == ["HEAD", "HEAD", "HEAD"])
        #expect(transport.requests.map(\.encodedPath) == ["/mine", "/nobody-has-this", "/someone-elses"])
    }

    @Test func headBucketThrowsOtherFailures() async throws {
        let transport = ScriptedTransport([.status(400)])

        await #expect(throws: AWSServiceError.self) { _ = try await TestClients.s3(transport).headBucket("b") }
    }

    @Test func createBucketOutsideUsEast1NamesTheRegion() async throws {
        let transport = ScriptedTransport([.status(200, headers: ["Location": "http://b.s3.amazonaws.com/"])])

        try await TestClients.s3(transport, region: "eu-west-1", endpoint: Self.emulator).createBucket("mlops-artifacts")

        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/mlops-artifacts")
        #expect(
            TestClients.body(request)
                == #"<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"#)
    }

    @Test func createBucketInUsEast1SendsNoBody() async throws {
        let transport = ScriptedTransport([.status(200)])

        try await TestClients.s3(transport, region: "us-east-1").createBucket("mlops-artifacts")

        let request = try #require(transport.requests.first)
        #expect(request.body.isEmpty)
        #expect(request.url.absoluteString == "https://mlops-artifacts.s3.us-east-1.amazonaws.com/")
    }

    @Test func deleteBucketErrorsKeepTheirCode() async throws {
        let transport = ScriptedTransport([
            .status(204), .status(409, body: AWSResponses.s3Error(code: "BucketNotEmpty", message: "The bucket you tried to delete is not empty")),
        ])
        let s3 = TestClients.s3(transport, endpoint: Self.emulator)

        try await s3.deleteBucket("empty")
        let error = await #expect(throws: AWSServiceError.self) { try await s3.deleteBucket("full") }

        #expect(error?.code == "BucketNotEmpty")
        #expect(transport.requests.map(\.method) == ["DELETE", "DELETE"])
    }

    @Test(arguments: [
        ("dir/a b.txt", "/bucket/dir/a%20b.txt"), ("deep/er/key with  spaces", "/bucket/deep/er/key%20with%20%20spaces"),
        ("plus+and=equals", "/bucket/plus%2Band%3Dequals"), ("trailing/", "/bucket/trailing/"),
    ])
    func keysWithSpacesAndSlashesArePathStyleOnConfiguredEndpoints(_ key: String, _ path: String) async throws {
        let transport = ScriptedTransport([.status(200, headers: ["ETag": "\"9b2cf535f27731c974343645a3985328\""])])

        let result = try await TestClients.s3(transport, endpoint: Self.emulator).putObject(bucket: "bucket", key: key, body: Data("hi".utf8))

        let request = try #require(transport.requests.first)
        #expect(request.encodedPath == path)
        #expect(request.hostAndPort == "127.0.0.1:5055")
        #expect(result.eTag == "\"9b2cf535f27731c974343645a3985328\"")
    }

    @Test func putObjectSendsBodyAndContentTypeAndReadsVersion() async throws {
        let transport = ScriptedTransport([.status(200, headers: ["ETag": "\"e\"", "x-amz-version-id": "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"])])

        let result = try await TestClients.s3(transport).putObject(
            bucket: "mlops-models", key: "models/v1/model.tar.gz", body: Data("payload".utf8), contentType: "application/gzip")

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://mlops-models.s3.us-east-1.amazonaws.com/models/v1/model.tar.gz")
        #expect(request.headers["Content-Type"] == "application/gzip")
        #expect(request.body == Data("payload".utf8))
        // S3 signing: the payload hash is sent and signed.
        #expect(request.headers["x-amz-content-sha256"] == "239f59ed55e737c77147cf55ad0c1b030b6d7ee748a7426952f9b852d5a935e5")
        #expect(result == S3PutObjectResult(eTag: "\"e\"", versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"))
    }

    @Test func getObjectReturnsBodyAndMetadata() async throws {
        let headers: HTTPHeaders = [
            "Content-Type": "text/plain", "Content-Length": "11", "ETag": "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"",
            "Last-Modified": "Sun, 29 Nov 2026 00:38:50 GMT", "x-amz-version-id": "null",
        ]
        let transport = ScriptedTransport([.status(200, body: "hello world", headers: headers)])

        let object = try #require(try await TestClients.s3(transport, endpoint: Self.emulator).getObject(bucket: "b", key: "dir/a b.txt"))

        #expect(object.body == Data("hello world".utf8))
        #expect(
            object.metadata
                == S3ObjectMetadata(
                    contentLength: 11, contentType: "text/plain", eTag: "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"",
                    lastModified: Date(timeIntervalSince1970: 1_795_912_730), versionId: "null"))
        #expect(transport.requests.first?.encodedPath == "/b/dir/a%20b.txt")
    }

    @Test func getObjectReturnsNilForNoSuchKeyButThrowsForNoSuchBucket() async throws {
        let transport = ScriptedTransport([
            .status(404, body: AWSResponses.s3Error(code: "NoSuchKey", message: "The resource you requested does not exist")),
            .status(404, body: AWSResponses.s3Error(code: "NoSuchBucket", message: "The specified bucket does not exist")),
        ])
        let s3 = TestClients.s3(transport, endpoint: Self.emulator)

        #expect(try await s3.getObject(bucket: "b", key: "missing") == nil)
        let error = await #expect(throws: AWSServiceError.self) { _ = try await s3.getObject(bucket: "gone", key: "k") }
        #expect(error?.code == "NoSuchBucket")
    }

    @Test func headObjectReturnsMetadataOrNil() async throws {
        let transport = ScriptedTransport([
            .status(200, headers: ["Content-Length": "5", "ETag": "\"e\"", "Last-Modified": "Sun, 29 Nov 2026 00:38:50 GMT"]), .status(404),
        ])
        let s3 = TestClients.s3(transport, endpoint: Self.emulator)

        let metadata = try await s3.headObject(bucket: "b", key: "a b/c")
        #expect(metadata?.contentLength == 5)
        #expect(metadata?.lastModified == Date(timeIntervalSince1970: 1_795_912_730))
        #expect(try await s3.headObject(bucket: "b", key: "missing") == nil)
        #expect(transport.requests.map(\.method) == ["HEAD", "HEAD"])
    }

    @Test func deleteObjectIsADeleteOfTheKey() async throws {
        let transport = ScriptedTransport([.status(204)])

        try await TestClients.s3(transport, endpoint: Self.emulator).deleteObject(bucket: "b", key: "dir/a b.txt")

        #expect(transport.requests.first?.method == "DELETE")
        #expect(transport.requests.first?.encodedPath == "/b/dir/a%20b.txt")
    }

    @Test func aListBucketsBodyThatIsNotXMLIsUndecodable() async throws {
        let transport = ScriptedTransport([.status(200, body: "<!doctype html><p>oops")])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.s3(transport).listBuckets() }

        #expect(error?.kind == .undecodableResponse(reason: "the body is not well-formed XML"))
    }
}
