import Foundation

/// What `mlopsctl promote` did.
public struct PromoteResult: Sendable, Codable, Equatable {
    public var project: String
    public var projectId: String
    public var stage: String
    public var account: String
    public var region: String
    public var packageArn: String
    public var packageVersion: Int?
    /// The package was PendingManualApproval and this run approved it.
    public var approved: Bool
    public var stack: String
    /// `created`, `updated` or `unchanged`; with `--dry-run`: `would create`, `would update` or `unchanged`.
    public var stackAction: String
    public var endpoint: String
    public var endpointStatus: String
    public var skippedGateReason: String?
    /// Dry run: the package is PendingManualApproval and `--approve` would approve it.
    public var wouldApprove: Bool = false
    /// Dry run: why the stack would change.
    public var detail: String? = nil
    /// In another region than the package: each image the endpoint pulls, and why (`source → target (reason)`).
    public var images: [String] = []
    /// In another region than the package: each copy of model data into the target region.
    public var copies: [ModelDataCopyResult] = []
}

/// One copy of a container's model data into the target stage's region.
public struct ModelDataCopyResult: Sendable, Codable, Equatable {
    public var source: String
    public var destination: String
    public var bytes: Int
    /// `copied` or `already-present`; with `--dry-run`, `would-copy` or `already-present`.
    public var outcome: String
}
