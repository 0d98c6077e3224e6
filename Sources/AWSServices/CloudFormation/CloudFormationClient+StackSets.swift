import AWSWire
import Foundation

/// Stack sets: one template deployed to many accounts and regions by CloudFormation itself. Every call names whom it
/// acts as (`StackSetCallAs`). Mutating instance calls start an asynchronous operation and return its id; follow it
/// with `describeStackSetOperation` and `stackSetOperationResults`.
///
/// Errors are `AWSServiceError`s recognised by `isStackSetNotFound`, `isOperationInProgress`, … below. A stack set
/// runs one operation at a time: `OperationInProgressException` means "wait for the running one, then send again",
/// and is deliberately not a throttling error (the retry strategy does not retry it, and it must not slow the
/// session's other calls).
extension CloudFormationClient {
    /// The largest page ListStackInstances and ListStackSetOperationResults accept.
    static let stackSetPageSize = 100

    /// CreateStackSet; returns the stack set's id (`<name>:<uuid>`). A name in use is `NameAlreadyExistsException`
    /// (`isNameAlreadyExists`). The stack set has no instances yet.
    @discardableResult
    public func createStackSet(_ request: CreateStackSetRequest) async throws -> String {
        let operation = "CreateStackSet"
        var parameters = QueryParameters()
        parameters.set("StackSetName", request.name)
        parameters.set("Description", request.description)
        parameters.set("TemplateBody", request.templateBody)
        Self.setParameters(Self.stackParameters(request.parameters), into: &parameters)
        parameters.setList("Capabilities", request.capabilities.isEmpty ? nil : request.capabilities.map(\.rawValue))
        Self.setTags(request.tags.isEmpty ? nil : request.tags, into: &parameters)
        parameters.set("PermissionModel", request.permissionModel.rawValue)
        Self.setAutoDeployment(request.autoDeployment, into: &parameters)
        parameters.set("CallAs", request.callAs.rawValue)
        parameters.set("ClientRequestToken", request.clientRequestToken ?? IdempotencyToken.unique())
        parameters.set("ManagedExecution.Active", request.managedExecutionActive)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "StackSetId")
    }

    /// UpdateStackSet: a new template and parameters for the stack set and all its instances; returns the operation id.
    @discardableResult
    public func updateStackSet(_ request: UpdateStackSetRequest) async throws -> String {
        let operation = "UpdateStackSet"
        var parameters = QueryParameters()
        parameters.set("StackSetName", request.name)
        parameters.set("Description", request.description)
        parameters.set("TemplateBody", request.templateBody)
        Self.setParameters(Self.stackParameters(request.parameters), into: &parameters)
        parameters.setList("Capabilities", request.capabilities.isEmpty ? nil : request.capabilities.map(\.rawValue))
        Self.setTags(request.tags, into: &parameters)
        Self.setOperationPreferences(request.operationPreferences, into: &parameters)
        Self.setAutoDeployment(request.autoDeployment, into: &parameters)
        parameters.set("OperationId", request.operationId ?? IdempotencyToken.unique())
        parameters.set("CallAs", request.callAs.rawValue)
        parameters.set("ManagedExecution.Active", request.managedExecutionActive)
        return try await operationId(operation, parameters)
    }

    /// DescribeStackSet. Returns nil when there is no such stack set (`StackSetNotFoundException`).
    public func describeStackSet(_ name: String, callAs: StackSetCallAs) async throws -> StackSetDescription? {
        let operation = "DescribeStackSet"
        var parameters = QueryParameters()
        parameters.set("StackSetName", name)
        parameters.set("CallAs", callAs.rawValue)
        let root: XMLElementNode
        do {
            root = try await client.query(action: operation, parameters: parameters)
        } catch let error as AWSServiceError where error.isStackSetNotFound {
            return nil
        }
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.stackSet(try reader.element(try reader.result(root), "StackSet"))
    }

    /// DeleteStackSet. A stack set that is not there counts as deleted; one that still has instances is
    /// `StackSetNotEmptyException` (`isStackSetNotEmpty`).
    public func deleteStackSet(_ name: String, callAs: StackSetCallAs) async throws {
        var parameters = QueryParameters()
        parameters.set("StackSetName", name)
        parameters.set("CallAs", callAs.rawValue)
        do {
            _ = try await client.query(action: "DeleteStackSet", parameters: parameters)
        } catch let error as AWSServiceError where error.isStackSetNotFound {
            return
        }
    }

    /// CreateStackInstances: deploys the stack set to the targets' accounts in `regions`; returns the operation id.
    @discardableResult
    public func createStackInstances(_ request: StackInstancesRequest) async throws -> String {
        try await operationId("CreateStackInstances", Self.instanceParameters(request, retainStacks: nil))
    }

    /// UpdateStackInstances: applies the stack set's current template and the request's parameter overrides to
    /// existing instances; returns the operation id.
    @discardableResult
    public func updateStackInstances(_ request: StackInstancesRequest) async throws -> String {
        try await operationId("UpdateStackInstances", Self.instanceParameters(request, retainStacks: nil))
    }

    /// DeleteStackInstances: removes the instances (and, unless `retainStacks`, their stacks and resources);
    /// returns the operation id. `parameterOverrides` is not part of this call and is ignored.
    @discardableResult
    public func deleteStackInstances(_ request: StackInstancesRequest, retainStacks: Bool) async throws -> String {
        try await operationId("DeleteStackInstances", Self.instanceParameters(request, retainStacks: retainStacks))
    }

    /// ListStackInstances, `stackSetPageSize` at a time, each page requested as the sequence is read.
    public func stackInstances(_ stackSetName: String, callAs: StackSetCallAs) -> PagedSequence<StackInstanceSummary> {
        let operation = "ListStackInstances"
        return PagedSequence(serviceId: client.service.serviceId, operation: operation) { token in
            var parameters = QueryParameters()
            parameters.set("StackSetName", stackSetName)
            parameters.set("NextToken", token)
            parameters.set("MaxResults", Self.stackSetPageSize)
            parameters.set("CallAs", callAs.rawValue)
            let root = try await client.query(action: operation, parameters: parameters)
            let reader = ResponseReader(client, operation: operation, queryRoot: root)
            let result = try reader.result(root)
            return (try result.members(of: "Summaries").map { try reader.stackInstance($0) }, ResponseReader.trimmed(result, ["NextToken"]))
        }
    }

    /// DescribeStackSetOperation. An unknown id is `OperationNotFoundException`.
    public func describeStackSetOperation(stackSetName: String, operationId: String, callAs: StackSetCallAs) async throws -> StackSetOperation {
        let operation = "DescribeStackSetOperation"
        var parameters = QueryParameters()
        parameters.set("StackSetName", stackSetName)
        parameters.set("OperationId", operationId)
        parameters.set("CallAs", callAs.rawValue)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.stackSetOperation(try reader.element(try reader.result(root), "StackSetOperation"))
    }

    /// ListStackSetOperationResults: the outcome per account and region, paged lazily. (moto answers an empty list.)
    public func stackSetOperationResults(stackSetName: String, operationId: String, callAs: StackSetCallAs)
        -> PagedSequence<StackSetOperationResult>
    {
        let operation = "ListStackSetOperationResults"
        return PagedSequence(serviceId: client.service.serviceId, operation: operation) { token in
            var parameters = QueryParameters()
            parameters.set("StackSetName", stackSetName)
            parameters.set("OperationId", operationId)
            parameters.set("NextToken", token)
            parameters.set("MaxResults", Self.stackSetPageSize)
            parameters.set("CallAs", callAs.rawValue)
            let root = try await client.query(action: operation, parameters: parameters)
            let reader = ResponseReader(client, operation: operation, queryRoot: root)
            let result = try reader.result(root)
            return (try result.members(of: "Summaries").map { try reader.operationResult($0) }, ResponseReader.trimmed(result, ["NextToken"]))
        }
    }

    // MARK: - Request members

    /// Sends an operation whose result is `<OperationId>`.
    private func operationId(_ operation: String, _ parameters: QueryParameters) async throws -> String {
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "OperationId")
    }

    /// The members of Create/Update/DeleteStackInstances in model order. `Regions` is required and always sent;
    /// `RetainStacks` only by DeleteStackInstances (where it is required).
    static func instanceParameters(_ request: StackInstancesRequest, retainStacks: Bool?) -> QueryParameters {
        var parameters = QueryParameters()
        parameters.set("StackSetName", request.stackSetName)
        setDeploymentTargets(request.deploymentTargets, into: &parameters)
        parameters.setList("Regions", request.regions)
        if retainStacks == nil {
            parameters.setList("ParameterOverrides", stackParameters(request.parameterOverrides).nilIfEmpty) { params, prefix, parameter in
                params.set("\(prefix).ParameterKey", parameter.key)
                params.set("\(prefix).ParameterValue", parameter.value)
            }
        }
        setOperationPreferences(request.operationPreferences, into: &parameters)
        parameters.set("RetainStacks", retainStacks)
        parameters.set("OperationId", request.operationId ?? IdempotencyToken.unique())
        parameters.set("CallAs", request.callAs.rawValue)
        return parameters
    }

    /// Key → value, sorted by key so bodies are reproducible.
    static func stackParameters(_ values: [String: String]) -> [StackParameter] {
        values.keys.sorted().map { StackParameter.value($0, values[$0]!) }
    }

    static func setDeploymentTargets(_ targets: StackSetDeploymentTargets, into parameters: inout QueryParameters) {
        parameters.setList("DeploymentTargets.Accounts", targets.accounts.nilIfEmpty)
        parameters.setList("DeploymentTargets.OrganizationalUnitIds", targets.organizationalUnitIds.nilIfEmpty)
        parameters.set("DeploymentTargets.AccountFilterType", targets.accountFilterType?.rawValue)
    }

    static func setOperationPreferences(_ preferences: StackSetOperationPreferences?, into parameters: inout QueryParameters) {
        guard let preferences else { return }
        parameters.set("OperationPreferences.RegionConcurrencyType", preferences.regionConcurrencyType?.rawValue)
        parameters.setList("OperationPreferences.RegionOrder", preferences.regionOrder.nilIfEmpty)
        parameters.set("OperationPreferences.FailureToleranceCount", preferences.failureToleranceCount)
        parameters.set("OperationPreferences.FailureTolerancePercentage", preferences.failureTolerancePercentage)
        parameters.set("OperationPreferences.MaxConcurrentCount", preferences.maxConcurrentCount)
        parameters.set("OperationPreferences.MaxConcurrentPercentage", preferences.maxConcurrentPercentage)
        parameters.set("OperationPreferences.ConcurrencyMode", preferences.concurrencyMode?.rawValue)
    }

    static func setAutoDeployment(_ autoDeployment: StackSetAutoDeployment?, into parameters: inout QueryParameters) {
        guard let autoDeployment else { return }
        parameters.set("AutoDeployment.Enabled", autoDeployment.enabled)
        parameters.set("AutoDeployment.RetainStacksOnAccountRemoval", autoDeployment.retainStacksOnAccountRemoval)
        parameters.setList("AutoDeployment.DependsOn", autoDeployment.dependsOn.nilIfEmpty)
    }
}

