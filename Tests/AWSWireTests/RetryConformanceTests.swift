import AWSWire
import Foundation
import Synchronization
import TestSupport
import Testing
import Yams

/// `retry-standard-mode/standard-retry-test-cases.yaml` (smithy-kotlin, 6 documents): after each
/// scripted response, the outcome, the retry quota and the delay must match.
/// `exponential_base` stands in for rand(), so the delay is `base * min(power^(n-1), max_backoff)`.
@Suite struct RetryConformanceTests {
    struct Case {
        var name: String
        var maxAttempts: Int
        var initialTokens: Int
        var jitter: Double
        var power: Double
        var maxBackoff: Double
        var steps: [Step]
    }

    struct Step {
        var status: Int
        var outcome: String
        var quota: Int
        var delay: Double?
    }

    static let expectedCases = 6

    static func loadCases() throws -> [Case]? {
        let url: URL
        switch ConformanceData.locate("retry-standard-mode/standard-retry-test-cases.yaml") {
        case .available(let found): url = found
        case .skipped: return nil
        case .missingUnderCI(let message):
            Issue.record(Comment(rawValue: message))
            return nil
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let names = text.split(separator: "\n").filter { $0.hasPrefix("# name: ") }.map { String($0.dropFirst("# name: ".count)) }
        var cases: [Case] = []
        for (index, document) in try Yams.load_all(yaml: text).enumerated() {
            let doc = try #require(document as? [String: Any])
            let given = try #require(doc["given"] as? [String: Any])
            let responses = try #require(doc["responses"] as? [[String: Any]])
            let steps = try responses.map { entry -> Step in
                let response = try #require(entry["response"] as? [String: Any])
                let expected = try #require(entry["expected"] as? [String: Any])
                return Step(
                    status: try #require(response["status_code"] as? Int), outcome: try #require(expected["outcome"] as? String),
                    quota: try #require(expected["retry_quota"] as? Int), delay: number(expected["delay"]))
            }
            cases.append(
                Case(
                    name: index < names.count ? names[index] : "case \(index + 1)", maxAttempts: try #require(given["max_attempts"] as? Int),
                    initialTokens: try #require(given["initial_retry_tokens"] as? Int), jitter: try #require(number(given["exponential_base"])),
                    power: try #require(number(given["exponential_power"])), maxBackoff: try #require(number(given["max_backoff_time"])),
                    steps: steps))
        }
        return cases
    }

    static func number(_ value: Any?) -> Double? {
        (value as? Double) ?? (value as? Int).map(Double.init)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Drives `StandardRetryStrategy` directly, response by response.
    @Test func strategyMatchesEveryDocument() throws {
        guard let cases = try Self.loadCases() else { return }
        #expect(cases.count == Self.expectedCases)
        var stepsRun = 0
        for testCase in cases {
            // Our backoff is base 2; a document with another base would need a different formula.
            #expect(testCase.power == 2, "\(testCase.name)")
            let jitter = testCase.jitter
            let strategy = StandardRetryStrategy(
                maxAttempts: testCase.maxAttempts, maxBackoff: .seconds(testCase.maxBackoff),
                quota: RetryQuota(initialTokens: testCase.initialTokens), random: { jitter })
            var attempt = StandardRetryStrategy.Attempt()
            for (index, step) in testCase.steps.enumerated() {
                let label = "\(testCase.name), response \(index + 1)"
                let outcome: String
                var delay: Double?
                if step.status < 300 {
                    strategy.recordSuccess(attempt)
                    outcome = "success"
                } else {
                    let error = AWSErrorParser.parse(HTTPResponse(statusCode: step.status), serviceId: "Test", operation: "Op")
                    switch strategy.decide(after: error, attempt: &attempt) {
                    case .retry(let wait):
                        outcome = "retry_request"
                        delay = Self.seconds(wait)
                    case .maxAttemptsExceeded: outcome = "max_attempts_exceeded"
                    case .quotaExceeded: outcome = "retry_quota_exceeded"
                    case .notRetryable: outcome = "not_retryable"
                    }
                }
                #expect(outcome == step.outcome, "\(label)")
                #expect(strategy.quota.available == step.quota, "\(label)")
                #expect(delay == step.delay, "\(label)")
                stepsRun += 1
            }
        }
        #expect(stepsRun == 19)
    }

    /// The same documents end to end through `AWSClient`: the quota is observed by the transport
    /// when the next attempt arrives, delays through the injected sleeper.
    @Test func clientMatchesEveryDocument() async throws {
        guard let cases = try Self.loadCases() else { return }
        #expect(cases.count == Self.expectedCases)
        for testCase in cases {
            let quota = RetryQuota(initialTokens: testCase.initialTokens)
            let jitter = testCase.jitter
            let strategy = StandardRetryStrategy(
                maxAttempts: testCase.maxAttempts, maxBackoff: .seconds(testCase.maxBackoff), quota: quota, random: { jitter })
            let observed = QuotaLog()
            let steps = testCase.steps
            let transport = ScriptedTransport { _, index in
                observed.append(quota.available)
                return HTTPResponse(statusCode: steps[index].status, body: steps[index].status < 300 ? "<Ok/>" : "")
            }
            let clock = FakeClock()
            let client = Fixture.client(.sts, transport: transport, clock: clock, retry: strategy)

            let result: Result<XMLElementNode, any Error>
            do { result = .success(try await client.query(action: "GetCallerIdentity")) } catch { result = .failure(error) }

            // Quota seen by attempt n+1 is the quota after response n.
            #expect(observed.values == [testCase.initialTokens] + steps.dropLast().map(\.quota), "\(testCase.name)")
            #expect(quota.available == steps.last?.quota, "\(testCase.name)")
            #expect(clock.sleeps.map(Self.seconds) == steps.compactMap(\.delay), "\(testCase.name)")
            switch (result, steps.last?.outcome) {
            case (.success, "success"): break
            case (.failure(let error as AWSServiceError), let outcome?) where outcome != "success":
                #expect(error.statusCode == steps.last?.status, "\(testCase.name)")
            default:
                Issue.record("\(testCase.name): unexpected result \(result)")
            }
        }
    }
}

/// Collects quota readings from inside the transport closure.
final class QuotaLog: Sendable {
    private let readings = Mutex<[Int]>([])
    func append(_ value: Int) { readings.withLock { $0.append(value) } }
    var values: [Int] { readings.withLock { $0 } }
}
