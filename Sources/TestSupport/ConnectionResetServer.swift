import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that kills a keep-alive connection the way a load balancer or proxy does: on its
/// first connection it answers the first request, then reads the second one completely and resets the connection
/// (SO_LINGER 0, so the client gets RST and no response). Every other request is answered `200 ok`. It records what
/// arrived, so a test can tell a complete re-send from one that lost its body.
public final class ConnectionResetServer: Sendable {
    /// One request as received: `body` holds what arrived of the `Content-Length` it announced.
    public struct Received: Sendable, Equatable {
        public var connection: Int
        public var method: String
        public var path: String
        public var declaredLength: Int
        public var body: Data
        public var isComplete: Bool { body.count == declaredLength }
    }

    public let port: UInt16
    private let listener: Int32
    private let received = Mutex<[Received]>([])
    private let connections = Mutex(0)
    /// How long to wait for a body that was announced but does not come (a client re-sending without it).
    private let bodyWaitSeconds: Int

    public init(bodyWaitSeconds: Int = 90) throws {
        self.bodyWaitSeconds = bodyWaitSeconds
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EmulatorError.failed("reset server: cannot create a socket (errno \(errno))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0 && listen(fd, 16) == 0
            }
        }
        guard bound else {
            close(fd)
            throw EmulatorError.failed("reset server: cannot listen on loopback (errno \(errno))")
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    public var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Every request received so far, in order of arrival.
    public var requests: [Received] { received.withLock { $0 } }

    /// Stops accepting; connections already open finish on their own.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let index = connections.withLock { count in
                defer { count += 1 }
                return count
            }
            Thread { [self] in serve(client, connection: index) }.start()
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        var buffer = Data()
        var onConnection = 0
        while let request = readRequest(fd, connection: connection, buffer: &buffer) {
            received.withLock { $0.append(request) }
            guard request.isComplete else { break }
            if connection == 0 && onConnection == 1 {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(fd)
                return
            }
            let reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\n\r\nok"
            _ = reply.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            onConnection += 1
        }
        close(fd)
    }

    /// Reads one request (head and announced body); nil when the connection closed before a request head.
    private func readRequest(_ fd: Int32, connection: Int, buffer: inout Data) -> Received? {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard let chunk = readChunk(fd, timeoutSeconds: 600) else { return nil }
            buffer.append(chunk)
        }
        let headEnd = buffer.range(of: separator)!
        let head = String(decoding: buffer[buffer.startIndex..<headEnd.lowerBound], as: UTF8.self)
        buffer = Data(buffer[headEnd.upperBound...])
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var declared = 0
        for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
            declared = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        while buffer.count < declared, let chunk = readChunk(fd, timeoutSeconds: bodyWaitSeconds) { buffer.append(chunk) }
        let body = Data(buffer.prefix(declared))
        buffer = Data(buffer.dropFirst(body.count))
        return Received(
            connection: connection, method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
            declaredLength: declared, body: body)
    }

    private func readChunk(_ fd: Int32, timeoutSeconds: Int) -> Data? {
        var wait = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&wait, 1, Int32(timeoutSeconds * 1000)) > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &bytes, bytes.count, 0)
        return count > 0 ? Data(bytes[0..<count]) : nil
    }
}
