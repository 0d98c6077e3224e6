import AWSWire
import Foundation
import TestSupport
import Testing

/// The AWS CLI's two limits on the libcurl transport: the error names the host and which limit expired.
@Suite struct TransportTimeoutTests {
    @Test func aSilentServerEndsAtTheReadTimeoutNamingTheHostAndTheLimit() async throws {
        let server = try SilentServer()
        defer { server.stop() }
        let started = ContinuousClock.now

        let error = await #expect(throws: TransportError.self) {
            _ = try await CurlTransport().send(
                HTTPRequest(method: "POST", url: server.url, body: Data("Action=GetCallerIdentity".utf8)),
                timeouts: HTTPTimeouts(connect: .seconds(5), read: .seconds(1)))
        }

        let elapsed = ContinuousClock.now - started
        // At least the limit, and far from the 60 s default (the bound allows for a loaded 2-core CI machine).
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(40), "\(elapsed)")
        #expect(error?.kind == .timeout)
        #expect(error?.description.contains("127.0.0.1:\(server.port)") == true)
        #expect(error?.description.contains("read timeout of 1 s (--cli-read-timeout)") == true, "\(String(describing: error))")
    }

    @Test func aFullAcceptQueueEndsAtTheConnectTimeout() async throws {
        let server = try SilentServer(fullBacklog: true)
        defer { server.stop() }

        let error = await #expect(throws: TransportError.self) {
            _ = try await CurlTransport().send(
                HTTPRequest(method: "GET", url: server.url), timeouts: HTTPTimeouts(connect: .milliseconds(700), read: .seconds(30)))
        }

        #expect(error?.kind == .timeout)
        #expect(error?.description.contains("connect timeout of 0.7 s (--cli-connect-timeout)") == true, "\(String(describing: error))")
    }

    @Test func aClosedPortIsAConnectionFailure() async throws {
        let error = await #expect(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/")!), timeouts: .awsDefault)
        }
        #expect(error?.kind == .connectionFailed)
    }

    @Test func limitsParseAsTheAWSCLIsSeconds() throws {
        #expect(try HTTPTimeouts.limit(seconds: "0", option: "--cli-read-timeout") == nil)
        #expect(try HTTPTimeouts.limit(seconds: "2.5", option: "--cli-read-timeout") == .milliseconds(2500))
        for bad in ["-1", "abc", "", "nan", "1e9"] {
            #expect(throws: HTTPTimeoutValueError.self) { try HTTPTimeouts.limit(seconds: bad, option: "--cli-read-timeout") }
        }
    }
}
