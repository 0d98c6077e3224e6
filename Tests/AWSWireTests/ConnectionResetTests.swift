import AWSWire
import Foundation
import Logging
import SigV4
import TestSupport
import Testing

/// A keep-alive connection reset after the server read the request: the transport must not send it again on its own
/// (libcurl's "retrying a fresh connect", which URLSession on Linux did without the body and then stalled for its whole
/// timeout), but fail at once; the retry strategy then sends it again, complete.
@Suite struct ConnectionResetTests {
    static let body = Data("Action=CreateStack&StackName=demo&Version=2010-05-15".utf8)

    static func post(_ server: ConnectionResetServer, path: String) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: server.url.appendingPathComponent(path),
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: body)
    }

    @Test func aResetConnectionFailsAtOnceAndIsNotReSentWithoutItsBody() async throws {
        let server = try ConnectionResetServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let first = try await transport.send(Self.post(server, path: "first"), timeouts: .awsDefault)
        #expect(first.statusCode == 200)

        let started = ContinuousClock.now
        await #expect(throws: TransportError.self) {
            _ = try await transport.send(Self.post(server, path: "second"), timeouts: .awsDefault)
        }
        let elapsed = ContinuousClock.now - started
        // A body-less re-send would stall until the 60 s read timeout; 30 s leaves room for a loaded machine.
        #expect(elapsed < .seconds(30), "the reset surfaced after \(elapsed)")
        try await Task.sleep(for: .milliseconds(300))  // anything the transport re-sent would have arrived by now
        let requests = server.requests
        #expect(requests.map(\.path) == ["/first", "/second"], "the transport sent by itself: \(requests.map(\.path))")
        #expect(requests.allSatisfy { $0.isComplete })
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        try ReliabilityFigures.write(
            suite: "ConnectionReset",
            fixed: ["reset_connections": 1, "requests_resent_by_transport": requests.count - 2, "requests_without_body": requests.filter { !$0.isComplete }.count],
            run: ["seconds_until_error": (seconds * 1000).rounded() / 1000])
    }

    @Test func theRetryStrategySendsItAgainWithItsBody() async throws {
        let server = try ConnectionResetServer()
        defer { server.stop() }
        let client = AWSClient(
            service: .cloudFormation, region: "us-east-1", endpointURL: server.url, credentials: FixedCredentialProvider(),
            transport: CurlTransport(), retry: StandardRetryStrategy(random: { 0 }), sleep: { _ in })
        let started = ContinuousClock.now
        for path in ["first", "second"] {
            let response = try await client.send(operation: "CreateStack", request: Self.post(server, path: path), signing: SigningOptions())
            #expect(response.statusCode == 200)
        }
        // Two requests and one retry; the bound only separates "at once" from a 60 s stall on a loaded CI machine.
        #expect(ContinuousClock.now - started < .seconds(20))
        let requests = server.requests
        #expect(requests.map(\.path) == ["/first", "/second", "/second"])
        #expect(requests.map(\.connection).prefix(2) == [0, 0] && requests.last?.connection != 0)
        #expect(requests.allSatisfy { $0.isComplete && $0.body == Self.body })
    }
}
