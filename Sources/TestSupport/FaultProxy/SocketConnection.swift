import Glibc
import Foundation

/// A connected TCP socket (POSIX), owned by one thread at a time: blocking sends and receives with a receive timeout,
/// and the two ways of ending it (an orderly close, or a reset).
final class SocketConnection: @unchecked Sendable {
    private(set) var fd: Int32

    init(fd: Int32, receiveTimeout: Double = 120) {
        self.fd = fd
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close() }

    /// Connects to 127.0.0.1:`port`.
    static func connect(loopbackPort port: UInt16) throws -> SocketConnection {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket", errno) }
        var address = sockaddr_in.loopback(port: port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let error = errno
            Glibc.close(fd)
            throw SocketError("connect to 127.0.0.1:\(port)", error)
        }
        return SocketConnection(fd: fd)
    }

    /// Some bytes, an empty Data at end of stream; nil when nothing came within the receive timeout.
    func receive() throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SocketError("recv", errno)
        }
    }

    /// Everything up to the peer's close (a response from a server that closes after it).
    func receiveAll() throws -> Data {
        var all = Data()
        while let chunk = try receive() {
            if chunk.isEmpty { return all }
            all.append(chunk)
        }
        throw SocketError("recv (timed out)", ETIMEDOUT)
    }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw SocketError("send", errno)
                }
                offset += sent
            }
        }
    }

    /// An orderly close: the peer reads the end of stream after what was sent.
    func close() {
        guard fd >= 0 else { return }
        shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
        fd = -1
    }

    /// Closes with SO_LINGER 0, so the peer gets a TCP RST ("connection reset by peer").
    func reset() {
        guard fd >= 0 else { return }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
        fd = -1
    }
}

struct SocketError: Error, CustomStringConvertible {
    let description: String
    init(_ what: String, _ code: Int32) {
        description = "\(what): \(String(cString: strerror(code))) (errno \(code))"
    }
}

extension sockaddr_in {
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
