import AWSWire
import Foundation

/// Decoding of CloudFormation's XML shapes. Values are text exactly as sent, except identifiers,
/// which are trimmed (pretty-printed responses wrap them in whitespace).
extension ResponseReader {
    /// A `<member>` of `<Stacks>`.
    func stack(_ node: XMLElementNode) throws -> StackDescription {
        StackDescription(
            stackName: try text(node, "StackName"), stackId: try text(node, "StackId"), status: StackStatus(try text(node, "StackStatus")),
            statusReason: Self.trimmed(node, ["StackStatusReason"]),
            parameters: try node.members(of: "Parameters").map { member in
                StackParameter(
                    key: try text(member, "ParameterKey"), value: member.child("ParameterValue")?.text,
                    usePreviousValue: try optionalBool(member, "UsePreviousValue") ?? false, resolvedValue: member.child("ResolvedValue")?.text)
            },
            outputs: try node.members(of: "Outputs").map { member in
                StackOutput(
                    key: try text(member, "OutputKey"), value: member.child("OutputValue")?.text,
                    description: Self.trimmed(member, ["Description"]), exportName: Self.trimmed(member, ["ExportName"]))
            },
            tags: try node.members(of: "Tags").map { member in
                StackTag(key: try text(member, "Key"), value: member.child("Value")?.text ?? "")
            },
            terminationProtection: try optionalBool(node, "EnableTerminationProtection") ?? false,
            creationTime: try date(node, "CreationTime"), lastUpdatedTime: try optionalDate(node, "LastUpdatedTime"),
            roleARN: Self.trimmed(node, ["RoleARN"]), capabilities: Self.textMembers(node, "Capabilities").map(StackCapability.init(rawValue:)))
    }

    /// A `<member>` of `<StackEvents>`.
    func stackEvent(_ node: XMLElementNode) throws -> StackEvent {
        StackEvent(
            stackId: try text(node, "StackId"), eventId: try text(node, "EventId"), stackName: try text(node, "StackName"),
            logicalResourceId: Self.trimmed(node, ["LogicalResourceId"]), physicalResourceId: Self.trimmed(node, ["PhysicalResourceId"]),
            resourceType: Self.trimmed(node, ["ResourceType"]), timestamp: try date(node, "Timestamp"),
            resourceStatus: Self.trimmed(node, ["ResourceStatus"]).map(ResourceStatus.init(rawValue:)),
            resourceStatusReason: Self.trimmed(node, ["ResourceStatusReason"]),
            clientRequestToken: Self.trimmed(node, ["ClientRequestToken"]))
    }

    /// A `<member>` of `<StackResourceSummaries>`; nothing is required (moto's ghost rows).
    func resourceSummary(_ node: XMLElementNode) throws -> StackResourceSummary {
        StackResourceSummary(
            logicalResourceId: Self.trimmed(node, ["LogicalResourceId"]), physicalResourceId: Self.trimmed(node, ["PhysicalResourceId"]),
            resourceType: Self.trimmed(node, ["ResourceType"]), lastUpdatedTimestamp: try optionalDate(node, "LastUpdatedTimestamp"),
            resourceStatus: Self.trimmed(node, ["ResourceStatus"]).map(ResourceStatus.init(rawValue:)),
            resourceStatusReason: Self.trimmed(node, ["ResourceStatusReason"]))
    }

    /// An optional `true`/`false`; any other text is an error.
    func optionalBool(_ node: XMLElementNode, _ path: String...) throws -> Bool? {
        guard let text = Self.trimmed(node, path) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw failure("<\(path.joined(separator: "><"))> is not true or false")
        }
    }

    /// An optional timestamp; present but unreadable is an error.
    func optionalDate(_ node: XMLElementNode, _ path: String...) throws -> Date? {
        guard let text = Self.trimmed(node, path) else { return nil }
        guard let date = AWSTimestamp.parse(text) else { throw failure("<\(path.joined(separator: "><"))> is not a timestamp") }
        return date
    }

    /// The trimmed, non-empty texts of the `<member>`s of `name` (a list of strings).
    static func textMembers(_ node: XMLElementNode, _ name: String) -> [String] {
        node.members(of: name).compactMap { trimmed($0, []) }
    }
}
