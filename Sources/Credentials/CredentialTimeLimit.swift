import AWSConfig
import Foundation
import Synchronization

/// How long a credential source that waits on something outside mlopsctl (a `credential_process` helper, the IAM
/// Identity Center portal, STS for a web identity token) may take: `--credential-timeout SECONDS`, else
/// `$MLOPSCTL_CREDENTIAL_TIMEOUT`, else 60 s. Without a bound, a helper waiting for a browser or a password
/// manager that is wedged would keep a run waiting forever, silently.
public enum CredentialTimeLimit {
    public static let defaultLimit = Duration.seconds(60)
    public static let option = "--credential-timeout"
    public static let variable = "MLOPSCTL_CREDENTIAL_TIMEOUT"
    static let optionAndVariable = "\(option) / \(variable)"

    /// The limit the flag (`option`, when given) or else the environment asks for; a value that is not a positive
    /// number of seconds is an error naming the flag or the variable it came from.
    public static func resolve(option value: String?, environment: EnvironmentVariables) throws -> Duration {
        if let value { return try parse(value, setting: option) }
        if let value = environment[variable] { return try parse(value, setting: variable) }
        return defaultLimit
    }

    static func parse(_ text: String, setting: String) throws -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // At most a day: a larger value is a typo, and it keeps Duration arithmetic far from overflow.
        guard let seconds = Double(trimmed), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            throw ConfigurationValueError(setting: setting, value: text, expected: "a positive number of seconds (at most 86400), e.g. 60")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}

/// Runs `body` with a deadline: past `limit`, the body's task is cancelled and left to wind down on its own while
/// the caller gets `onTimeout()` at once (a body that ignores cancellation cannot stretch the bound).
func withTimeLimit<T: Sendable>(
    _ limit: Duration, onTimeout: @escaping @Sendable () -> any Error, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = TimeLimitRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let runner = Task {
                do { race.finish(.success(try await body())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                do { try await Task.sleep(for: limit) } catch { return }
                race.finish(.failure(onTimeout()))
            }
            race.track([runner, timer])
            // A cancellation that came before the continuation was stored found nothing to resume.
            if Task.isCancelled { race.finish(.failure(CancellationError())) }
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The state `withTimeLimit` shares between the body, the timer and cancellation: the first to finish resumes the
/// caller and cancels the others.
private final class TimeLimitRace<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let done = Mutex(false)

    func start(_ waiting: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = waiting }
    }

    func track(_ started: [Task<Void, Never>]) {
        tasks.withLock { $0 = started }
        if done.withLock({ $0 }) { started.forEach { $0.cancel() } }
    }

    func finish(_ result: Result<T, any Error>) {
        guard let waiting = continuation.withLock({ value -> CheckedContinuation<T, any Error>? in
            defer { value = nil }
            return value
        }) else { return }
        done.withLock { $0 = true }
        tasks.withLock { $0 }.forEach { $0.cancel() }
        waiting.resume(with: result)
    }
}
