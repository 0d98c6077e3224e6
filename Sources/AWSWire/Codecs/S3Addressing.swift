import Foundation

/// Where an S3 request goes. Virtual-hosted style (`https://bucket.s3.region.amazonaws.com/key`) is
/// the default; path style (`…/bucket/key`) is used when an endpoint URL is configured (emulators,
/// proxies: `bucket.127.0.0.1` does not resolve) or the bucket name cannot be a DNS label. Keys are
/// percent-encoded per segment with `/` kept (`a b/c` → `a%20b/c`).
public enum S3Addressing {
    /// 3–63 characters of lowercase letters, digits and hyphens, starting and ending alphanumeric.
    /// Dots are refused because `a.b.s3.amazonaws.com` breaks the TLS wildcard certificate.
    public static func isVirtualHostable(_ bucket: String) -> Bool {
        guard (3...63).contains(bucket.count) else { return false }
        let bytes = Array(bucket.utf8)
        func alnum(_ b: UInt8) -> Bool { (97...122).contains(b) || (48...57).contains(b) }
        guard alnum(bytes.first!), alnum(bytes.last!) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether a request for `bucket` through `endpoint` uses path style.
    public static func usesPathStyle(bucket: String, endpoint: ResolvedEndpoint) -> Bool {
        endpoint.isConfigured || !isVirtualHostable(bucket)
    }

    /// The full URL for a bucket (and optionally key) operation; `query` is already encoded.
    public static func url(endpoint: ResolvedEndpoint, bucket: String?, key: String? = nil, query: String? = nil) -> URL {
        guard let bucket else { return endpoint.url.appendingEncoded(path: "/", query: query) }
        let encodedKey = key.map(PercentEncoding.encodePath)
        if usesPathStyle(bucket: bucket, endpoint: endpoint) {
            let path = "/" + PercentEncoding.encode(bucket) + (encodedKey.map { "/" + $0 } ?? "")
            return endpoint.url.appendingEncoded(path: path, query: query)
        }
        return endpoint.url.appendingEncoded(path: "/" + (encodedKey ?? ""), query: query, hostPrefix: bucket)
    }
}
