import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession (libcurl on Linux). URLSession adds its own unsigned headers
/// (`Accept`, `User-Agent`, …); SigV4 only covers the ones we set, so that is harmless.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Uses an ephemeral session: no cookies, no cache, nothing written to disk.
    public init() {
        self.init(session: URLSession(configuration: .ephemeral))
    }

    public init(session: URLSession) {
        self.session = session
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Self.seconds(timeout)
        for header in request.headers where header.name.caseInsensitiveCompare("Host") != .orderedSame {
            // URLSession derives Host from the URL (with the port), exactly as the signer computed it.
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await abandoningOnCancel { [session, urlRequest] in try await session.data(for: urlRequest) }
        } catch let error as URLError {
            throw Self.transportError(error, host: request.hostAndPort)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TransportError(kind: .other, host: request.hostAndPort, detail: String(describing: error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(kind: .other, host: request.hostAndPort, detail: "not an HTTP response")
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(String(describing: name), String(describing: value))
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }

    /// Maps URLSession's error codes onto the three kinds retries care about.
    public static func transportError(_ error: URLError, host: String) -> TransportError {
        let kind: TransportError.Kind
        switch error.code {
        case .timedOut:
            kind = .timeout
        case .cannotConnectToHost, .cannotFindHost, .networkConnectionLost, .notConnectedToInternet, .dnsLookupFailed,
            .resourceUnavailable, .badServerResponse:
            kind = .connectionFailed
        default:
            kind = .other
        }
        return TransportError(kind: kind, host: host, detail: "URLError \(error.code.rawValue): \(error.localizedDescription)")
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
