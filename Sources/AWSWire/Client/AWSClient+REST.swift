import Foundation
import SigV4

extension AWSClient {
    /// Sends a REST request to `path` (unencoded; each segment is percent-encoded, `/` kept) and
    /// returns the raw response. For S3 the signature uses S3's rules (`x-amz-content-sha256`,
    /// single encoding, no path normalisation). `query` pairs with a nil value are sent bare (`?versions`).
    /// `unsigned` sends it without a signature (the SSO portal authenticates with a bearer header).
    public func rest(
        operation: String, method: String, path: String, query: [(String, String?)] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(), unsigned: Bool = false
    ) async throws -> HTTPResponse {
        try await send(operation: operation, request: restRequest(method: method, path: path, query: query, headers: headers, body: body),
            signing: signingOptions, unsigned: unsigned)
    }

    /// The unsigned REST request (`path` unencoded, as for `rest`).
    public func restRequest(
        method: String, path: String, query: [(String, String?)] = [], headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()
    ) -> HTTPRequest {
        let url = endpoint.url.appendingEncoded(path: PercentEncoding.encodePath(path), query: PercentEncoding.formEncode(query))
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    /// An S3 request for `bucket` (and `key`), addressed path-style or virtual-hosted per `S3Addressing`.
    public func s3(
        operation: String, method: String, bucket: String?, key: String? = nil, query: [(String, String?)] = [],
        headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()
    ) async throws -> HTTPResponse {
        try await send(operation: operation, request: s3Request(method: method, bucket: bucket, key: key, query: query, headers: headers, body: body),
            signing: signingOptions)
    }

    /// The unsigned S3 request.
    public func s3Request(
        method: String, bucket: String?, key: String? = nil, query: [(String, String?)] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data()
    ) -> HTTPRequest {
        let url = S3Addressing.url(endpoint: endpoint, bucket: bucket, key: key, query: PercentEncoding.formEncode(query))
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }
}
