import AWSWire
import Foundation
import TestSupport
import Testing

@Suite struct S3AddressingTests {
    static let moto = URL(string: "http://127.0.0.1:5055")!

    @Test func putObjectPathStyleAgainstConfiguredEndpointMatchesBotocore() async throws {
        let transport = ScriptedTransport([.status(200, body: "")])
        let client = Fixture.client(.s3, endpoint: Self.moto, transport: transport)

        _ = try await client.s3(operation: "PutObject", method: "PUT", bucket: "my-bucket", key: "dir/a b.txt", body: Data("hello".utf8))

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/my-bucket/dir/a%20b.txt")
        #expect(request.encodedPath == "/my-bucket/dir/a%20b.txt")
        #expect(request.headers["x-amz-content-sha256"] == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(
            request.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                + "Signature=3018c505582bdf12cc9697cb7d7643353bcb55452e9d9f56756f70b475f70833")
    }

    @Test func virtualHostedByDefaultForDNSCompatibleBuckets() {
        let client = Fixture.client(.s3, region: "eu-west-1", transport: ScriptedTransport([]))
        let request = client.s3Request(method: "GET", bucket: "mlops-artifacts", key: "models/v1/model.tar.gz")
        #expect(request.url.absoluteString == "https://mlops-artifacts.s3.eu-west-1.amazonaws.com/models/v1/model.tar.gz")
    }

    @Test(arguments: [
        ("my.dotted.bucket", true), ("Upper-Case", true), ("ab", true), ("-leading", true), ("trailing-", true),
        (String(repeating: "a", count: 64), true), ("under_score", true), ("ok-bucket-1", false), ("abc", false),
    ])
    func pathStyleWhenTheBucketIsNotADNSLabel(bucket: String, pathStyle: Bool) {
        let endpoint = ServiceDescriptor.s3.endpoint(region: "us-east-1")
        #expect(S3Addressing.usesPathStyle(bucket: bucket, endpoint: endpoint) == pathStyle)
        let url = S3Addressing.url(endpoint: endpoint, bucket: bucket, key: "k")
        if pathStyle {
            #expect(url.host == "s3.us-east-1.amazonaws.com")
        } else {
            #expect(url.host == "\(bucket).s3.us-east-1.amazonaws.com")
        }
    }

    @Test func keysAreEncodedPerSegmentKeepingSlashes() {
        let endpoint = ResolvedEndpoint(url: Self.moto, signingRegion: "us-east-1", isConfigured: true)
        let url = S3Addressing.url(endpoint: endpoint, bucket: "b", key: "a b/c+d=e/ü&%.txt")
        #expect(url.absoluteString == "http://127.0.0.1:5055/b/a%20b/c%2Bd%3De/%C3%BC%26%25.txt")
    }

    @Test func bucketOperationsAndSubresourceQueries() {
        let client = Fixture.client(.s3, endpoint: Self.moto, transport: ScriptedTransport([]))
        let versions = client.s3Request(method: "GET", bucket: "b", query: [("versions", nil), ("key-marker", "data/part 1")])
        #expect(versions.url.absoluteString == "http://127.0.0.1:5055/b?versions&key-marker=data%2Fpart%201")
        let list = client.s3Request(method: "GET", bucket: nil)
        #expect(list.url.absoluteString == "http://127.0.0.1:5055/")
    }

    @Test func signsSubresourceQueryAndDoesNotNormaliseKeys() async throws {
        let transport = ScriptedTransport([.status(200, body: "<ListVersionsResult/>"), .status(200, body: "x")])
        let client = Fixture.client(.s3, endpoint: Self.moto, transport: transport)

        _ = try await client.s3(operation: "ListObjectVersions", method: "GET", bucket: "b", query: [("versions", nil)])
        _ = try await client.rest(operation: "GetObject", method: "GET", path: "/b/./x//y")

        #expect(transport.requests.map(\.url.absoluteString) == ["http://127.0.0.1:5055/b?versions", "http://127.0.0.1:5055/b/./x//y"])
        #expect(transport.requests.allSatisfy { $0.headers["x-amz-content-sha256"] != nil })
    }

    @Test func endpointWithABasePathKeepsIt() {
        let endpoint = ResolvedEndpoint(url: URL(string: "https://proxy.example.com/aws/")!, signingRegion: "us-east-1", isConfigured: true)
        #expect(S3Addressing.url(endpoint: endpoint, bucket: "b", key: "k").absoluteString == "https://proxy.example.com/aws/b/k")
    }
}
