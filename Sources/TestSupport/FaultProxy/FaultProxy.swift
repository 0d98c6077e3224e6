import Glibc
import Foundation

/// An HTTP/1.1 proxy on a free loopback port between mlopsctl (a profile's `endpoint_url` names it) and the emulator,
/// which answers a share of requests with a fault instead (`FaultSchedule`: seeded, so the same seed and order of
/// requests give the same faults) and records what it did with each. It also counts requests since `mark()` and can run
/// an action once the n-th has taken effect upstream, before its answer goes back (the kill matrix's SIGKILL).
///
/// One thread accepts; each connection gets a thread that reads one request, acts, and closes (the emulator closes
/// every connection after one response too). Loopback only; `stop()` ends it.
public final class FaultProxy: @unchecked Sendable {
    /// What the proxy did with one request.
    public struct Record: Sendable, Codable, Equatable {
        /// 1-based, over the proxy's whole life (the schedule's index).
        public let index: Int
        public let service: String
        public let operation: String
        /// nil: passed on untouched.
        public let fault: FaultKind?
        /// The emulator's status code, when the request reached it.
        public let upstreamStatus: Int?
        /// Whether the armed action (a kill) ran at this request.
        public let triggered: Bool
    }

    public let port: UInt16
    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }
    private let upstreamPort: UInt16
    private let listener: Int32
    private let state: LockedBox<State>

    private struct State {
        var schedule: FaultSchedule
        var total = 0
        var sinceMark = 0
        var records: [Record] = []
        var armed: (request: Int, action: @Sendable () -> Void)?
        var stopped = false
    }

    /// Starts listening on 127.0.0.1 (a port the kernel picks) in front of `upstream` (`http://127.0.0.1:PORT`).
    public init(upstream: URL, schedule: FaultSchedule) throws {
        guard upstream.host == "127.0.0.1", let upstreamPort = upstream.port else {
            throw SocketError("fault proxy: upstream must be http://127.0.0.1:PORT, not \(upstream)", EINVAL)
        }
        self.upstreamPort = UInt16(upstreamPort)
        self.state = LockedBox(State(schedule: schedule))
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0 && listen(fd, 128) == 0
            }
        }
        guard bound else {
            let error = errno
            close(fd)
            throw SocketError("fault proxy: bind/listen on 127.0.0.1", error)
        }
        self.listener = fd
        self.port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Stops accepting (connections being served finish on their own).
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the blocked accept()
        close(listener)
    }

    /// Swaps the schedule (the index goes on, so a re-run does not meet the same faults at the same requests).
    public func setSchedule(_ schedule: FaultSchedule) {
        state.withLock { $0.schedule = schedule }
    }

    /// Starts a new count (for one command's requests); the schedule's index goes on.
    public func mark() {
        state.withLock { $0.sinceMark = 0 }
    }

    /// Requests since the last `mark()`.
    public var requestsSinceMark: Int { state.withLock { $0.sinceMark } }
    public var records: [Record] { state.withLock { $0.records } }

    /// Runs `action` once the `request`-th request since `mark()` has been forwarded and answered upstream, before the
    /// answer goes back to the client (which then sees its connection reset, if it is still alive).
    public func arm(afterRequest request: Int, _ action: @escaping @Sendable () -> Void) {
        state.withLock { $0.armed = (request, action) }
    }

    public func disarm() {
        state.withLock { $0.armed = nil }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // stopped (or the listener broke: nothing more to serve)
            }
            Thread.detachNewThread { [self] in serve(SocketConnection(fd: client, receiveTimeout: 60)) }
        }
    }

    private func serve(_ client: SocketConnection) {
        guard let request = try? ProxiedRequest.read(from: client) else { return client.close() }
        let (index, fault, action, delay) = state.withLock { state in
            state.total += 1
            state.sinceMark += 1
            var action: (@Sendable () -> Void)?
            if let armed = state.armed, armed.request == state.sinceMark {
                action = armed.action
                state.armed = nil
            }
            return (state.total, state.schedule.fault(forRequest: state.total), action, state.schedule.mix.delay)
        }
        let requestId = "fault-proxy-\(index)"
        var upstreamStatus: Int?
        switch action == nil ? fault : nil {
        case .throttle?:
            try? client.send(FaultResponses.throttle(request.shape, requestId: requestId))
            client.close()
        case .internalError?:
            try? client.send(FaultResponses.internalError(request.shape, requestId: requestId))
            client.close()
        case .reset?:
            client.reset()
        case .delay?:
            Thread.sleep(forTimeInterval: Self.seconds(delay))
            client.reset()
        case .forwardThenLose?:
            upstreamStatus = forward(request)?.status
            client.reset()
        case nil:
            let response = forward(request)
            upstreamStatus = response?.status
            if let action {
                action()
                client.reset()
            } else if let response {
                try? client.send(response.bytes)
                client.close()
            } else {
                client.reset()
            }
        }
        let record = Record(
            index: index, service: request.service ?? "?", operation: request.operation, fault: action == nil ? fault : nil,
            upstreamStatus: upstreamStatus, triggered: action != nil)
        state.withLock { $0.records.append(record) }
    }

    /// Sends `request` to the emulator and reads its whole answer (it closes after one); nil when that failed.
    private func forward(_ request: ProxiedRequest) -> (status: Int, bytes: Data)? {
        guard let upstream = try? SocketConnection.connect(loopbackPort: upstreamPort) else { return nil }
        defer { upstream.close() }
        guard (try? upstream.send(request.upstreamBytes())) != nil, let bytes = try? upstream.receiveAll() else { return nil }
        let statusLine = String(decoding: bytes.prefix(64), as: UTF8.self).split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        return (status, bytes)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension FaultProxy {
    /// How many requests got each kind of fault (every kind listed, zeros included), for the figures.
    public var faultsByKind: [String: Int] {
        let records = self.records
        return Dictionary(uniqueKeysWithValues: FaultKind.allCases.map { kind in (kind.rawValue, records.filter { $0.fault == kind }.count) })
    }
}
