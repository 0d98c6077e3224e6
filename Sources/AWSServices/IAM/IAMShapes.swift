import Foundation

/// An IAM role as GetRole returns it.
public struct IAMRole: Sendable, Equatable {
    public var roleName: String
    public var roleId: String
    public var arn: String
    public var path: String
    /// The trust policy as JSON text. IAM sends it percent-encoded; this is the decoded form
    /// (botocore additionally parses it into a dictionary).
    public var assumeRolePolicyDocument: String?
    public var createDate: Date
    /// Seconds (3600…43200); nil when IAM left it out.
    public var maxSessionDuration: Int?
    public var description: String?

    public init(
        roleName: String, roleId: String, arn: String, path: String, assumeRolePolicyDocument: String?, createDate: Date,
        maxSessionDuration: Int?, description: String? = nil
    ) {
        self.roleName = roleName
        self.roleId = roleId
        self.arn = arn
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.createDate = createDate
        self.maxSessionDuration = maxSessionDuration
        self.description = description
    }
}
