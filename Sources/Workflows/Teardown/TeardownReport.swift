import Ledger

/// What a teardown did: every row in scope ends `deleted` or is listed here as left behind, with why.
public struct TeardownReport: Sendable, Encodable {
    public struct Entry: Sendable, Encodable, Equatable {
        public var stage: String
        public var account: String
        public var kind: String
        public var physicalId: String
        public var reason: String?

        init(_ row: TrackedResource, reason: String? = nil) {
            stage = row.stage
            account = row.account
            kind = row.kind.rawValue
            physicalId = row.physicalId ?? row.logicalId ?? "?"
            self.reason = reason
        }
    }

    public var deleted: [Entry] = []
    /// Left on purpose because mlopsctl does not own them (adopted); not a failure.
    public var retained: [Entry] = []
    /// Left because a step failed or could not run (account check, a stack that would not delete).
    public var left: [Entry] = []
    /// Accounts nothing was deleted in, with the account the ledger expected.
    public var accountProblems: [String] = []

    /// True when everything mlopsctl owned in scope is gone.
    public var isComplete: Bool { left.isEmpty && accountProblems.isEmpty }
}