extension AWSServiceError {
    /// No stack set by that name (or id) for this caller (`StackSetNotFoundException`, HTTP 404).
    public var isStackSetNotFound: Bool { code == "StackSetNotFoundException" }

    /// An instance named by account and region is not in the stack set (`StackInstanceNotFoundException`).
    public var isStackInstanceNotFound: Bool { code == "StackInstanceNotFoundException" }

    /// Another operation is running on the stack set (`OperationInProgressException`, HTTP 409). Wait for it to finish
    /// (`describeStackSetOperation`), then send the call again; this is not throttling and is not retried by the client.
    public var isOperationInProgress: Bool { code == "OperationInProgressException" }

    /// An operation with this id was already submitted (`OperationIdAlreadyExistsException`): a resumed call whose first
    /// attempt got through. Follow that operation instead of starting another.
    public var isOperationIdAlreadyExists: Bool { code == "OperationIdAlreadyExistsException" }

    /// The call was based on a stack-set state that has since changed (`StaleRequestException`): read it again.
    public var isStaleRequest: Bool { code == "StaleRequestException" }

    /// CreateStackSet with a name in use (`NameAlreadyExistsException`).
    public var isNameAlreadyExists: Bool { code == "NameAlreadyExistsException" }

    /// DeleteStackSet while instances remain (`StackSetNotEmptyException`): delete them first.
    public var isStackSetNotEmpty: Bool { code == "StackSetNotEmptyException" }

