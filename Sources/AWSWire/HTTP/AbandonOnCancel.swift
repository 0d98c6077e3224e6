import Foundation
import Synchronization

/// Runs `body` in a task that cancellation does not reach: a cancelled caller (Ctrl-C) gets `CancellationError` at
/// once, and the request goes on unobserved until it ends or times out. Needed because cancelling an in-flight
/// URLSession task on Linux can crash the process inside FoundationNetworking ("Trying to access a behaviour for a
/// task that in not in the registry"), and an abandoned request is as good as a cancelled one for the caller.
func abandoningOnCancel<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let once = ResumeOnce<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            once.store(continuation)
            Task.detached {
                do { once.resume(.success(try await body())) } catch { once.resume(.failure(error)) }
            }
            // A cancellation that came before the continuation was stored found nothing to resume.
            if Task.isCancelled { once.resume(.failure(CancellationError())) }
        }
    } onCancel: {
        once.resume(.failure(CancellationError()))
    }
}

/// A continuation resumed by whichever comes first: the result or the cancellation.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func store(_ waiting: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = waiting }
    }

    func resume(_ result: Result<T, any Error>) {
        let waiting = continuation.withLock { value -> CheckedContinuation<T, any Error>? in
            defer { value = nil }
            return value
        }
        waiting?.resume(with: result)
    }
}
