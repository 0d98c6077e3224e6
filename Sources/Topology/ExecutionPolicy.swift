/// A CloudFormation execution policy a stage's bootstrap attaches to its `cfn-exec` role.
public enum ExecutionPolicy: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// An existing managed policy, by ARN (AWS managed or customer managed).
    case managed(arn: String)
    /// A policy document (JSON) on disk, which mlopsctl deploys as a customer managed policy.
    case document(path: String)

    /// The AWS managed policy that gives CloudFormation every permission; needs explicit intent.
    public static let administratorAccessSuffix = ":iam::aws:policy/AdministratorAccess"

    public var isAdministratorAccess: Bool {
        if case .managed(let arn) = self { return arn.hasSuffix(Self.administratorAccessSuffix) }
        return false
    }

    public var description: String {
        switch self {
        case .managed(let arn): return arn
        case .document(let path): return path
        }
    }
}
