import Foundation

/// One HTTP/1.1 request as the proxy read it: the head's lines and the whole body (a chunked body is decoded, and
/// sent on with a Content-Length).
struct ProxiedRequest: Sendable {
    let method: String
    let target: String
    /// Header lines in order, as (name, value).
    let headers: [(String, String)]
    let body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The wire protocol, as the service's errors must be shaped.
    enum WireShape: String, Sendable {
        case restXML, query, json
    }

    /// The signing service from `Authorization`'s credential scope (`…/20260101/us-east-1/s3/aws4_request`).
    var service: String? {
        guard let authorization = header("Authorization"), let range = authorization.range(of: "Credential=") else { return nil }
        let scope = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }.split(separator: "/")
        return scope.count >= 5 ? String(scope[3]) : nil
    }

    var shape: WireShape {
        if service == "s3" { return .restXML }
        if header("X-Amz-Target") != nil || (header("Content-Type") ?? "").contains("json") { return .json }
        return .query
    }

    /// The API operation, for the record: the JSON target's suffix, the query's `Action`, or S3's method and path.
    var operation: String {
        if let target = header("X-Amz-Target") { return String(target.split(separator: ".").last ?? Substring(target)) }
        if shape == .query, let form = String(data: body, encoding: .utf8),
           let action = form.split(separator: "&").first(where: { $0.hasPrefix("Action=") }) {
            return String(action.dropFirst("Action=".count))
        }
        let path = target.prefix { $0 != "?" }
        let query = target.contains("?") ? "?" + target.split(separator: "?", maxSplits: 1)[1].prefix { $0 != "=" && $0 != "&" } : ""
        return "\(method) \(path.split(separator: "/").count > 1 ? "object" : path == "/" ? "service" : "bucket")\(query)"
    }

    /// The bytes sent upstream: the same head, with `Connection: close`, no `Expect` and a Content-Length for the body.
    func upstreamBytes() -> Data {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        let dropped: Set<String> = ["connection", "expect", "content-length", "transfer-encoding", "keep-alive", "proxy-connection"]
        for (name, value) in headers where !dropped.contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }
}

extension ProxiedRequest {
    enum ReadError: Error {
        case closed, malformed(String)
    }

    /// Reads one request from `connection`, answering `Expect: 100-continue` before reading the body.
    static func read(from connection: SocketConnection) throws -> ProxiedRequest {
        var buffer = Data()
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard let chunk = try connection.receive(), !chunk.isEmpty else { throw ReadError.closed }
            buffer.append(chunk)
            headEnd = buffer.range(of: Data("\r\n\r\n".utf8))
            if headEnd == nil, buffer.count > 1 << 20 { throw ReadError.malformed("request head over 1 MiB") }
        }
        let headText = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { throw ReadError.malformed("request line '\(requestLine.joined(separator: " "))'") }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var rest = Data(buffer[headEnd!.upperBound...])
        let request = ProxiedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Data())
        if request.header("Expect")?.lowercased() == "100-continue" {
            try connection.send(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let body: Data
        if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            body = try readChunked(&rest, from: connection)
        } else {
            let length = Int(request.header("Content-Length") ?? "0") ?? 0
            while rest.count < length {
                guard let chunk = try connection.receive(), !chunk.isEmpty else { throw ReadError.closed }
                rest.append(chunk)
            }
            body = Data(rest.prefix(length))
        }
        return ProxiedRequest(method: request.method, target: request.target, headers: headers, body: body)
    }

    /// Decodes a chunked body (sizes in hex, each chunk followed by CRLF, a 0 chunk, then trailers and a blank line).
    private static func readChunked(_ rest: inout Data, from connection: SocketConnection) throws -> Data {
        var body = Data()
        func line() throws -> String {
            while true {
                if let end = rest.range(of: Data("\r\n".utf8)) {
                    let text = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
                    rest = Data(rest[end.upperBound...])
                    return text
                }
                guard let chunk = try connection.receive(), !chunk.isEmpty else { throw ReadError.closed }
                rest.append(chunk)
            }
        }
        while true {
            let sizeText = try line().split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw ReadError.malformed("chunk size '\(sizeText)'")
            }
            if size == 0 {
                while try !line().isEmpty {}
                return body
            }
            while rest.count < size + 2 {
                guard let chunk = try connection.receive(), !chunk.isEmpty else { throw ReadError.closed }
                rest.append(chunk)
            }
            body.append(rest.prefix(size))
            rest = Data(rest.dropFirst(size + 2))
        }
    }
}
