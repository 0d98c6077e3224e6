import Foundation

extension URL {
    /// This endpoint with an already-encoded `path` appended to its own path (endpoints such as
    /// `http://127.0.0.1:5055` or `https://proxy/aws` may carry one) and `query` as the query string.
    func appendingEncoded(path: String, query: String? = nil, hostPrefix: String? = nil) -> URL {
        var components = URLComponents(url: self, resolvingAgainstBaseURL: false) ?? URLComponents()
        var base = components.percentEncodedPath
        while base.hasSuffix("/") { base.removeLast() }
        let suffix = path.hasPrefix("/") ? path : "/" + path
        components.percentEncodedPath = base + suffix
        components.percentEncodedQuery = (query?.isEmpty ?? true) ? nil : query
        if let hostPrefix, let host = components.host { components.host = "\(hostPrefix).\(host)" }
        return components.url ?? self
    }
}
