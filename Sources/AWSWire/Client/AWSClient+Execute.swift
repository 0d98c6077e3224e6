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
                let response = try await transport.send(signed, timeout: timeout)
                logAttempt(operation, signed, attempt: attempt.number, started: started, status: response.statusCode,
                    requestId: response.requestIdHeader)
                if response.isSuccess {
                    retry.recordSuccess(attempt)
                    return response
                }
                failure = AWSErrorParser.parse(response, serviceId: service.serviceId, operation: operation)
            } catch let error as TransportError {
                logAttempt(operation, signed, attempt: attempt.number, started: started, status: nil, requestId: nil,
                    transport: error.kind)
                failure = error
            }
            let decision = retry.decide(after: failure, attempt: &attempt)
            guard case .retry(let delay) = decision else {
                logger.debug("aws request failed", metadata: ["aws.operation": "\(operation)", "aws.retry": "\(decision)"])
                throw failure
            }
            logger.debug(
                "aws request retrying",
                metadata: ["aws.operation": "\(operation)", "aws.next_attempt": "\(attempt.number)", "aws.delay": "\(delay)"])
            try await sleep(delay)
        }
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
