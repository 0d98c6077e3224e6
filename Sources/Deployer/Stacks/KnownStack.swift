import AWSServices

/// What a caller read of a stack moments before handing it to the deployer (a workflow that needs the stack's outputs
/// or template for its own reasons), so the deployer's first look reuses it instead of reading it again. Later looks
/// (after waiting out another operation) always read afresh.
public struct KnownStack: Sendable {
    /// The stack as DescribeStacks returned it; nil when it does not exist.
    public var description: StackDescription?
    /// Its original template body (GetTemplate, stage Original), when the caller read it too.
    public var originalTemplate: String?

    public init(description: StackDescription?, originalTemplate: String? = nil) {
        self.description = description
        self.originalTemplate = originalTemplate
    }
}
