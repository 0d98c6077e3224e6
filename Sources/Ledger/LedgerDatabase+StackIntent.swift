import Foundation
import GRDB

/// What mlopsctl last deployed a stack with: refresh compares the live stack with it.
public struct StackIntent: Sendable, Equatable {
    public var tags: [String: String]
    /// Lower-case hex SHA-256 of the template body deployed (nil when it was given by URL, or not recorded).
    public var templateSha256: String?
    /// The parameter values mlopsctl passed (nil: not recorded; keys left to their defaults are absent).
    public var parameters: [String: String]?

    public init(tags: [String: String], templateSha256: String? = nil, parameters: [String: String]? = nil) {
        self.tags = tags
        self.templateSha256 = templateSha256
        self.parameters = parameters
    }
}

// MARK: - What a stack was deployed with (refresh compares the live stack with it)

extension LedgerDatabase {
    /// Records what stack row `resourceId` was just deployed (or confirmed) with, replacing an earlier run's record.
    public func recordStackIntent(resourceId: Int64, _ intent: StackIntent, runId: Int64) async throws {
        let tags = try Self.json(intent.tags)
        let parameters = try intent.parameters.map(Self.json)
        let now = clock()
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO stackIntent (resourceId, tags, templateSha256, parameters, runId, recordedAt) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(resourceId) DO UPDATE SET tags = excluded.tags, templateSha256 = excluded.templateSha256, "
                    + "parameters = excluded.parameters, runId = excluded.runId, recordedAt = excluded.recordedAt",
                arguments: [resourceId, tags, intent.templateSha256, parameters, runId, now])
        }
    }

    /// What each stack row was last deployed with, by row id; a stack deployed before mlopsctl recorded it (a ledger
    /// from an older release) has no entry.
    public func stackIntents() async throws -> [Int64: StackIntent] {
        try await writer.read { db in
            var intents: [Int64: StackIntent] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT resourceId, tags, templateSha256, parameters FROM stackIntent") {
                let tags: String = row["tags"]
                let parameters: String? = row["parameters"]
                intents[row["resourceId"]] = StackIntent(
                    tags: try Self.decoded(tags), templateSha256: row["templateSha256"], parameters: try parameters.map(Self.decoded))
            }
            return intents
        }
    }

    private static func json(_ values: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    private static func decoded(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
