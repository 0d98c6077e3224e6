import AWSWire
import Foundation
import Logging
import SigV4
import TestSupport
import Testing

@testable import AWSServices

/// Clients wired to a scripted transport, a fake clock (2026-11-29T00:00:00Z) and a no-op sleeper.
enum TestClients {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func client(
        _ service: ServiceDescriptor, region: String = "us-east-1", endpoint: URL? = nil, transport: any HTTPTransport,
        clock: FakeClock = FakeClock()
    ) -> AWSClient {
        AWSClient(
            service: service, region: region, endpointURL: endpoint, credentials: FixedCredentialProvider(credentials), transport: transport,
            retry: StandardRetryStrategy(random: { 0 }), timeouts: HTTPTimeouts(connect: .seconds(5), read: .seconds(5)), clock: clock.clock, sleep: clock.sleeper, logger: quietLogger)
    }

    static func sts(_ transport: ScriptedTransport, region: String = "us-east-1", endpoint: URL? = nil) -> STSClient {
        STSClient(client: client(.sts, region: region, endpoint: endpoint, transport: transport))
    }

    static func iam(_ transport: ScriptedTransport) -> IAMClient {
        IAMClient(client: client(.iam, transport: transport))
    }

    static func s3(_ transport: ScriptedTransport, region: String = "us-east-1", endpoint: URL? = nil) -> S3Client {
        S3Client(client: client(.s3, region: region, endpoint: endpoint, transport: transport))
    }

    static func ssm(_ transport: ScriptedTransport, region: String = "eu-west-1") -> SSMClient {
        SSMClient(client: client(.ssm, region: region, transport: transport))
    }

    static func sso(_ transport: ScriptedTransport, region: String = "eu-west-1", endpoint: URL? = nil) -> SSOPortalClient {
        SSOPortalClient(client: client(.ssoPortal, region: region, endpoint: endpoint, transport: transport))
    }

    static func body(_ request: HTTPRequest?) -> String {
        request.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
    }

    /// The form parameters of a query-protocol request body, decoded.
    static func form(_ request: HTTPRequest?) -> [String: String] {
        var result: [String: String] = [:]
        for pair in body(request).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            result[parts[0].removingPercentEncoding ?? parts[0]] = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
        }
        return result
    }

    /// `AKID` of `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, …`.
    static func credentialScope(_ request: HTTPRequest?) -> (accessKeyId: String, region: String, service: String)? {
        guard let header = request?.headers["Authorization"], let start = header.range(of: "Credential=") else { return nil }
        let scope = header[start.upperBound...].prefix { $0 != "," }.split(separator: "/").map(String.init)
        guard scope.count == 5 else { return nil }
        return (scope[0], scope[2], scope[3])
    }
}

/// Loads botocore models for request checks; nil (test returns) when botocore is absent outside CI.
enum BotocoreCheck {
    static func checker(_ service: String) -> ModelRequestChecker? {
        switch BotocoreModel.load(service: service) {
        case .loaded(let model): return ModelRequestChecker(model: model)
        case .skipped: return nil
        case .missingUnderCI(let message):
            Issue.record(Comment(rawValue: message))
            return nil
        }
    }

    static func problems(_ checker: ModelRequestChecker, _ operation: String, _ request: HTTPRequest) -> [String] {
        checker.problems(operation: operation, method: request.method, url: request.url, headers: request.headers.pairs, body: request.body)
    }
}
