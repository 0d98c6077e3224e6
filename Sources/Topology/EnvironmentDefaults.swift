/// The standard AWS variables, as the AWS CLI reads them, used for a stage the topology leaves without a profile or a
/// region. A topology names one profile per account, so these only fill gaps; each use becomes a note for the user.
public struct EnvironmentDefaults: Sendable, Equatable {
    /// `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE` (the AWS CLI's order); the variable's name is kept for messages.
    public var profile: (variable: String, value: String)?
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    public var region: (variable: String, value: String)?

    public init(environment: [String: String]) {
        func first(_ names: String...) -> (String, String)? {
            for name in names { if let value = environment[name], !value.isEmpty { return (name, value) } }
            return nil
        }
        profile = first("AWS_PROFILE", "AWS_DEFAULT_PROFILE")
        region = first("AWS_REGION", "AWS_DEFAULT_REGION")
    }

    public static let none = EnvironmentDefaults(environment: [:])

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.profile?.variable == rhs.profile?.variable && lhs.profile?.value == rhs.profile?.value
            && lhs.region?.variable == rhs.region?.variable && lhs.region?.value == rhs.region?.value
    }
}
