import Foundation

/// Where CloudFormation reads a template from.
public enum TemplateSource: Sendable, Equatable {
    /// The template text itself (up to 51,200 bytes through the API).
    case body(String)
    /// An S3 URL (`https://<bucket>.s3.<region>.amazonaws.com/<key>`), for larger templates.
    case url(String)

    /// The text, when the source carries it.
    public var body: String? {
        if case .body(let text) = self { return text }
        return nil
    }
}

/// An acknowledgement that a template may create IAM resources or expand macros.
public struct StackCapability: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let iam = StackCapability(rawValue: "CAPABILITY_IAM")
    public static let namedIAM = StackCapability(rawValue: "CAPABILITY_NAMED_IAM")
    public static let autoExpand = StackCapability(rawValue: "CAPABILITY_AUTO_EXPAND")
    /// What mlopsctl acknowledges for its own templates (as the CDK CLI does).
    public static let all: [StackCapability] = [.iam, .namedIAM, .autoExpand]
}

/// The inputs of CreateStack that mlopsctl sends.
public struct CreateStackRequest: Sendable, Equatable {
    public var stackName: String
    public var template: TemplateSource
    public var parameters: [StackParameter]
    public var capabilities: [StackCapability]
    /// The service role CloudFormation acts as (e.g. the CDK `cfn-exec` role for cross-account deploys).
    public var roleARN: String?
    public var tags: [StackTag]
    /// Identifies this operation in stack events and makes a retried call idempotent.
    public var clientRequestToken: String?
    public var enableTerminationProtection: Bool?

    public init(
        stackName: String, template: TemplateSource, parameters: [StackParameter] = [], capabilities: [StackCapability] = [],
        roleARN: String? = nil, tags: [StackTag] = [], clientRequestToken: String? = nil, enableTerminationProtection: Bool? = nil
    ) {
        self.stackName = stackName
        self.template = template
        self.parameters = parameters
        self.capabilities = capabilities
        self.roleARN = roleARN
        self.tags = tags
        self.clientRequestToken = clientRequestToken
        self.enableTerminationProtection = enableTerminationProtection
    }
}

/// The inputs of UpdateStack that mlopsctl sends.
public struct UpdateStackRequest: Sendable, Equatable {
    public var stackName: String
    public var template: TemplateSource
    public var parameters: [StackParameter]
    public var capabilities: [StackCapability]
    public var roleARN: String?
    /// nil leaves the stack's tags alone; an empty list removes them all (sent as `Tags=`).
    public var tags: [StackTag]?
    public var clientRequestToken: String?

    public init(
        stackName: String, template: TemplateSource, parameters: [StackParameter] = [], capabilities: [StackCapability] = [],
        roleARN: String? = nil, tags: [StackTag]? = nil, clientRequestToken: String? = nil
    ) {
        self.stackName = stackName
        self.template = template
        self.parameters = parameters
        self.capabilities = capabilities
        self.roleARN = roleARN
        self.tags = tags
        self.clientRequestToken = clientRequestToken
    }
}

/// The inputs of DeleteStack that mlopsctl sends.
public struct DeleteStackRequest: Sendable, Equatable {
    /// A name, or a stack id (which also reaches a stack in a failed state after a same-name one was created).
    public var stackName: String
    public var roleARN: String?
    public var clientRequestToken: String?

    public init(stackName: String, roleARN: String? = nil, clientRequestToken: String? = nil) {
        self.stackName = stackName
        self.roleARN = roleARN
        self.clientRequestToken = clientRequestToken
    }
}
