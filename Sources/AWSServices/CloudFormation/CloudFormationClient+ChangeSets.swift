import AWSWire
import Foundation

/// Change sets: create one, read its (paged) changes, execute or delete it. Every call after the create
/// names the change set by its ARN, which identifies the stack too.
extension CloudFormationClient {
    /// CreateChangeSet. The change set is then `CREATE_PENDING`/`CREATE_IN_PROGRESS` until CloudFormation has
    /// computed it. moto answers a request that changes nothing with `ValidationError` "No updates are to be
    /// performed." here (AWS makes a FAILED change set instead, see `ChangeSetDescription.failedForNoChanges`).
    public func createChangeSet(_ request: CreateChangeSetRequest) async throws -> CreatedChangeSet {
        let operation = "CreateChangeSet"
        var parameters = QueryParameters()
        Self.setStackInput(
            stackName: request.stackName, template: request.template, parameters: request.parameters, capabilities: request.capabilities,
            roleARN: request.roleARN, tags: request.tags, into: &parameters)
        parameters.set("ChangeSetName", request.changeSetName)
        parameters.set("ClientToken", request.clientToken)
        parameters.set("Description", request.description)
        parameters.set("ChangeSetType", request.changeSetType.rawValue)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        return CreatedChangeSet(id: try reader.text(result, "Id"), stackId: try reader.text(result, "StackId"))
    }

    /// One page of DescribeChangeSet. `changeSet` is its ARN (or its name together with `stackName`).
    public func describeChangeSet(_ changeSet: String, stackName: String? = nil, nextToken: String? = nil) async throws -> ChangeSetDescription {
        let operation = "DescribeChangeSet"
        var parameters = QueryParameters()
        parameters.set("ChangeSetName", changeSet)
        parameters.set("StackName", stackName)
        parameters.set("NextToken", nextToken)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.changeSet(try reader.result(root))
    }

    /// ExecuteChangeSet. The stack then goes `UPDATE_IN_PROGRESS` (or `CREATE_IN_PROGRESS`); events carry `clientRequestToken`.
    public func executeChangeSet(_ changeSet: String, clientRequestToken: String? = nil) async throws {
        var parameters = QueryParameters()
        parameters.set("ChangeSetName", changeSet)
        parameters.set("ClientRequestToken", clientRequestToken)
        _ = try await client.query(action: "ExecuteChangeSet", parameters: parameters)
    }

    /// DeleteChangeSet (a change set that was not executed; executed ones go away by themselves).
    public func deleteChangeSet(_ changeSet: String) async throws {
        var parameters = QueryParameters()
        parameters.set("ChangeSetName", changeSet)
        _ = try await client.query(action: "DeleteChangeSet", parameters: parameters)
    }
}

extension ResponseReader {
    /// A `<DescribeChangeSetResult>`.
    func changeSet(_ node: XMLElementNode) throws -> ChangeSetDescription {
        let changes = try node.members(of: "Changes").compactMap { change -> ResourceChange? in
            // Only `Resource` changes exist today; a missing Type is read as one (moto leaves nothing out, but be lenient).
            guard Self.trimmed(change, ["Type"]) ?? "Resource" == "Resource", let resource = change.child("ResourceChange") else { return nil }
            return try resourceChange(resource)
        }
        return ChangeSetDescription(
            changeSetId: try text(node, "ChangeSetId"), changeSetName: try text(node, "ChangeSetName"), stackId: try text(node, "StackId"),
            stackName: try text(node, "StackName"), status: ChangeSetStatus(rawValue: try text(node, "Status")),
            statusReason: Self.trimmed(node, ["StatusReason"]),
            executionStatus: Self.trimmed(node, ["ExecutionStatus"]).map(ChangeSetExecutionStatus.init(rawValue:)), changes: changes,
            nextToken: Self.trimmed(node, ["NextToken"]))
    }

    func resourceChange(_ node: XMLElementNode) throws -> ResourceChange {
        ResourceChange(
            action: try text(node, "Action"), logicalResourceId: try text(node, "LogicalResourceId"),
            physicalResourceId: Self.trimmed(node, ["PhysicalResourceId"]), resourceType: try text(node, "ResourceType"),
            replacement: Self.trimmed(node, ["Replacement"]), scope: Self.textMembers(node, "Scope"),
            details: node.members(of: "Details").map { detail in
                ResourceChangeDetail(
                    attribute: Self.trimmed(detail, ["Target", "Attribute"]), name: Self.trimmed(detail, ["Target", "Name"]),
                    requiresRecreation: Self.trimmed(detail, ["Target", "RequiresRecreation"]),
                    evaluation: Self.trimmed(detail, ["Evaluation"]), changeSource: Self.trimmed(detail, ["ChangeSource"]),
                    causingEntity: Self.trimmed(detail, ["CausingEntity"]))
            })
    }
}
