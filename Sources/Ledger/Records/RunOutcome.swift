import GRDB

/// How a run ended. `running` until it releases the lock; `interrupted` when it died without saying.
public enum RunOutcome: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case running
    case succeeded
    case failed
    case interrupted
}
