import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Testing
import TestSupport

/// Signed calls through our own signer, against a moto server that verifies every signature
/// (`INITIAL_NO_AUTH_ACTION_COUNT`), for each protocol: query (STS, IAM), REST-XML (S3) and JSON 1.1 (SSM).
@Suite struct SignedCallsTests {
    @Test func everyProtocolIsAcceptedBySignatureVerification() async throws {
        try await withEmulator(auth: true) { emulator in
            let dev = try #require(emulator.account("dev"))
            let session = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment)

            // Query protocol: STS and IAM.
            let identity = try await session.sts.getCallerIdentity()
            #expect(identity.account == dev.accountID)
            #expect(identity.arn == "arn:aws:iam::\(dev.accountID):user/mlopsctl")
            #expect(try await session.iam.getRole(name: "mlopsctl-no-such-role-\(UUID().uuidString.prefix(8))") == nil)

            // REST-XML: a bucket and an object whose key has spaces and slashes.
            let bucket = "mlopsctl-it-\(UUID().uuidString.prefix(8).lowercased())"
            let key = "dir one/key with spaces.txt"
            try await session.s3.createBucket(bucket)
            #expect(try await session.s3.listBuckets().contains { $0.name == bucket })
            #expect(try await session.s3.headBucket(bucket) != .notFound)
            _ = try await session.s3.putObject(bucket: bucket, key: key, body: Data("hello".utf8), contentType: "text/plain")
            #expect(try await session.s3.getObject(bucket: bucket, key: key)?.body == Data("hello".utf8))
            #expect(try await session.s3.headObject(bucket: bucket, key: key)?.contentLength == 5)
            try await session.s3.deleteObject(bucket: bucket, key: key)
            #expect(try await session.s3.getObject(bucket: bucket, key: key) == nil)
            try await session.s3.deleteBucket(bucket)
            #expect(try await session.s3.headBucket(bucket) == .notFound)

            // JSON 1.1: SSM.
            let name = "/mlopsctl/it/\(UUID().uuidString.prefix(8))"
            #expect(try await session.ssm.putParameter(name: name, value: "v1", type: .string) == 1)
            #expect(try await session.ssm.getParameter(name: name)?.value == "v1")
            #expect(try await session.ssm.deleteParameter(name: name))
            #expect(try await session.ssm.getParameter(name: name) == nil)
        }
    }

    @Test func aWrongSecretIsRejectedWithAClearError() async throws {
        try await withEmulator(auth: true) { emulator in
            let prod = try #require(emulator.account("prod"))
            // Same access key, wrong secret: a second credentials file the way a user would mistype it.
            let original = try String(contentsOf: emulator.credentialsFile, encoding: .utf8)
            let wrong = emulator.directory.appendingPathComponent("credentials-wrong")
            let canary = "WRONG-SECRET-CANARY-0123456789abcdefghij"
            let secrets = try emulator.secrets()
            var text = original
            for secret in secrets { text = text.replacingOccurrences(of: secret, with: canary) }
            try text.write(to: wrong, atomically: true, encoding: .utf8)
            var environment = emulator.awsEnvironment
            environment.values["AWS_SHARED_CREDENTIALS_FILE"] = wrong.path

            let session = try AWSSession.make(profile: prod.profile, environment: environment)
            let error = await #expect(throws: AWSServiceError.self) { try await session.sts.getCallerIdentity() }
            #expect(error?.code == "SignatureDoesNotMatch")
            #expect(error?.statusCode == 403)
            let message = String(describing: try #require(error))
            #expect(message.contains("STS GetCallerIdentity"))
            #expect(!message.contains(canary))
        }
    }
}
