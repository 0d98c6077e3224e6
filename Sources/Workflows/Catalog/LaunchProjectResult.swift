/// What `launch-project` created.
public struct LaunchProjectResult: Sendable, Codable, Equatable {
    public var name: String
    public var id: String
    public var via: String
    public var account: String
    public var region: String
    /// The stack holding the project's resources (direct deploy), or the Service Catalog one SageMaker created.
    public var stack: String?
    public var stackAction: String
    public var outputs: [String: String]
    public var sourceUploads: [String]
    /// Drift in the project's stack put back (a deleted bucket, a role's trust policy): see `mlopsctl refresh`.
    public var repairs: [String] = []
}
