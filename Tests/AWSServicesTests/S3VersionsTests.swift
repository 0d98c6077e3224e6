import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Object versions, batch deletes, multipart listings and bucket policies.
@Suite struct S3VersionsTests {
    typealias R = S3VersionResponses
    static let emulator = URL(string: "http://127.0.0.1:5055")!

    static func s3(_ transport: ScriptedTransport) -> S3Client { TestClients.s3(transport, endpoint: emulator) }

    static func query(_ request: HTTPRequest?) -> [String: String] {
        guard let request, let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems else { return [:] }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    }

    // MARK: - ListObjectVersions

    @Test func listObjectVersionsReadsVersionsMarkersAndTheNextPage() async throws {
        let body = R.page(
            [R.version("my-image.jpg", "3/L4kqtJl40Nr8X8gdRQBpUMLUo"), R.version("my-image.jpg", "QUpfdndhfd8438MNFDN93jdnJFkdmqnh893", latest: false, size: 12),
             R.deleteMarker("my-second-image.jpg", "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892")],
            next: ("my-second-image.jpg", "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892"))
        let transport = ScriptedTransport([.status(200, body: body)])

        let page = try await Self.s3(transport).listObjectVersions(
            bucket: "mlops-artifacts", prefix: "my", from: S3VersionMarker(keyMarker: "a b+c", versionIdMarker: "v/1"), maxKeys: 3)

        #expect(page.versions == [
            S3ObjectVersion(key: "my-image.jpg", versionId: "3/L4kqtJl40Nr8X8gdRQBpUMLUo", isLatest: true, lastModified: Date(timeIntervalSince1970: 1_255_369_830),
                size: 434_234, eTag: "\"fba9dede5f27731c9771645a39863328\""),
            S3ObjectVersion(key: "my-image.jpg", versionId: "QUpfdndhfd8438MNFDN93jdnJFkdmqnh893", isLatest: false, lastModified: Date(timeIntervalSince1970: 1_255_369_830),
                size: 12, eTag: "\"fba9dede5f27731c9771645a39863328\""),
        ])
        #expect(page.deleteMarkers == [
            S3DeleteMarker(key: "my-second-image.jpg", versionId: "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892", isLatest: true,
                lastModified: Date(timeIntervalSince1970: 1_258_048_230))
        ])
        #expect(page.next == S3VersionMarker(keyMarker: "my-second-image.jpg", versionIdMarker: "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892"))
        #expect(page.identifiers.map(\.versionId) == ["3/L4kqtJl40Nr8X8gdRQBpUMLUo", "QUpfdndhfd8438MNFDN93jdnJFkdmqnh893", "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892"])
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.encodedPath == "/mlops-artifacts")
        #expect(request.encodedQuery == "versions&encoding-type=url&prefix=my&key-marker=a%20b%2Bc&version-id-marker=v%2F1&max-keys=3")
    }

    @Test func urlEncodedKeysAreDecodedOnlyWhenTheResponseSaysSo() async throws {
        let encoded = R.page([R.version("dir+one/a%2Bb.txt", "v1"), R.deleteMarker("caf%C3%A9+%26+bar", "m1")], next: ("dir+one/a%2Bb.txt", "v1"), encoded: true)
        let plain = R.page([R.version("dir one/a+b.txt", "v1")])
        let transport = ScriptedTransport([.status(200, body: encoded), .status(200, body: plain)])
        let s3 = Self.s3(transport)

        let first = try await s3.listObjectVersions(bucket: "b")
        let second = try await s3.listObjectVersions(bucket: "b", from: first.next)

        #expect(first.versions.map(\.key) == ["dir one/a+b.txt"])
        #expect(first.deleteMarkers.map(\.key) == ["café & bar"])
        #expect(first.next?.keyMarker == "dir one/a+b.txt")
        // moto ignores encoding-type and says nothing: its '+' is a real plus.
        #expect(second.versions.map(\.key) == ["dir one/a+b.txt"])
        #expect(Self.query(transport.requests.last)["key-marker"] == "dir one/a+b.txt")
    }

    @Test func keysKeepTheirSurroundingSpaces() async throws {
        let transport = ScriptedTransport([.status(200, body: R.page([R.version(" padded key ", "v1")]))])

        let page = try await Self.s3(transport).listObjectVersions(bucket: "b")

        #expect(page.versions.map(\.key) == [" padded key "])
        #expect(page.next == nil)
    }

    @Test(arguments: [
        ("<ListVersionsResult><IsTruncated>true</IsTruncated></ListVersionsResult>", "<IsTruncated> is true but there is no <NextKeyMarker>"),
        ("<ListVersionsResult><IsTruncated>true</IsTruncated><NextKeyMarker>k</NextKeyMarker><NextVersionIdMarker>v</NextVersionIdMarker></ListVersionsResult>",
         "<NextKeyMarker> and <NextVersionIdMarker> repeat the request's markers"),
        ("<ListVersionsResult><Version><Key>k</Key></Version></ListVersionsResult>", "no <VersionId> element"),
        ("<ListVersionsResult><IsTruncated>maybe</IsTruncated></ListVersionsResult>", "<IsTruncated> is not true or false"),
    ])
    func malformedPagesAreErrors(_ body: String, _ reason: String) async throws {
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await Self.s3(transport).listObjectVersions(bucket: "b", from: S3VersionMarker(keyMarker: "k", versionIdMarker: "v"))
        }

        #expect(error?.kind == .undecodableResponse(reason: reason))
    }

    @Test func thePageSequenceRequestsEachPageWithThePreviousMarkers() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.page([R.version("a", "1"), R.version("a", "2")], next: ("a", "2"))),
            .status(200, body: R.page([R.version("b", "1"), R.deleteMarker("c", "d1")], next: ("c", "d1"))),
            .status(200, body: R.page([R.version("c", "0")])),
        ])

        var keys: [[String]] = []
        for try await page in Self.s3(transport).objectVersionPages(bucket: "b", prefix: "", maxKeys: 2) {
            keys.append(page.identifiers.map(\.description))
        }

        #expect(keys == [["a (version 1)", "a (version 2)"], ["b (version 1)", "c (version d1)"], ["c (version 0)"]])
        let queries = transport.requests.map(Self.query)
        #expect(queries.map { $0["key-marker"] } == [nil, "a", "c"])
        #expect(queries.map { $0["version-id-marker"] } == [nil, "2", "d1"])
        #expect(queries.allSatisfy { $0["max-keys"] == "2" && $0["prefix"] == "" })
    }

    @Test func aNoSuchBucketIsThrown() async throws {
        let transport = ScriptedTransport([.status(404, body: AWSResponses.s3Error(code: "NoSuchBucket", message: "The specified bucket does not exist"))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await Self.s3(transport).listObjectVersions(bucket: "gone") }

        #expect(error?.code == "NoSuchBucket")
    }
}
