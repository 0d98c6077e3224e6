import Foundation
import Ledger

/// What a promotion put live in one stage, kept as JSON in the `detail` of a ledger row (kind `other`, logical id
/// `Promotion`, one per stage and project); the row's run says when and by whom.
public struct PromotionRecord: Sendable, Codable, Equatable {
    public static let logicalId = "Promotion"

    public var project: String
    public var projectId: String
    public var stage: String
    public var packageArn: String
    public var packageVersion: Int?
    public var stack: String
    public var endpoint: String
    /// Why the gate was skipped (`--skip-gate --reason`); nil when the gate was passed.
    public var skippedGateReason: String?

    public init(
        project: String, projectId: String, stage: String, packageArn: String, packageVersion: Int?, stack: String, endpoint: String,
        skippedGateReason: String?
    ) {
        self.project = project
        self.projectId = projectId
        self.stage = stage
        self.packageArn = packageArn
        self.packageVersion = packageVersion
        self.stack = stack
        self.endpoint = endpoint
        self.skippedGateReason = skippedGateReason
    }

    /// The row's physical id: `promotion/<stack>`.
    static func physicalId(stack: String) -> String { "promotion/\(stack)" }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The record of a ledger row, nil for other rows.
    public init?(row: TrackedResource) {
        guard row.kind == .other, row.logicalId == Self.logicalId, row.status == .present, let detail = row.detail,
            let record = try? JSONDecoder().decode(PromotionRecord.self, from: Data(detail.utf8))
        else { return nil }
        self = record
    }
}
