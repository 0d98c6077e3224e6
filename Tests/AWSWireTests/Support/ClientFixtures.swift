import AWSWire
import Foundation
import Logging
import SigV4
import TestSupport

/// The fixed inputs the golden values in these tests were computed with (botocore 1.43,
/// `SigV4Auth`/`S3SigV4Auth` with the clock patched to 2026-11-29T00:00:00Z).
enum Fixture {
    static let date = Date(timeIntervalSince1970: 1_795_910_400)  // 2026-11-29T00:00:00Z
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let longTerm = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret)
    static let session = AWSCredentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: secret, sessionToken: "SESSIONTOKEN/EXAMPLE+xyz=")

    static func client(
        _ service: ServiceDescriptor, region: String = "us-east-1", endpoint: URL? = nil, credentials: AWSCredentials = longTerm,
        transport: any HTTPTransport, clock: FakeClock = FakeClock(date), retry: StandardRetryStrategy = StandardRetryStrategy(random: { 1 }),
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> AWSClient {
        AWSClient(
            service: service, region: region, endpointURL: endpoint, credentials: FixedCredentialProvider(credentials),
            transport: transport, retry: retry, timeouts: HTTPTimeouts(connect: .seconds(3), read: .seconds(7)), clock: clock.clock, sleep: clock.sleeper, logger: logger)
    }

    static func body(_ request: HTTPRequest?) -> String {
        request.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
    }
}
