import AWSServices
import AWSWire
import Foundation
import Logging
import SigV4
import TestSupport

@testable import Assets

/// An S3 client on a scripted transport (emulator-style endpoint, path-style URLs, fake clock, no real sleeps).
enum UploaderHarness {
    static let endpoint = URL(string: "http://127.0.0.1:5055")!
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    static func s3(_ transport: any HTTPTransport) -> S3Client {
        let clock = FakeClock()
        return S3Client(client: AWSClient(
            service: .s3, region: "eu-west-1", endpointURL: endpoint, credentials: FixedCredentialProvider(credentials), transport: transport,
            retry: StandardRetryStrategy(random: { 0 }), timeouts: HTTPTimeouts(connect: .seconds(5), read: .seconds(5)), clock: clock.clock, sleep: clock.sleeper,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
    }

    /// The S3 operation a request stands for, from its method and query (enough for the uploader's calls).
    static func operation(_ request: HTTPRequest) -> String {
        let query = request.encodedQuery ?? ""
        switch request.method {
        case "HEAD": return "HeadObject"
        case "PUT": return query.contains("partNumber=") ? "UploadPart" : "PutObject"
        case "POST": return query == "uploads" ? "CreateMultipartUpload" : "CompleteMultipartUpload"
        case "DELETE": return query.contains("uploadId=") ? "AbortMultipartUpload" : "DeleteObject"
        default: return "\(request.method) \(request.encodedPath)"
        }
    }

    /// `partNumber` of an UploadPart request.
    static func partNumber(_ request: HTTPRequest) -> Int? {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "partNumber" }?.value.flatMap { Int($0) }
    }

    /// A well-behaved S3 for one multipart upload: HEAD 404, upload id `up-1`, part N answers ETag `"etag-N"`.
    static func multipartS3(failingPart: Int? = nil, completeStatus: Int = 200) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            switch operation(request) {
            case "HeadObject": return HTTPResponse(statusCode: 404)
            case "CreateMultipartUpload": return HTTPResponse(statusCode: 200, body: S3Responses.initiateMultipartUpload(uploadId: "up-1"))
            case "UploadPart":
                let number = partNumber(request) ?? 0
                if number == failingPart {
                    return HTTPResponse(statusCode: 403, body: S3Responses.error(code: "AccessDenied", message: "Access Denied"))
                }
                return HTTPResponse(statusCode: 200, headers: ["ETag": "\"etag-\(number)\""])
            case "CompleteMultipartUpload":
                if completeStatus != 200 {
                    return HTTPResponse(statusCode: completeStatus, body: S3Responses.error(code: "EntityTooSmall", message: "too small"))
                }
                return HTTPResponse(statusCode: 200, body: S3Responses.completeMultipartUpload(eTag: "\"m-3\""))
            case "AbortMultipartUpload": return HTTPResponse(statusCode: 204)
            default: return HTTPResponse(statusCode: 500)
            }
        }
    }
}

/// Answers UploadPart after a short real pause and records the most parts in flight at once.
final class ConcurrencyProbe: HTTPTransport, @unchecked Sendable {
    private let state = LockedBox((inFlight: 0, peak: 0, parts: 0))
    private let base = UploaderHarness.multipartS3()

    func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        guard UploaderHarness.operation(request) == "UploadPart" else { return try await base.send(request, timeouts: timeouts) }
        state.withLock {
            $0.inFlight += 1
            $0.parts += 1
            $0.peak = max($0.peak, $0.inFlight)
        }
        try await Task.sleep(for: .milliseconds(100))
        state.withLock { $0.inFlight -= 1 }
        return try await base.send(request, timeouts: timeouts)
    }

    var peak: Int { state.value.peak }
    var parts: Int { state.value.parts }
}

/// Holds every UploadPart until the caller's task is cancelled, and like URLSession refuses to send from a
/// cancelled task; records each operation that got through.
final class StallingTransport: HTTPTransport, @unchecked Sendable {
    private let base = UploaderHarness.multipartS3()
    private let seen = LockedBox<[String]>([])

    func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let operation = UploaderHarness.operation(request)
        seen.withLock { $0.append(operation) }
        if operation == "UploadPart" { try await Task.sleep(for: .seconds(30)) }
        return try await base.send(request, timeouts: timeouts)
    }

    var operations: [String] { seen.value }
}
