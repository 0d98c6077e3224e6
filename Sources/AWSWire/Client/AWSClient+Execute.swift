import Foundation
import Logging
import SigV4

extension AWSClient {
    /// Sends `request` until it succeeds or the retry strategy gives up. Each attempt fetches
    /// credentials (the provider caches), signs with the clock's current date, and sends with the
    /// timeout; a non-2xx response becomes an `AWSServiceError`.
    ///
    /// `unsigned: true` is for the few operations modelled with `authtype: none`
    /// (STS AssumeRoleWithWebIdentity, the SSO portal): the credential provider is never asked
    /// and the request goes out without `Authorization`/`X-Amz-Date`, exactly as built.
    public func send(operation: String, request: HTTPRequest, signing options: SigningOptions, unsigned: Bool = false) async throws
        -> HTTPResponse
    {
        var attempt = StandardRetryStrategy.Attempt()
        while true {
            try Task.checkCancellation()
            if let limiter = retry.rateLimiter {
                let pace = limiter.delayBeforeSending()
                if pace > .zero {
                    logger.debug("\(service.serviceId) \(operation): adaptive retry mode waits \(Self.seconds(pace)) before sending")
                    try await sleep(pace)
                }
            }
            let signed: HTTPRequest
            if unsigned {
                signed = request
            } else {
                let credentials = try await self.credentials.credentials()
                signed = sign(request, credentials: credentials, options: options)
            }
            let started = ContinuousClock.now
            let failure: any Error
            do {
                let response = try await transport.send(signed, timeouts: timeouts)
                logAttempt(operation, signed, attempt: attempt.number, started: started, status: response.statusCode,
                    requestId: response.requestIdHeader)
                if response.isSuccess {
                    retry.rateLimiter?.record(throttled: false)
                    retry.recordSuccess(attempt)
                    return response
                }
                failure = AWSErrorParser.parse(response, serviceId: service.serviceId, operation: operation)
            } catch let error as TransportError {
                logAttempt(operation, signed, attempt: attempt.number, started: started, status: nil, requestId: nil,
                    transport: error.kind)
                failure = error
            }
            retry.rateLimiter?.record(throttled: StandardRetryStrategy.isThrottling(failure))
            let failedAttempt = attempt.number
            let decision = retry.decide(after: failure, attempt: &attempt)
            guard case .retry(let delay) = decision else {
                logger.debug("aws request failed", metadata: ["aws.operation": "\(operation)", "aws.retry": "\(decision)"])
                throw Self.final(failure, decision: decision, attempts: failedAttempt, maxAttempts: retry.maxAttempts)
            }
            // One line per retry: what failed, which attempt comes next, and how long it waits.
            logger.debug(
                "retry \(service.serviceId) \(operation): attempt \(attempt.number)/\(retry.maxAttempts) after \(Self.condition(failure)), waiting \(Self.seconds(delay))")
            try await sleep(delay)
        }
    }

    /// The error to throw when retries stop: a retryable one carries how many attempts were made.
    static func final(_ failure: any Error, decision: RetryDecision, attempts: Int, maxAttempts: Int) -> any Error {
        let reason: RetriesExhausted.Reason
        switch decision {
        case .maxAttemptsExceeded: reason = .maxAttempts
        case .quotaExceeded: reason = .quota
        default: return failure
        }
        // A single attempt allowed (max_attempts 1) is not "giving up": the error stays as it was.
        guard attempts > 1 || reason == .quota else { return failure }
        let exhausted = RetriesExhausted(attempts: attempts, maxAttempts: maxAttempts, reason: reason)
        switch failure {
        case var error as AWSServiceError:
            error.retriesExhausted = exhausted
            return error
        case var error as TransportError:
            error.retriesExhausted = exhausted
            return error
        default:
            return failure
        }
    }

    /// The retryable condition for the debug log: the error code and status, or the transport failure.
    static func condition(_ failure: any Error) -> String {
        switch failure {
        case let error as AWSServiceError: return "\(error.code) (HTTP \(error.statusCode))"
        case let error as TransportError: return "transport \(error.kind.rawValue): \(error.detail)"
        default: return String(describing: failure)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f s", seconds)
    }

    /// The signing options this client's service needs (S3: single encoding, literal keys, payload hash header).
    public var signingOptions: SigningOptions {
        service.signingName == "s3" ? .s3 : SigningOptions()
    }

    func sign(_ request: HTTPRequest, credentials: AWSCredentials, options: SigningOptions) -> HTTPRequest {
        let signer = SigV4Signer(credentials: credentials, region: endpoint.signingRegion, service: service.signingName)
        let signable = SignableRequest(method: request.method, url: request.url, headers: request.headers.pairs, body: request.body)
        let signed = signer.sign(signable, date: clock(), options: options)
        return HTTPRequest(method: request.method, url: request.url, headers: HTTPHeaders(signed.headers), body: request.body)
    }

    /// One debug line per attempt. Deliberately limited to method, host, path, status, attempt,
    /// request id and duration: headers carry the Authorization signature and session token, and
    /// bodies carry credentials (STS) and secrets (SSM), so neither is ever logged.
    private func logAttempt(
        _ operation: String, _ request: HTTPRequest, attempt: Int, started: ContinuousClock.Instant, status: Int?, requestId: String?,
        transport: TransportError.Kind? = nil
    ) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "aws.service": "\(service.serviceId)",
            "aws.operation": "\(operation)",
            "http.method": "\(request.method)",
            "http.host": "\(request.hostAndPort)",
            "http.path": "\(request.encodedPath)",
            "aws.attempt": "\(attempt)",
            "duration_ms": "\(String(format: "%.1f", milliseconds))",
        ]
        if let status { metadata["http.status"] = "\(status)" }
        if let requestId { metadata["aws.request_id"] = "\(requestId)" }
        if let transport { metadata["transport.error"] = "\(transport.rawValue)" }
        logger.debug("aws request", metadata: metadata)
    }
}
