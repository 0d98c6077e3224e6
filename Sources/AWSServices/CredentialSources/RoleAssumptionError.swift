import AWSWire
import Foundation

/// An STS call made for a profile's `role_arn` (or web identity) failed. The description names the
/// profile and the role, then the AWS error code and status: `profile 'dev-admin': AssumeRole
/// arn:aws:iam::222222222222:role/Admin failed: AccessDenied (HTTP 403): … [request id …]`.
public struct RoleAssumptionError: Error, CustomStringConvertible, Sendable {
    /// The profile whose settings drove the call.
    public var profile: String
    /// `AssumeRole` or `AssumeRoleWithWebIdentity`.
    public var operation: String
    public var roleArn: String
    /// What the STS client threw (`AWSServiceError`, `AWSClientError`, `TransportError`, a configuration error).
    public var underlying: any Error

    public init(profile: String, operation: String, roleArn: String, underlying: any Error) {
        self.profile = profile
        self.operation = operation
        self.roleArn = roleArn
        self.underlying = underlying
    }

    /// The AWS error code when STS answered with one (`AccessDenied`, `ExpiredToken`…).
    public var code: String? { (underlying as? AWSServiceError)?.code }

    public var description: String {
        "profile '\(profile)': \(operation) \(roleArn) failed: \(Self.reason(underlying))"
    }

    /// The cause on one line; for service errors without the `STS AssumeRole:` prefix this message already carries.
    static func reason(_ error: any Error) -> String {
        guard let service = error as? AWSServiceError else {
            return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        var text = "\(service.code) (HTTP \(service.statusCode))"
        if let message = service.message, !message.isEmpty {
            text += ": " + message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        if let requestId = service.requestId, !requestId.isEmpty { text += " [request id \(requestId)]" }
        return text
    }
}
