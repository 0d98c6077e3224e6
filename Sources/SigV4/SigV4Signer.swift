import Crypto
import Foundation

/// AWS Signature Version 4, as a pure value: no clock, no network. The three stages are separate
/// functions so tests can check each against the published vectors.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    public let credentials: AWSCredentials
    public let region: String
    public let service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Returns `request` with `Host`, `X-Amz-Date`, `X-Amz-Security-Token`, `x-amz-content-sha256`
    /// (when asked) and `Authorization` set.
    public func sign(_ request: SignableRequest, date: Date, options: SigningOptions = SigningOptions()) -> SignableRequest {
        var request = request
        let payloadHash = options.unsignedPayload ? Self.unsignedPayload : CanonicalRequest.hexSHA256(request.body)
        if request.value(of: "host") == nil, let url = request.url, let host = SignableRequest.hostHeader(for: url) {
            request.headers.insert((name: "Host", value: host), at: 0)
        }
        request.setHeader("X-Amz-Date", SigningDate(date).timestamp)
        if options.addContentSHA256Header { request.setHeader("x-amz-content-sha256", payloadHash) }
        if let token = credentials.sessionToken, !options.omitSessionToken { request.setHeader("X-Amz-Security-Token", token) }

        let canonical = canonicalRequest(request, options: options, payloadHash: payloadHash)
        let toSign = stringToSign(canonicalRequest: canonical.text, date: date)
        let signature = signature(stringToSign: toSign, date: date)
        let scope = credentialScope(date: date)
        request.setHeader(
            "Authorization",
            "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)")
        if let token = credentials.sessionToken, options.omitSessionToken { request.setHeader("X-Amz-Security-Token", token) }
        return request
    }

    /// Stage 1. `payloadHash` defaults to the SHA-256 of the body.
    public func canonicalRequest(_ request: SignableRequest, options: SigningOptions = SigningOptions(), payloadHash: String? = nil)
        -> CanonicalRequest
    {
        CanonicalRequest(request: request, payloadHash: payloadHash ?? CanonicalRequest.hexSHA256(request.body), options: options)
    }

    /// Stage 2.
    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        [
            Self.algorithm,
            SigningDate(date).timestamp,
            credentialScope(date: date),
            CanonicalRequest.hexSHA256(Data(canonicalRequest.utf8)),
        ].joined(separator: "\n")
    }

    /// Stage 3: hex HMAC of the string to sign with the derived key.
    public func signature(stringToSign: String, date: Date) -> String {
        let key = signingKey(date: date)
        return HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    public func credentialScope(date: Date) -> String {
        "\(SigningDate(date).day)/\(region)/\(service)/aws4_request"
    }

    func signingKey(date: Date) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [SigningDate(date).day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }
}
