import AWSWire
import Foundation

extension CloudFormationClient {
    /// Which version of a stack's template GetTemplate returns.
    public enum TemplateStage: String, Sendable {
        /// The template as submitted (before transforms): what the deployer compares byte for byte.
        case original = "Original"
        /// After transforms (SAM, macros) were applied.
        case processed = "Processed"
    }

    /// One page of DescribeStackEvents (newest first). Pass the previous page's `nextToken` to go back in time.
    public func describeStackEvents(stackName: String, nextToken: String? = nil) async throws -> StackEventPage {
        let operation = "DescribeStackEvents"
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("NextToken", nextToken)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        return StackEventPage(
            events: try result.members(of: "StackEvents").map { try reader.stackEvent($0) },
            nextToken: ResponseReader.trimmed(result, ["NextToken"]))
    }

    /// One page of ListStackResources. Ghost rows (see `StackResourceSummary.isGhost`) are kept.
    public func listStackResources(stackName: String, nextToken: String? = nil) async throws -> StackResourcePage {
        let operation = "ListStackResources"
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("NextToken", nextToken)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        return StackResourcePage(
            summaries: try result.members(of: "StackResourceSummaries").map { try reader.resourceSummary($0) },
            nextToken: ResponseReader.trimmed(result, ["NextToken"]))
    }

    /// Every page of ListStackResources, ghost rows included.
    public func listAllStackResources(stackName: String) async throws -> [StackResourceSummary] {
        var summaries: [StackResourceSummary] = []
        var token: String?
        repeat {
            let page = try await listStackResources(stackName: stackName, nextToken: token)
            summaries += page.summaries
            token = page.nextToken
        } while token != nil
        return summaries
    }

    /// GetTemplate: the template body exactly as stored (no whitespace is trimmed, so it can be
    /// compared byte for byte with the body that would be sent).
    public func getTemplate(stackName: String, stage: TemplateStage = .original) async throws -> String {
        let operation = "GetTemplate"
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("TemplateStage", stage.rawValue)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let body = try reader.element(try reader.result(root), "TemplateBody")
        return body.text
    }

    /// ValidateTemplate. An invalid template is an `AWSServiceError` `ValidationError`.
    public func validateTemplate(_ template: TemplateSource) async throws -> TemplateValidation {
        let operation = "ValidateTemplate"
        var parameters = QueryParameters()
        Self.setTemplate(template, into: &parameters)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        let templateParameters = try result.members(of: "Parameters").map { member in
            TemplateValidation.Parameter(
                key: try reader.text(member, "ParameterKey"), defaultValue: member.child("DefaultValue")?.text,
                noEcho: try reader.optionalBool(member, "NoEcho") ?? false, description: ResponseReader.trimmed(member, ["Description"]))
        }
        return TemplateValidation(
            parameters: templateParameters, description: ResponseReader.trimmed(result, ["Description"]),
            capabilities: ResponseReader.textMembers(result, "Capabilities").map(StackCapability.init(rawValue:)),
            capabilitiesReason: ResponseReader.trimmed(result, ["CapabilitiesReason"]),
            declaredTransforms: ResponseReader.textMembers(result, "DeclaredTransforms"))
    }
}
