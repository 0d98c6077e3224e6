/// Why the emulator harness could not provide an emulator.
public enum EmulatorError: Error, Sendable, CustomStringConvertible {
    /// A tool is missing on a developer machine: the caller skips the test and prints `notice`.
    case skip(notice: String)
    /// A tool is missing under `CI=true`: the caller must fail.
    case missingUnderCI(String)
    /// The server or the account set-up failed; `message` names the step and the log to read.
    case failed(String)

    public var description: String {
        switch self {
        case .skip(let notice): return notice
        case .missingUnderCI(let message): return message
        case .failed(let message): return message
        }
    }
}
