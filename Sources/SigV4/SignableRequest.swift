import Foundation

/// The parts of an HTTP request that SigV4 reads, in wire form: `path` and `query` exactly as they
/// go on the request line (already percent-encoded by the caller), headers in the order given.
public struct SignableRequest: Sendable {
    public var method: String
    public var path: String
    public var query: String?
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// The URL the request was built from, when it was built from one.
    public let url: URL?

    /// Builds a request from a URL; the Host header (with a non-default port) is added when absent.
    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? ""
        self.method = method
        self.path = path.isEmpty ? "/" : path
        self.query = components?.percentEncodedQuery
        self.headers = headers
        self.body = body
        self.url = url
        if value(of: "host") == nil, let host = Self.hostHeader(for: url) {
            self.headers.insert((name: "Host", value: host), at: 0)
        }
    }

    /// Builds a request from raw request-line parts (as the conformance suites do).
    public init(method: String, path: String, query: String?, headers: [(name: String, value: String)], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.url = nil
    }

    /// The first value of a header, compared case-insensitively.
    public func value(of name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append((name: name, value: value))
    }

    /// `host[:port]`, leaving out the scheme's default port as HTTP clients do on the wire.
    static func hostHeader(for url: URL) -> String? {
        guard let host = url.host else { return nil }
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
        return "\(host):\(port)"
    }
}

/// Service-specific signing rules.
public struct SigningOptions: Sendable {
    /// Every service but S3 encodes the already-encoded path a second time.
    public var doubleURIEncode: Bool
    /// Remove `.`/`..` segments and duplicate slashes; S3 keys are taken literally.
    public var normalizePath: Bool
    /// Send and sign `x-amz-content-sha256` (S3 requires it).
    public var addContentSHA256Header: Bool
    /// Add `X-Amz-Security-Token` after signing instead of signing it (a few services want that).
    public var omitSessionToken: Bool
    /// Use `UNSIGNED-PAYLOAD` instead of hashing the body.
    public var unsignedPayload: Bool

    public init(
        doubleURIEncode: Bool = true, normalizePath: Bool = true, addContentSHA256Header: Bool = false,
        omitSessionToken: Bool = false, unsignedPayload: Bool = false
    ) {
        self.doubleURIEncode = doubleURIEncode
        self.normalizePath = normalizePath
        self.addContentSHA256Header = addContentSHA256Header
        self.omitSessionToken = omitSessionToken
        self.unsignedPayload = unsignedPayload
    }

    /// The rules S3 needs: single encoding, literal keys, payload hash header.
    public static let s3 = SigningOptions(doubleURIEncode: false, normalizePath: false, addContentSHA256Header: true)
}
