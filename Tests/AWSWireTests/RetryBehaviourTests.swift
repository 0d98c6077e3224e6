import AWSConfig
import AWSWire
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct RetryBehaviourTests {
    static let ok = ScriptedTransport.Reply.status(200, body: "<Ok/>")
    static let throttling = ScriptedTransport.Reply.status(
        400, body: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
    static let validation = ScriptedTransport.Reply.status(
        400, body: "<ErrorResponse><Error><Code>ValidationError</Code><Message>Stack with id x does not exist</Message></Error></ErrorResponse>")

    func seconds(_ durations: [Duration]) -> [Double] {
        durations.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
    }

    @Test func retriesThrottlingThenSucceedsWithJitteredBackoff() async throws {
        let transport = ScriptedTransport([Self.throttling, Self.throttling, Self.ok])
        let clock = FakeClock()
        let quota = RetryQuota()
        let credentials = FixedCredentialProvider()
        let client = AWSClient(
            service: .cloudFormation, region: "us-east-1", credentials: credentials, transport: transport,
            retry: StandardRetryStrategy(quota: quota, random: { 0.25 }), clock: clock.clock, sleep: clock.sleeper)

        _ = try await client.query(action: "DescribeStacks")

        #expect(transport.requests.count == 3)
        #expect(seconds(clock.sleeps) == [0.25, 0.5])  // 0.25 × 2^0, 0.25 × 2^1
        #expect(quota.available == 495)  // 500 − 5 − 5, then the last retry's 5 refunded
        #expect(credentials.callCount == 3)  // credentials are fetched for every attempt
    }

    @Test func s3SlowDownIsThrottling() async throws {
        let slowDown = ScriptedTransport.Reply.status(
            503, body: "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")
        let transport = ScriptedTransport([slowDown, Self.ok])
        let client = Fixture.client(.s3, endpoint: URL(string: "http://127.0.0.1:5055")!, transport: transport)
        let response = try await client.s3(operation: "DeleteObjects", method: "POST", bucket: "b", query: [("delete", nil)])
        #expect(response.statusCode == 200)
        #expect(transport.requests.count == 2)
    }

    @Test func stopsWhenTheQuotaCannotPay() async throws {
        let transport = ScriptedTransport { _, _ in HTTPResponse(statusCode: 500, body: "") }
        let quota = RetryQuota(initialTokens: 12)
        let clock = FakeClock()
        let client = Fixture.client(
            .sts, transport: transport, clock: clock, retry: StandardRetryStrategy(maxAttempts: 10, quota: quota, random: { 1 }))

        let error = await #expect(throws: AWSServiceError.self) { _ = try await client.query(action: "GetCallerIdentity") }

        #expect(error?.code == "InternalServerError")
        #expect(transport.requests.count == 3)  // two retries paid (12 → 7 → 2), the third cannot be
        #expect(quota.available == 2)
        #expect(seconds(clock.sleeps) == [1, 2])
    }

    @Test func validationErrorsAreNotRetried() async throws {
        let transport = ScriptedTransport([Self.validation, Self.ok])
        let quota = RetryQuota()
        let clock = FakeClock()
        let client = Fixture.client(.cloudFormation, transport: transport, clock: clock, retry: StandardRetryStrategy(quota: quota))

        let error = await #expect(throws: AWSServiceError.self) { _ = try await client.query(action: "DescribeStacks") }

        #expect(error?.code == "ValidationError")
        #expect(transport.requests.count == 1)
        #expect(quota.available == 500)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func timeoutCostsTen() async throws {
        let quota = RetryQuota()
        let observed = QuotaLog()
        let transport = ScriptedTransport { _, index in
            observed.append(quota.available)
            if index == 0 { throw TransportError(kind: .timeout, host: "sts.us-east-1.amazonaws.com", detail: "timed out") }
            return HTTPResponse(statusCode: 200, body: "<Ok/>")
        }
        let client = Fixture.client(.sts, transport: transport, retry: StandardRetryStrategy(quota: quota, random: { 1 }))

        _ = try await client.query(action: "GetCallerIdentity")

        #expect(observed.values == [500, 490])
        #expect(quota.available == 500)  // the 10 are refunded by the success
    }

    @Test func connectionFailureCostsFiveAndIsRetried() async throws {
        let quota = RetryQuota()
        let observed = QuotaLog()
        let transport = ScriptedTransport { _, index in
            observed.append(quota.available)
            if index == 0 { throw TransportError(kind: .connectionFailed, host: "127.0.0.1:1", detail: "refused") }
            return HTTPResponse(statusCode: 200, body: "<Ok/>")
        }
        let client = Fixture.client(.sts, transport: transport, retry: StandardRetryStrategy(quota: quota, random: { 1 }))
        _ = try await client.query(action: "GetCallerIdentity")
        #expect(observed.values == [500, 495])
    }

    @Test func otherTransportErrorsAreFinal() async throws {
        let transport = ScriptedTransport([.failure(TransportError(kind: .other, host: "h", detail: "bad URL")), Self.ok])
        let client = Fixture.client(.sts, transport: transport)
        await #expect(throws: TransportError.self) { _ = try await client.query(action: "GetCallerIdentity") }
        #expect(transport.requests.count == 1)
    }

    @Test func firstTrySuccessRefundsOneUpToCapacity() {
        let strategy = StandardRetryStrategy()
        #expect(strategy.quota.acquire(5))
        strategy.recordSuccess(StandardRetryStrategy.Attempt())
        #expect(strategy.quota.available == 496)
        for _ in 0..<10 { strategy.recordSuccess(StandardRetryStrategy.Attempt()) }
        #expect(strategy.quota.available == 500)
    }

    @Test(arguments: [
        ("Throttling", RetryErrorKind.throttling), ("ThrottlingException", .throttling), ("TooManyRequestsException", .throttling),
        ("RequestLimitExceeded", .throttling), ("SlowDown", .throttling), ("PriorRequestNotComplete", .throttling),
        ("RequestTimeout", .transient), ("RequestTimeoutException", .transient), ("IDPCommunicationError", .transient),
    ])
    func classifiesErrorCodes(code: String, kind: RetryErrorKind) {
        #expect(RetryClassifier.classify(AWSServiceError(serviceId: "S", operation: "O", statusCode: 400, code: code)) == kind)
    }

    @Test(arguments: [(500, true), (502, true), (503, true), (504, true), (501, false), (400, false), (403, false), (404, false), (429, false)])
    func classifiesStatusCodes(status: Int, retryable: Bool) {
        let error = AWSServiceError(serviceId: "S", operation: "O", statusCode: status, code: "Whatever")
        #expect((RetryClassifier.classify(error) != nil) == retryable)
    }

    @Test func backoffIsCappedAtTwentySeconds() {
        let strategy = StandardRetryStrategy(random: { 0.5 })
        #expect(seconds((1...7).map(strategy.backoff(retry:))) == [0.5, 1, 2, 4, 8, 10, 10])
    }

    @Test func copiesAndConcurrentRequestsShareOneQuota() async throws {
        // The first attempt of each request fails and its retry succeeds (requests differ by body).
        let seen = Mutex<Set<Data>>([])
        let transport = ScriptedTransport { request, _ in
            let isRetry = seen.withLock { !$0.insert(request.body).inserted }
            return HTTPResponse(statusCode: isRetry ? 200 : 503, body: "<Ok/>")
        }
        let strategy = StandardRetryStrategy(random: { 0 })
        let client = Fixture.client(.sts, transport: transport, retry: strategy)
        let copy = client
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                let chosen = index.isMultiple(of: 2) ? client : copy
                group.addTask {
                    var parameters = QueryParameters()
                    parameters.set("N", index)
                    _ = try await chosen.query(action: "GetCallerIdentity", parameters: parameters)
                }
            }
            try await group.waitForAll()
        }
        #expect(transport.requests.count == 40)
        #expect(strategy.quota.available == 500)  // 20 × (−5 + 5)
    }

    @Test func cancellationDuringBackoffStopsTheRequest() async throws {
        let transport = ScriptedTransport { _, _ in HTTPResponse(statusCode: 503, body: "") }
        let client = AWSClient(
            service: .sts, region: "us-east-1", credentials: FixedCredentialProvider(), transport: transport,
            retry: StandardRetryStrategy(random: { 1 }), sleep: { _ in throw CancellationError() })
        await #expect(throws: CancellationError.self) { _ = try await client.query(action: "GetCallerIdentity") }
        #expect(transport.requests.count == 1)
    }
}

@Suite struct RetrySettingsTests {
    @Test func maxAttemptsComesFromTheResolvedSettings() async throws {
        let settings = try RetrySettings.resolve(environment: EnvironmentVariables(["AWS_MAX_ATTEMPTS": "5"]), profile: nil)
        let transport = ScriptedTransport { _, _ in HTTPResponse(statusCode: 503, body: "") }
        let client = Fixture.client(.sts, transport: transport, retry: StandardRetryStrategy(settings: settings, random: { 0 }))
        await #expect(throws: AWSServiceError.self) { _ = try await client.query(action: "GetCallerIdentity") }
        #expect(transport.requests.count == 5)
        #expect(StandardRetryStrategy(settings: RetrySettings()).maxAttempts == 3)
    }
}
