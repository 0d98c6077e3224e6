/// One stack instance's place: a member account in a region.
public struct StackInstanceKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let account: String
    public let region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    public static func < (lhs: StackInstanceKey, rhs: StackInstanceKey) -> Bool {
        (lhs.account, lhs.region) < (rhs.account, rhs.region)
    }

    public var description: String { "\(account)/\(region)" }
}
