/// What `publish-catalog` did (or would do).
public struct PublishCatalogResult: Sendable, Codable, Equatable {
    public struct Upload: Sendable, Codable, Equatable {
        public var name: String
        public var bucket: String
        public var key: String
        /// `uploaded`, `already-present`, or with --dry-run `would-upload`.
        public var outcome: String
    }

    public var account: String
    public var region: String
    public var productVersion: String
    public var versions: [String]
    public var uploads: [Upload]
    public var stack: StageBootstrapResult.StackResult
    /// The deploy pipelines' artifact store in each region other than dev's that preprod or prod deploy to.
    public var supportStacks: [SupportStack] = []
    /// Drift in the catalog stack put back after deploying it (a deleted SSM parameter, a role's trust policy): what
    /// was done, or with --dry-run what would be. See `mlopsctl refresh`.
    public var repairs: [String] = []

    /// One cross-region support stack, in dev's account and `region`.
    public struct SupportStack: Sendable, Codable, Equatable {
        public var region: String
        public var bucket: String
        public var stack: StageBootstrapResult.StackResult
    }
}
