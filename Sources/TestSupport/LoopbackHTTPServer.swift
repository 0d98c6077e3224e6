import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for hostile-response tests: each connection gets one request read and one
/// answer written as raw bytes (so an answer may be truncated, lie about its length, or not be HTTP at all), then
/// the connection is closed. Runs on its own thread with blocking sockets; `stop()` closes the listener.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// What arrived: the request line, the headers (names lower-cased) and the body.
    public struct Request: Sendable {
        public let line: String
        public let headers: [String: String]
        public let body: String

        /// The API operation: the query `Action`, the JSON `X-Amz-Target` suffix, else the request line.
        public var operation: String {
            if let target = headers["x-amz-target"] { return String(target.split(separator: ".").last ?? Substring(target)) }
            for pair in (body + "&" + (line.split(separator: "?").dropFirst().first.map(String.init) ?? "")).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == "Action" { return String(parts[1]) }
            }
            return line
        }
    }

    public let port: UInt16
    public var endpoint: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let respond: @Sendable (Request) -> Data
    private let lock = NSLock()
    private var received: [Request] = []

    /// The requests answered so far.
    public var requests: [Request] { lock.withLock { received } }

    /// - Parameter respond: the raw bytes to write for a request (status line, headers and body, or anything else).
    public init(respond: @escaping @Sendable (Request) -> Data) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw EmulatorError.failed("loopback server: cannot create a socket (errno \(errno))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound, listen(fd, 16) == 0 else {
            close(fd)
            throw EmulatorError.failed("loopback server: cannot listen on a loopback port (errno \(errno))")
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        self.respond = respond
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A whole HTTP response with a correct Content-Length.
    public static func response(status: Int = 200, contentType: String, body: String) -> Data {
        Data("HTTP/1.1 \(status) X\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
    }

    /// Headers promising `body` whole, then only its first `sent` bytes before the connection closes.
    public static func truncated(status: Int = 200, contentType: String, body: String, sent: Int) -> Data {
        Data("HTTP/1.1 \(status) X\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n".utf8)
            + Data(body.utf8.prefix(sent))
    }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            handle(client)
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = read(client, &chunk, chunk.count)
            if count <= 0 { return }
            buffer.append(contentsOf: chunk[0..<count])
            headerEnd = buffer.range(of: Data("\r\n\r\n".utf8))
        }
        guard let headerEnd else { return }
        let head = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let wanted = Int(headers["content-length"] ?? "0") ?? 0
        var body = Data(buffer[headerEnd.upperBound...])
        while body.count < wanted {
            let count = read(client, &chunk, chunk.count)
            if count <= 0 { break }
            body.append(contentsOf: chunk[0..<count])
        }
        let request = Request(line: head.first ?? "", headers: headers, body: String(decoding: body, as: UTF8.self))
        lock.withLock { received.append(request) }
        let answer = respond(request)
        answer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
