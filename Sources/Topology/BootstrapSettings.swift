/// The `bootstrap:` section: how the CDK bootstrap stack is deployed in every stage.
public struct BootstrapSettings: Sendable, Equatable {
    /// The CDK CLI's default toolkit stack name.
    public static let defaultStackName = "CDKToolkit"

    public var stackName: String
    /// nil keeps whatever the deployed stack has (the CDK CLI's rule); a value sets it.
    public var terminationProtection: Bool?
    /// Stack tags, applied by CloudFormation to every taggable resource of the stack.
    public var tags: [String: String]

    public init(stackName: String = BootstrapSettings.defaultStackName, terminationProtection: Bool? = nil, tags: [String: String] = [:]) {
        self.stackName = stackName
        self.terminationProtection = terminationProtection
        self.tags = tags
    }
}
