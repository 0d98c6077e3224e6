import Deployer

/// One resource of a deployed stack as its template says it should be: the type, the physical id CloudFormation
/// reports, and the template's properties with intrinsic functions resolved (`unresolved` names the properties that
/// could not be, which are then not compared).
public struct ExpectedResource: Sendable {
    public var logicalId: String
    public var type: String
    public var physicalId: String
    public var properties: [String: TemplateDocument.Value]
    public var unresolved: [String]
    /// The partition of the stack's region (`aws`, `aws-cn`, `aws-us-gov`): principals and ARNs are compared in it.
    public var partition: String
    /// Nothing is known of what it should be (its template is not JSON): only whether it exists is checked.
    public var existenceOnly: Bool

    public init(
        logicalId: String, type: String, physicalId: String, properties: [String: TemplateDocument.Value], unresolved: [String] = [],
        existenceOnly: Bool = false, partition: String = "aws"
    ) {
        self.existenceOnly = existenceOnly
        self.logicalId = logicalId
        self.type = type
        self.physicalId = physicalId
        self.properties = properties
        self.unresolved = unresolved
        self.partition = partition
    }

    /// The property when it resolved; nil when the template leaves it out (or it resolved to `AWS::NoValue`).
    func property(_ name: String) -> TemplateDocument.Value? { properties[name] }

    func isComparable(_ name: String) -> Bool { !existenceOnly && !unresolved.contains(name) }
}
