import CCurl
import Foundation
import Synchronization

/// The state of one request on one easy handle: what libcurl's callbacks write into, and how its result maps onto
/// `HTTPResponse` / `TransportError`. Touched by the performing thread only, except `cancelled`.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    let timeouts: HTTPTimeouts
    private let cancelled = Atomic<Bool>(false)
    private var responseHeaders = HTTPHeaders()
    private var responseBody = Data()
    /// How often libcurl was about to send the request in this transfer; a second time is refused.
    private var sends = 0
    /// Bytes moved so far (sent + received) and when that last changed, for the read timeout.
    private var bytesMoved: Int64 = -1
    private var lastActivity: UInt64 = 0
    private var readTimedOut = false

    init(request: HTTPRequest, timeouts: HTTPTimeouts) {
        self.request = request
        self.timeouts = timeouts
    }

    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    func perform(on handle: UnsafeMutableRawPointer) -> Result<HTTPResponse, any Error> {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(MLCURL_ERROR_SIZE))
        var headerList: UnsafeMutableRawPointer?
        for line in headerLines() { headerList = line.withCString { mlcurl_slist_append(headerList, $0) } }
        defer { mlcurl_slist_free_all(headerList) }

        let code: Int32 = request.body.withUnsafeBytes { body in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                configure(handle, context: context, headers: headerList, errors: errors.baseAddress)
                if sendsBody {
                    _ = mlcurl_setopt_offset(handle, Int32(MLCURLOPT_POSTFIELDSIZE_LARGE), Int64(body.count))
                    // libcurl reads the body from here during perform (not copied); "" when empty so it sends Content-Length: 0.
                    _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_POSTFIELDS), body.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start))
                }
                return mlcurl_easy_perform(handle)
            }
        }
        let written = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let detail = written.isEmpty ? String(cString: mlcurl_easy_strerror(code)) : written.trimmingCharacters(in: .whitespacesAndNewlines)
        return outcome(Int(code), handle: handle, detail: detail)
    }

    /// POST, PUT and PATCH always carry a body (maybe empty); other methods only when one was given.
    private var sendsBody: Bool {
        ["POST", "PUT", "PATCH"].contains(request.method) || !request.body.isEmpty
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer, headers: UnsafeMutableRawPointer?,
        errors: UnsafeMutablePointer<CChar>?
    ) {
        _ = request.url.absoluteString.withCString { mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_URL), $0) }
        _ = request.method.withCString { mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_CUSTOMREQUEST), $0) }
        if request.method == "HEAD" { _ = mlcurl_setopt_long(handle, Int32(MLCURLOPT_NOBODY), 1) }
        _ = mlcurl_setopt_long(handle, Int32(MLCURLOPT_NOSIGNAL), 1)
        _ = mlcurl_setopt_long(handle, Int32(MLCURLOPT_HTTP_VERSION), Int(MLCURL_HTTP_VERSION_1_1))
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_HTTPHEADER), headers)
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_ERRORBUFFER), errors)
        _ = mlcurl_setopt_data_callback(handle, Int32(MLCURLOPT_WRITEFUNCTION), CurlTransfer.receiveBody)
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_WRITEDATA), context)
        _ = mlcurl_setopt_data_callback(handle, Int32(MLCURLOPT_HEADERFUNCTION), CurlTransfer.receiveHeader)
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_HEADERDATA), context)
        _ = mlcurl_setopt_long(handle, Int32(MLCURLOPT_NOPROGRESS), 0)
        _ = mlcurl_setopt_xferinfo_callback(handle, CurlTransfer.progress)
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_XFERINFODATA), context)
        _ = mlcurl_setopt_prereq_callback(handle, CurlTransfer.aboutToSend)
        _ = mlcurl_setopt_pointer(handle, Int32(MLCURLOPT_PREREQDATA), context)
        // libcurl reads 0 as its own 300 s default, so "no limit" is a year.
        let connect = timeouts.connect.map(Self.milliseconds) ?? 365 * 86_400_000
        _ = mlcurl_setopt_long(handle, Int32(MLCURLOPT_CONNECTTIMEOUT_MS), max(1, connect))
        // The read timeout is kept by `progress` (libcurl's low-speed limit averages over seconds and overshoots by ~5 s).
    }

    /// Our headers as libcurl takes them; `Expect:` and `Content-Type:` (when we set none) remove libcurl's defaults.
    private func headerLines() -> [String] {
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        lines.append("Expect:")
        if !request.headers.contains("Content-Type") { lines.append("Content-Type:") }
        return lines
    }

    private func outcome(_ code: Int, handle: UnsafeMutableRawPointer, detail: String) -> Result<HTTPResponse, any Error> {
        let host = request.hostAndPort
        if code == MLCURLE_OK {
            var status = 0
            _ = mlcurl_getinfo_long(handle, Int32(MLCURLINFO_RESPONSE_CODE), &status)
            return .success(HTTPResponse(statusCode: status, headers: responseHeaders, body: responseBody))
        }
        if cancelled.load(ordering: .relaxed) { return .failure(CancellationError()) }
        if code == MLCURLE_ABORTED_BY_CALLBACK, readTimedOut {
            return .failure(TransportError(
                kind: .timeout, host: host,
                detail: "read timeout of \(HTTPTimeouts.describe(timeouts.read)) (--cli-read-timeout) expired waiting for the response"))
        }
        if code == MLCURLE_ABORTED_BY_CALLBACK, sends > 1 {
            return .failure(TransportError(
                kind: .connectionFailed, host: host,
                detail: "the connection closed before any response; the transport does not send a request twice by itself"))
        }
        switch code {
        case MLCURLE_OPERATION_TIMEDOUT:
            var connectSeconds = 0.0
            _ = mlcurl_getinfo_double(handle, Int32(MLCURLINFO_CONNECT_TIME), &connectSeconds)
            let isRead = connectSeconds > 0
            let limit = isRead
                ? "read timeout of \(HTTPTimeouts.describe(timeouts.read)) (--cli-read-timeout) expired waiting for the response"
                : "connect timeout of \(HTTPTimeouts.describe(timeouts.connect)) (--cli-connect-timeout) expired"
            return .failure(TransportError(kind: .timeout, host: host, detail: limit))
        case MLCURLE_COULDNT_RESOLVE_PROXY, MLCURLE_COULDNT_RESOLVE_HOST, MLCURLE_COULDNT_CONNECT, MLCURLE_SSL_CONNECT_ERROR,
            MLCURLE_GOT_NOTHING, MLCURLE_SEND_ERROR, MLCURLE_RECV_ERROR:
            return .failure(TransportError(kind: .connectionFailed, host: host, detail: "curl error \(code): \(detail)"))
        default:
            return .failure(TransportError(kind: .other, host: host, detail: "curl error \(code): \(detail)"))
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
        Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    }

    private static let receiveBody: mlcurl_data_callback = { buffer, size, count, context in
        let length = size * count
        if let buffer, length > 0 { from(context).responseBody.append(UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length) }
        return length
    }

    /// One header line; a status line starts the header set again (an interim `100 Continue`).
    private static let receiveHeader: mlcurl_data_callback = { buffer, size, count, context in
        let length = size * count
        guard let buffer else { return length }
        let transfer = from(context)
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            transfer.responseHeaders = HTTPHeaders()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            transfer.responseHeaders.add(name, value)
        }
        return length
    }

    /// Called by libcurl at least once a second: stops a cancelled transfer, and one whose connection has been silent
    /// for the read timeout since the request went out.
    private static let progress: mlcurl_xferinfo_callback = { context, _, received, _, sent in
        let transfer = from(context)
        if transfer.cancelled.load(ordering: .relaxed) { return 1 }
        guard transfer.sends > 0, let read = transfer.timeouts.read else { return 0 }
        let now = DispatchTime.now().uptimeNanoseconds
        if received + sent != transfer.bytesMoved {
            transfer.bytesMoved = received + sent
            transfer.lastActivity = now
        } else if now - transfer.lastActivity >= UInt64(milliseconds(read)) * 1_000_000 {
            transfer.readTimedOut = true
            return 1
        }
        return 0
    }

    /// Called by libcurl on a connection, just before it sends the request: a second call in one transfer is libcurl
    /// retrying on its own after a reused connection died, which the retry strategy must decide instead.
    private static let aboutToSend: mlcurl_prereq_callback = { context, _, _, _, _ in
        let transfer = from(context)
        transfer.sends += 1
        transfer.lastActivity = DispatchTime.now().uptimeNanoseconds
        return transfer.sends > 1 ? Int32(MLCURL_PREREQFUNC_ABORT) : Int32(MLCURL_PREREQFUNC_OK)
    }
}