    /// DescribeStackSetOperation / ListStackSetOperationResults with an unknown id (`OperationNotFoundException`).
    public var isStackSetOperationNotFound: Bool { code == "OperationNotFoundException" }
}

extension ResponseReader {
    /// A `<StackSet>` of DescribeStackSet.
    func stackSet(_ node: XMLElementNode) throws -> StackSetDescription {
        let autoDeployment = try node.child("AutoDeployment").map { auto in
            StackSetAutoDeployment(
                enabled: try optionalBool(auto, "Enabled") ?? false, retainStacksOnAccountRemoval: try optionalBool(auto, "RetainStacksOnAccountRemoval"),
                dependsOn: Self.textMembers(auto, "DependsOn"))
        }
        return StackSetDescription(
            name: try text(node, "StackSetName"), id: try text(node, "StackSetId"), arn: Self.trimmed(node, ["StackSetARN"]),
            status: try text(node, "Status"), description: Self.trimmed(node, ["Description"]),
            templateBody: node.child("TemplateBody")?.text,
            parameters: Dictionary(
                try node.members(of: "Parameters").map { (try text($0, "ParameterKey"), $0.child("ParameterValue")?.text ?? "") },
                uniquingKeysWith: { first, _ in first }),
            capabilities: Self.textMembers(node, "Capabilities").map(StackCapability.init(rawValue:)),
            tags: try node.members(of: "Tags").map { StackTag(key: try text($0, "Key"), value: $0.child("Value")?.text ?? "") },
            permissionModel: Self.trimmed(node, ["PermissionModel"]).flatMap(StackSetPermissionModel.init(rawValue:)),
            autoDeployment: autoDeployment, managedExecutionActive: try optionalBool(node, "ManagedExecution", "Active"),
            organizationalUnitIds: Self.textMembers(node, "OrganizationalUnitIds"), regions: Self.textMembers(node, "Regions"))
    }

