import Topology

/// One service-managed stack set mlopsctl keeps in the organization's management (or delegated-admin) account: for
/// one stage role, either the execution-policy stack or the CDK bootstrap stack, with exactly the template and
/// parameters the per-account path deploys to that stage.
public struct StackSetSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case executionPolicy = "execution-policy", bootstrap }

    public let stage: Stage
    public let kind: Kind
    public let name: String
    public let templateBody: String
    public let parameters: [String: String]
    public let tags: [String: String]
    /// Both templates name IAM resources.
    public let capabilities: [String]

    /// `mlopsctl-<qualifier>-<stage>-<kind>`: stack set names allow letters, digits and hyphens only.
    public static func name(qualifier: String, stage: Stage, kind: Kind) -> String {
        "mlopsctl-\(qualifier.replacingOccurrences(of: "_", with: "-"))-\(stage.rawValue)-\(kind.rawValue)"
    }
}
