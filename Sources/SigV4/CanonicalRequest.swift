import Crypto
import Foundation

/// Stage 1 of SigV4: the canonical form of a request.
public struct CanonicalRequest: Sendable, Equatable {
    /// The full canonical request text.
    public let text: String
    /// `host;x-amz-date;…`
    public let signedHeaders: String

    init(request: SignableRequest, payloadHash: String, options: SigningOptions) {
        let headers = Self.canonicalHeaders(request.headers)
        signedHeaders = headers.map(\.name).joined(separator: ";")
        text = [
            request.method.uppercased(),
            Self.canonicalURI(request.path, options: options),
            Self.canonicalQuery(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    static func canonicalURI(_ path: String, options: SigningOptions) -> String {
        let raw = path.isEmpty ? "/" : path
        let path = options.normalizePath ? normalize(raw) : raw
        // S3 signs the key encoded once: decode what the wire carries, then encode with SigV4's strict set,
        // so sub-delimiters a URL library left alone (`=`, `+`, `!` …) still sign as AWS computes them.
        guard options.doubleURIEncode else { return URIEncoding.encode(URIEncoding.decode(path), keepSlash: true) }
        return URIEncoding.encode(path, keepSlash: true)
    }

    /// Removes `.` and `..` segments and empty segments, keeping a trailing slash (RFC 3986 §5.2.4 as the SDKs apply it).
    static func normalize(_ path: String) -> String {
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !output.isEmpty { output.removeLast() }
            default: output.append(segment)
            }
        }
        var normalized = "/" + output.joined(separator: "/")
        if path.hasSuffix("/") && normalized != "/" { normalized += "/" }
        return normalized
    }

    /// Each key and value decoded then re-encoded, sorted by key then value.
    static func canonicalQuery(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = URIEncoding.encode(URIEncoding.decode(String(parts[0])), keepSlash: false)
            let value = parts.count > 1 ? URIEncoding.encode(URIEncoding.decode(String(parts[1])), keepSlash: false) : ""
            return (key, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Lower-cased names, sorted; repeated headers joined with commas in order; values trimmed with
    /// inner runs of whitespace (including folded lines) collapsed to one space.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for header in headers {
            merged[header.name.lowercased(), default: []].append(collapse(header.value))
        }
        return merged.keys.sorted().map { (name: $0, value: merged[$0]!.joined(separator: ",")) }
    }

    private static func collapse(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func hexSHA256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
