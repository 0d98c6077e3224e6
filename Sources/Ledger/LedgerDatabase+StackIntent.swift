import Foundation
import GRDB

// MARK: - What a stack was deployed with (refresh compares the live stack with it)

extension LedgerDatabase {
    /// Records the tags mlopsctl deployed stack row `resourceId` with, replacing what an earlier run recorded.
    public func recordStackIntent(resourceId: Int64, tags: [String: String], runId: Int64) async throws {
        let text = String(decoding: try Self.intentEncoder.encode(tags), as: UTF8.self)
        let now = clock()
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO stackIntent (resourceId, tags, runId, recordedAt) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(resourceId) DO UPDATE SET tags = excluded.tags, runId = excluded.runId, recordedAt = excluded.recordedAt",
                arguments: [resourceId, text, runId, now])
        }
    }

    /// The tags each stack row was last deployed with, by row id; a stack deployed before mlopsctl recorded tags
    /// (a ledger from an older release) has no entry.
    public func stackIntentTags() async throws -> [Int64: [String: String]] {
        try await writer.read { db in
            var tags: [Int64: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT resourceId, tags FROM stackIntent") {
                let text: String = row["tags"]
                tags[row["resourceId"]] = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            }
            return tags
        }
    }

    private static var intentEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
