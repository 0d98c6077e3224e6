#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the kernel for a currently unused TCP port on 127.0.0.1.
enum LoopbackPort {
    /// Binds port 0, reads the port the kernel chose, and closes the socket. The port is free right now;
    /// a caller racing another process for it must detect a failed bind (the server exits).
    static func free() throws -> UInt16 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw EmulatorError.failed("emulator: cannot create a socket (errno \(errno))") }
        defer { close(fd) }

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
        guard bound else { throw EmulatorError.failed("emulator: cannot bind a loopback port (errno \(errno))") }
        return UInt16(bigEndian: address.sin_port)
    }
}
