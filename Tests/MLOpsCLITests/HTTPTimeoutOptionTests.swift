import Foundation
import TestSupport
import Testing

/// `--cli-connect-timeout` / `--cli-read-timeout`: bad values are one-line errors before any AWS call; a silent
/// endpoint ends at the read timeout with a message naming the host and the limit.
@Suite struct HTTPTimeoutOptionTests {
    @Test(arguments: [["--cli-read-timeout", "abc"], ["--cli-connect-timeout=-3"]])
    func aValueThatIsNotSecondsIsAOneLineError(_ option: [String]) async throws {
        let (result, ledgerExists) = try await ClosedPortSandbox.run(["bootstrap"] + option)
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stderr.contains("is not a number of seconds"), "\(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.combined.contains("could not connect"))
        #expect(!ledgerExists)
    }

    @Test func aSilentEndpointEndsAtTheReadTimeoutNamingTheHost() async throws {
        let server = try SilentServer()
        defer { server.stop() }
        let started = Date()

        let (result, _) = try await ClosedPortSandbox.run(
            ["doctor", "--cli-read-timeout", "1"], environment: ["AWS_ENDPOINT_URL": server.url.absoluteString])

        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.combined.contains("127.0.0.1:\(server.port)"), "\(result.combined)")
        #expect(result.combined.contains("--cli-read-timeout"), "\(result.combined)")
    }
}