    /// A `<member>` of ListStackInstances' `<Summaries>`.
    func stackInstance(_ node: XMLElementNode) throws -> StackInstanceSummary {
        StackInstanceSummary(
            account: try text(node, "Account"), region: try text(node, "Region"), status: StackInstanceStatus(rawValue: try text(node, "Status")),
            detailedStatus: Self.trimmed(node, ["StackInstanceStatus", "DetailedStatus"]).map(StackInstanceDetailedStatus.init(rawValue:)),
            statusReason: Self.trimmed(node, ["StatusReason"]), stackId: Self.trimmed(node, ["StackId"]),
            organizationalUnitId: Self.trimmed(node, ["OrganizationalUnitId"]), driftStatus: Self.trimmed(node, ["DriftStatus"]),
            lastOperationId: Self.trimmed(node, ["LastOperationId"]))
    }

    /// A `<StackSetOperation>` of DescribeStackSetOperation.
    func stackSetOperation(_ node: XMLElementNode) throws -> StackSetOperation {
        StackSetOperation(
            operationId: try text(node, "OperationId"), stackSetId: Self.trimmed(node, ["StackSetId"]),
            action: StackSetOperationAction(rawValue: try text(node, "Action")), status: StackSetOperationStatus(rawValue: try text(node, "Status")),
            statusReason: Self.trimmed(node, ["StatusReason"]),
            failedStackInstancesCount: try optionalInt(node, "StatusDetails", "FailedStackInstancesCount"),
            retainStacks: try optionalBool(node, "RetainStacks"), creationTimestamp: try optionalDate(node, "CreationTimestamp"),
            endTimestamp: try optionalDate(node, "EndTimestamp"))
    }

    /// A `<member>` of ListStackSetOperationResults' `<Summaries>`.
    func operationResult(_ node: XMLElementNode) throws -> StackSetOperationResult {
        StackSetOperationResult(
            account: Self.trimmed(node, ["Account"]), region: Self.trimmed(node, ["Region"]),
            status: StackSetOperationResultStatus(rawValue: try text(node, "Status")), statusReason: Self.trimmed(node, ["StatusReason"]),
            organizationalUnitId: Self.trimmed(node, ["OrganizationalUnitId"]))
    }
}
