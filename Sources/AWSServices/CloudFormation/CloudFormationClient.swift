import AWSWire
import Foundation

/// AWS CloudFormation (query protocol, API 2010-05-15): the stack operations the deployer needs.
/// Parameters are written in model order, as botocore serialises them.
public struct CloudFormationClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.cloudFormation`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// CreateStack. Returns the new stack's id; the stack is then `CREATE_IN_PROGRESS` (on AWS) or
    /// already `CREATE_COMPLETE` (moto creates synchronously).
    @discardableResult
    public func createStack(_ request: CreateStackRequest) async throws -> String {
        let operation = "CreateStack"
        var parameters = QueryParameters()
        Self.setStackInput(
            stackName: request.stackName, template: request.template, parameters: request.parameters, capabilities: request.capabilities,
            roleARN: request.roleARN, tags: request.tags.isEmpty ? nil : request.tags, into: &parameters)
        parameters.set("ClientRequestToken", request.clientRequestToken)
        parameters.set("EnableTerminationProtection", request.enableTerminationProtection)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "StackId")
    }

    /// UpdateStack. Throws `AWSServiceError` `ValidationError` "No updates are to be performed." when
    /// nothing would change (see `AWSServiceError.isNoUpdatesToPerform`).
    @discardableResult
    public func updateStack(_ request: UpdateStackRequest) async throws -> String {
        let operation = "UpdateStack"
        var parameters = QueryParameters()
        Self.setStackInput(
            stackName: request.stackName, template: request.template, parameters: request.parameters, capabilities: request.capabilities,
            roleARN: request.roleARN, tags: request.tags, into: &parameters)
        parameters.set("ClientRequestToken", request.clientRequestToken)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "StackId")
    }

    /// DeleteStack. Deleting a stack that does not exist succeeds (as on AWS).
    public func deleteStack(_ request: DeleteStackRequest) async throws {
        var parameters = QueryParameters()
        parameters.set("StackName", request.stackName)
        parameters.set("RoleARN", request.roleARN)
        parameters.set("ClientRequestToken", request.clientRequestToken)
        _ = try await client.query(action: "DeleteStack", parameters: parameters)
    }

    /// DescribeStacks for one stack, by name or id. Returns nil when the stack does not exist
    /// (`ValidationError` "Stack with id X does not exist"); a deleted stack asked for by id comes
    /// back as `DELETE_COMPLETE`.
    public func describeStack(_ stackName: String) async throws -> StackDescription? {
        let operation = "DescribeStacks"
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        let root: XMLElementNode
        do {
            root = try await client.query(action: operation, parameters: parameters)
        } catch let error as AWSServiceError where error.isStackDoesNotExist {
            return nil
        }
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let stacks = try reader.result(root).members(of: "Stacks")
        return try stacks.first.map { try reader.stack($0) }
    }

    /// UpdateTerminationProtection. Returns the stack id. (moto does not implement it: HTTP 500.)
    @discardableResult
    public func updateTerminationProtection(stackName: String, enabled: Bool) async throws -> String {
        let operation = "UpdateTerminationProtection"
        var parameters = QueryParameters()
        parameters.set("EnableTerminationProtection", enabled)
        parameters.set("StackName", stackName)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "StackId")
    }

    // MARK: - Request members shared by several operations

    /// The members CreateStack, UpdateStack and CreateChangeSet share, in their model order.
    static func setStackInput(
        stackName: String, template: TemplateSource, parameters stackParameters: [StackParameter], capabilities: [StackCapability],
        roleARN: String?, tags: [StackTag]?, into parameters: inout QueryParameters
    ) {
        parameters.set("StackName", stackName)
        setTemplate(template, into: &parameters)
        setParameters(stackParameters, into: &parameters)
        parameters.setList("Capabilities", capabilities.isEmpty ? nil : capabilities.map(\.rawValue))
        parameters.set("RoleARN", roleARN)
        setTags(tags, into: &parameters)
    }

    static func setTemplate(_ template: TemplateSource, into parameters: inout QueryParameters) {
        switch template {
        case .body(let body): parameters.set("TemplateBody", body)
        case .url(let url): parameters.set("TemplateURL", url)
        }
    }

    static func setParameters(_ stackParameters: [StackParameter], into parameters: inout QueryParameters) {
        parameters.setList("Parameters", stackParameters.isEmpty ? nil : stackParameters) { params, prefix, parameter in
            params.set("\(prefix).ParameterKey", parameter.key)
            params.set("\(prefix).ParameterValue", parameter.usePreviousValue ? nil : parameter.value)
            params.set("\(prefix).UsePreviousValue", parameter.usePreviousValue ? true : nil)
        }
    }

    static func setTags(_ tags: [StackTag]?, into parameters: inout QueryParameters) {
        parameters.setList("Tags", tags) { params, prefix, tag in
            params.set("\(prefix).Key", tag.key)
            params.set("\(prefix).Value", tag.value)
        }
    }
}

extension AWSServiceError {
    /// CloudFormation's answer for a stack that is not there: `ValidationError` "Stack with id X does not exist".
    public var isStackDoesNotExist: Bool {
        code == "ValidationError" && (message ?? "").contains("does not exist")
    }

    /// UpdateStack's (and moto's CreateChangeSet's) answer when the stack already matches the request.
    public var isNoUpdatesToPerform: Bool {
        code == "ValidationError" && (message ?? "").contains("No updates are to be performed")
    }
}
