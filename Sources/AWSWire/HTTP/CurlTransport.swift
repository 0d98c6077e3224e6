import CCurl
import Foundation
import Synchronization

/// `HTTPTransport` over libcurl's easy interface, the client the SDKs' rules need on Linux.
///
/// Why not URLSession: swift-corelibs-foundation runs on libcurl, and libcurl re-sends a request by itself when a reused
/// keep-alive connection dies before any response byte ("Connection died, retrying a fresh connect", `Curl_retry_request`).
/// To re-send a body it seeks the upload back through Foundation's `_NativeProtocol.seekInputStream`, which for an
/// `httpBody` (a `_BodyDataSource`) has no stream to rewind, does nothing and reports success: the retry goes out with its
/// `Content-Length` but no body, and waits for the request timeout (60 s stalls). URLSession offers no setting to stop that
/// retry (only `Connection: close` on every request, a new TLS handshake per call) nor separate connect and read limits.
///
/// Here every request is sent at most once: a `CURLOPT_PREREQFUNCTION` counts the sends of one transfer and aborts a second
/// one, so a dead connection surfaces as a `TransportError` at once and the retry strategy decides whether to send again,
/// with the body. Limits are the AWS CLI's: a connect timeout and a read timeout (no byte for that long).
public final class CurlTransport: HTTPTransport {
    /// Idle easy handles: each keeps its own connection cache, so keep-alive connections are reused across calls.
    private let idle = Mutex<[CurlHandle]>([])
    private static let idleLimit = 16
    /// Why libcurl cannot be used (opened on first use, see CCurl.c), or nil once it is loaded and initialised.
    private static let unusable: String? = {
        guard mlcurl_global_init() != 0 else { return nil }
        return mlcurl_load_error().map { String(cString: $0) } ?? "libcurl could not be initialised"
    }()

    public init() {}

    deinit {
        for handle in idle.withLock({ $0 }) { mlcurl_easy_cleanup(handle.pointer) }
    }

    public func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        if let reason = Self.unusable {
            throw TransportError(kind: .other, host: request.hostAndPort,
                                 detail: "cannot use libcurl (\(reason)); install libcurl 7.80 or later (Debian: apt-get install libcurl4)")
        }
        let transfer = CurlTransfer(request: request, timeouts: timeouts)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let handle = takeHandle()
                // A blocking perform on its own thread: requests are few and long compared with a thread's start.
                let thread = Thread { [self] in
                    let result = transfer.perform(on: handle.pointer)
                    giveBack(handle)
                    continuation.resume(with: result)
                }
                thread.start()
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    private func takeHandle() -> CurlHandle {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return CurlHandle(pointer: mlcurl_easy_init())
    }

    private func giveBack(_ handle: CurlHandle) {
        mlcurl_easy_reset(handle.pointer)  // drops the transfer's pointers, keeps the connections
        let kept = idle.withLock { handles in
            guard handles.count < Self.idleLimit else { return false }
            handles.append(handle)
            return true
        }
        if !kept { mlcurl_easy_cleanup(handle.pointer) }
    }
}

/// One libcurl easy handle; used by one transfer at a time.
struct CurlHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}
