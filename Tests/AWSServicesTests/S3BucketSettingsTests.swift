import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Bucket versioning and encryption calls.
@Suite struct S3BucketSettingsTests {
    static let emulator = URL(string: "http://127.0.0.1:5055")!

    @Test func putBucketVersioningSendsTheDocumentWithBotocoresChecksum() async throws {
        let transport = ScriptedTransport([.status(200)])

        try await TestClients.s3(transport, endpoint: Self.emulator).putBucketVersioning("mlops-assets", status: .enabled)

        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/mlops-assets?versioning")
        #expect(TestClients.body(request) == #"<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>"#)
        // The value boto3 1.43 sends for this very body.
        #expect(request.headers["x-amz-checksum-crc32"] == "C8vlPQ==")
        #expect(request.headers["x-amz-sdk-checksum-algorithm"] == "CRC32")
    }

    @Test func suspendingSendsSuspended() async throws {
        let transport = ScriptedTransport([.status(200)])

        try await TestClients.s3(transport).putBucketVersioning("b", status: .suspended)

        #expect(TestClients.body(transport.requests.first).contains("<Status>Suspended</Status>"))
    }

    /// Known CRC-32 values: the standard check value and boto3's header for "abc".
    @Test(arguments: [("123456789", UInt32(0xCBF4_3926)), ("", UInt32(0)), ("abc", UInt32(0x3524_41C2))])
    func crc32MatchesKnownValues(_ text: String, _ expected: UInt32) {
        #expect(CRC32.checksum(Data(text.utf8)) == expected)
    }

    @Test func crc32Base64IsBigEndian() {
        #expect(CRC32.base64(Data("abc".utf8)) == "NSRBwg==")
    }

    @Test(arguments: [("Enabled", S3VersioningStatus.enabled), ("Suspended", .suspended)])
    func getBucketVersioningReadsTheStatus(_ text: String, _ status: S3VersioningStatus) async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.bucketVersioning(text))])

        #expect(try await TestClients.s3(transport, endpoint: Self.emulator).getBucketVersioning("b") == status)
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:5055/b?versioning")
        #expect(transport.requests.first?.method == "GET")
    }

    @Test func aNeverVersionedBucketHasNoStatus() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.bucketVersioning(nil))])

        #expect(try await TestClients.s3(transport).getBucketVersioning("b") == nil)
    }

    @Test func anUnknownVersioningStatusIsUndecodable() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.bucketVersioning("Sometimes"))])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.s3(transport).getBucketVersioning("b") }

        #expect(error?.kind == .undecodableResponse(reason: "<Status> is neither Enabled nor Suspended"))
    }

    @Test func getBucketEncryptionReadsKMSRules() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.bucketEncryption(kmsKey: "arn:aws:kms:eu-west-1:222222222222:key/k1", bucketKeyEnabled: true))])

        let rules = try await TestClients.s3(transport, endpoint: Self.emulator).getBucketEncryption("mlops-assets")

        #expect(rules == [S3EncryptionRule(algorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:222222222222:key/k1", bucketKeyEnabled: true)])
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:5055/mlops-assets?encryption")
    }

    @Test func getBucketEncryptionReadsS3ManagedRules() async throws {
        let transport = ScriptedTransport([.status(200, body: S3Responses.bucketEncryption(kmsKey: nil))])

        #expect(try await TestClients.s3(transport).getBucketEncryption("b") == [S3EncryptionRule(algorithm: "AES256", bucketKeyEnabled: false)])
    }

    @Test func aBucketWithoutEncryptionHasNoRulesButOtherErrorsAreThrown() async throws {
        let transport = ScriptedTransport([
            .status(404, body: S3Responses.error(code: "ServerSideEncryptionConfigurationNotFoundError", message: "The server side encryption configuration was not found")),
            .status(404, body: S3Responses.error(code: "NoSuchBucket", message: "The specified bucket does not exist")),
        ])
        let s3 = TestClients.s3(transport)

        #expect(try await s3.getBucketEncryption("plain") == [])
        let error = await #expect(throws: AWSServiceError.self) { _ = try await s3.getBucketEncryption("gone") }
        #expect(error?.code == "NoSuchBucket")
    }
}
