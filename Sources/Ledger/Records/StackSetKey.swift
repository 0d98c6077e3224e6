/// Names one stack set: CloudFormation's name is unique per administrator account and region.
public struct StackSetKey: Sendable, Hashable, Codable {
    /// The management or delegated-administrator account that owns the stack set.
    public var adminAccount: String
    /// The region the stack set lives in (its instances may be in others).
    public var region: String
    public var name: String

    public init(adminAccount: String, region: String, name: String) {
        self.adminAccount = adminAccount
        self.region = region
        self.name = name
    }
}

extension StackSetKey: CustomStringConvertible {
    /// `name` in `adminAccount`/`region`, as error messages show it.
    public var description: String { "stack set \(name) (\(adminAccount) \(region))" }
}
