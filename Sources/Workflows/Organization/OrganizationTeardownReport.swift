/// What `teardown --bootstrap --org` did: each stack set and retained resource, deleted or left with the reason.
public struct OrganizationTeardownReport: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public let stage: String
        public let account: String
        public let region: String
        public let what: String
        public let outcome: String
        public let reason: String?
    }

    public var deleted: [Entry] = []
    public var left: [Entry] = []

    public var isComplete: Bool { left.isEmpty }
}
