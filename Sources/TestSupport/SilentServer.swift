import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A loopback port that accepts connections and never answers: what a client's read timeout is for. With
/// `fullBacklog` it accepts nothing and its accept queue is filled first, so a new connection is never completed
/// either: what a connect timeout is for.
public final class SilentServer: Sendable {
    public let port: UInt16
    private let sockets: [Int32]

    public init(fullBacklog: Bool = false) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0 && listen(fd, 0) == 0
            }
        }
        guard fd >= 0, bound else { throw EmulatorError.failed("silent server: cannot listen on loopback (errno \(errno))") }
        var sockets = [fd]
        if fullBacklog {
            // Connections that complete fill the queue; once it is full the kernel drops further SYNs.
            for _ in 0..<4 {
                let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
                _ = withUnsafeMutablePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, length) }
                }
                sockets.append(client)
            }
            usleep(200_000)
        } else {
            // Accepted connections stay open, unread, until the process ends.
            Thread { while accept(fd, nil, nil) >= 0 {} }.start()
        }
        self.sockets = sockets
        port = UInt16(bigEndian: address.sin_port)
    }

    public var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    public func stop() {
        for fd in sockets {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }
}
