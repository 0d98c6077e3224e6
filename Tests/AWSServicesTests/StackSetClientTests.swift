import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct StackSetClientTests {
    typealias R = StackSetResponses

    static func client(_ transport: ScriptedTransport) -> CloudFormationClient {
        CloudFormationClientTests.client(transport)
    }

    /// The body's pairs after Action and Version, in order.
    static func pairs(_ request: HTTPRequest?) -> [String] {
        Array(TestClients.body(request).split(separator: "&").map { $0.removingPercentEncoding ?? String($0) }.dropFirst(2))
    }

    static let preferences = StackSetOperationPreferences(
        regionConcurrencyType: .parallel, regionOrder: ["eu-west-1", "us-east-1"], failureToleranceCount: 2, maxConcurrentPercentage: 25,
        concurrencyMode: .softFailureTolerance)

    @Test func createStackSetSendsEveryMemberInModelOrder() async throws {
        let transport = ScriptedTransport([.status(200, body: R.motoCreateStackSet)])

        let id = try await Self.client(transport).createStackSet(
            CreateStackSetRequest(
                name: "mlops-dev", description: "mlopsctl bootstrap (dev)", templateBody: "{}", parameters: ["Z": "26", "A": "1"],
                capabilities: [.namedIAM], tags: [StackTag(key: "mlops:stage", value: "dev")],
                autoDeployment: StackSetAutoDeployment(enabled: true, retainStacksOnAccountRemoval: true, dependsOn: ["arn:aws:cloudformation:eu-west-1:1:stackset/p:u"]),
                managedExecutionActive: true, callAs: .delegatedAdmin, clientRequestToken: "mlopsctl-create-1"))

        #expect(id == R.stackSetId)
        #expect(Self.pairs(transport.requests.first) == [
            "StackSetName=mlops-dev", "Description=mlopsctl bootstrap (dev)", "TemplateBody={}",
            "Parameters.member.1.ParameterKey=A", "Parameters.member.1.ParameterValue=1",
            "Parameters.member.2.ParameterKey=Z", "Parameters.member.2.ParameterValue=26",
            "Capabilities.member.1=CAPABILITY_NAMED_IAM", "Tags.member.1.Key=mlops:stage", "Tags.member.1.Value=dev",
            "PermissionModel=SERVICE_MANAGED", "AutoDeployment.Enabled=true", "AutoDeployment.RetainStacksOnAccountRemoval=true",
            "AutoDeployment.DependsOn.member.1=arn:aws:cloudformation:eu-west-1:1:stackset/p:u",
            "CallAs=DELEGATED_ADMIN", "ClientRequestToken=mlopsctl-create-1", "ManagedExecution.Active=true",
        ])
    }

    @Test func aMinimalCreateLeavesEmptyListsOutAndStillSendsAToken() async throws {
        let transport = ScriptedTransport([.status(200, body: R.motoCreateStackSet)])

        try await Self.client(transport).createStackSet(CreateStackSetRequest(name: "mlops-dev", templateBody: "{}", callAs: .selfAccount))

        let pairs = Self.pairs(transport.requests.first)
        #expect(pairs.prefix(3) == ["StackSetName=mlops-dev", "TemplateBody={}", "PermissionModel=SERVICE_MANAGED"])
        #expect(pairs[3] == "CallAs=SELF")
        #expect(pairs.count == 5)
        #expect(TestClients.form(transport.requests.first)["ClientRequestToken"]?.isEmpty == false)
    }

    @Test func aRetriedCreateSendsTheSameToken() async throws {
        let transport = ScriptedTransport([.status(503, body: R.error("ServiceUnavailable", "try again")), .status(200, body: R.motoCreateStackSet)])

        try await Self.client(transport).createStackSet(CreateStackSetRequest(name: "mlops-dev", templateBody: "{}", callAs: .selfAccount))

        #expect(transport.requests.count == 2)
        let tokens = transport.requests.map { TestClients.form($0)["ClientRequestToken"] }
        #expect(tokens[0] != nil && tokens[0] == tokens[1])
    }

    @Test func aTakenNameIsRecognisable() async throws {
        let transport = ScriptedTransport([.status(409, body: R.error("NameAlreadyExistsException", "StackSet mlops-dev already exists"))])

        let error = await #expect(throws: AWSServiceError.self) {
            try await Self.client(transport).createStackSet(CreateStackSetRequest(name: "mlops-dev", templateBody: "{}", callAs: .selfAccount))
        }

        #expect(error?.isNameAlreadyExists == true)
        #expect(error?.isStackSetNotFound == false)
    }

    @Test func updateStackSetSendsPreferencesAndReturnsTheOperation() async throws {
        let transport = ScriptedTransport([.status(200, body: R.operationIdResponse("UpdateStackSet"))])

        let operation = try await Self.client(transport).updateStackSet(
            UpdateStackSetRequest(
                name: "mlops-dev", templateBody: "{}", parameters: ["A": "1"], capabilities: [.iam], tags: [], operationPreferences: Self.preferences,
                autoDeployment: StackSetAutoDeployment(enabled: false), callAs: .selfAccount, operationId: "mlopsctl-op-1"))

        #expect(operation == R.operationId)
        #expect(Self.pairs(transport.requests.first) == [
            "StackSetName=mlops-dev", "TemplateBody={}", "Parameters.member.1.ParameterKey=A", "Parameters.member.1.ParameterValue=1",
            "Capabilities.member.1=CAPABILITY_IAM", "Tags=",
            "OperationPreferences.RegionConcurrencyType=PARALLEL", "OperationPreferences.RegionOrder.member.1=eu-west-1",
            "OperationPreferences.RegionOrder.member.2=us-east-1", "OperationPreferences.FailureToleranceCount=2",
            "OperationPreferences.MaxConcurrentPercentage=25", "OperationPreferences.ConcurrencyMode=SOFT_FAILURE_TOLERANCE",
            "AutoDeployment.Enabled=false", "OperationId=mlopsctl-op-1", "CallAs=SELF",
        ])
    }

    @Test func describeStackSetReadsMotosAnswer() async throws {
        let transport = ScriptedTransport([.status(200, body: R.motoDescribeStackSet)])

        let stackSet = try #require(try await Self.client(transport).describeStackSet("mlops-dev", callAs: .selfAccount))

        #expect(stackSet == StackSetDescription(
            name: "mlops-dev", id: R.stackSetId, arn: "arn:aws:cloudformation:us-east-1:123456789012:stackset/\(R.stackSetId)", status: "ACTIVE",
            description: "d", templateBody: R.templateBody, parameters: ["V": "x"], tags: [StackTag(key: "k", value: "v")],
            permissionModel: .serviceManaged, managedExecutionActive: false))
        #expect(TestClients.body(transport.requests.first) == "Action=DescribeStackSet&Version=2010-05-15&StackSetName=mlops-dev&CallAs=SELF")
    }

    @Test func describeStackSetReadsEveryMemberAWSSends() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStackSetAWS)])

        let stackSet = try #require(try await Self.client(transport).describeStackSet("mlops-bootstrap-prod", callAs: .delegatedAdmin))

        #expect(stackSet.id == "mlops-bootstrap-prod:0a1b2c3d-4e5f-6789-abcd-ef0123456789")
        #expect(stackSet.templateBody == "  {\"Resources\": {}}\n")  // kept exactly, for byte comparison
        #expect(stackSet.parameters == ["TrustedAccounts": "111111111111,222222222222", "Empty": ""])
        #expect(stackSet.capabilities == [.iam, .namedIAM])
        #expect(stackSet.autoDeployment == StackSetAutoDeployment(
            enabled: true, retainStacksOnAccountRemoval: false,
            dependsOn: ["arn:aws:cloudformation:eu-west-1:111111111111:stackset/mlops-policy-prod:1a1b2c3d-4e5f-6789-abcd-ef0123456789"]))
        #expect(stackSet.managedExecutionActive == true)
        #expect(stackSet.organizationalUnitIds == ["ou-rck3-ktln93n2", "ou-rck3-aaaabbbb"])
        #expect(stackSet.regions == ["eu-west-1"])
        #expect(TestClients.form(transport.requests.first)["CallAs"] == "DELEGATED_ADMIN")
    }

    @Test func aMissingStackSetIsNilAndDeletingItSucceeds() async throws {
        let transport = ScriptedTransport([.status(404, body: R.motoStackSetNotFound), .status(404, body: R.motoStackSetNotFound)])
        let client = Self.client(transport)

        #expect(try await client.describeStackSet("missing", callAs: .selfAccount) == nil)
        try await client.deleteStackSet("missing", callAs: .selfAccount)

        #expect(transport.requests.count == 2)
        #expect(TestClients.body(transport.requests[1]) == "Action=DeleteStackSet&Version=2010-05-15&StackSetName=missing&CallAs=SELF")
    }

    @Test func deletingAStackSetWithInstancesIsRecognisable() async throws {
        let transport = ScriptedTransport([.status(409, body: R.error("StackSetNotEmptyException", "StackSet is not empty"))])

        let error = await #expect(throws: AWSServiceError.self) { try await Self.client(transport).deleteStackSet("mlops-dev", callAs: .selfAccount) }

        #expect(error?.isStackSetNotEmpty == true)
    }

    @Test func createStackInstancesTargetsOUsWithEveryPreference() async throws {
        let transport = ScriptedTransport([.status(200, body: R.operationIdResponse("CreateStackInstances"))])

        let operation = try await Self.client(transport).createStackInstances(
            StackInstancesRequest(
                stackSetName: "mlops-dev",
                deploymentTargets: StackSetDeploymentTargets(
                    organizationalUnitIds: ["ou-rck3-ktln93n2"], accounts: ["555555555555"], accountFilterType: .difference),
                regions: ["eu-west-1"], parameterOverrides: ["Stage": "dev"], operationPreferences: Self.preferences, callAs: .delegatedAdmin,
                operationId: "mlopsctl-op-2"))

        #expect(operation == R.operationId)
        #expect(Self.pairs(transport.requests.first) == [
            "StackSetName=mlops-dev", "DeploymentTargets.Accounts.member.1=555555555555",
            "DeploymentTargets.OrganizationalUnitIds.member.1=ou-rck3-ktln93n2", "DeploymentTargets.AccountFilterType=DIFFERENCE",
            "Regions.member.1=eu-west-1", "ParameterOverrides.member.1.ParameterKey=Stage", "ParameterOverrides.member.1.ParameterValue=dev",
            "OperationPreferences.RegionConcurrencyType=PARALLEL", "OperationPreferences.RegionOrder.member.1=eu-west-1",
            "OperationPreferences.RegionOrder.member.2=us-east-1", "OperationPreferences.FailureToleranceCount=2",
            "OperationPreferences.MaxConcurrentPercentage=25", "OperationPreferences.ConcurrencyMode=SOFT_FAILURE_TOLERANCE",
            "OperationId=mlopsctl-op-2", "CallAs=DELEGATED_ADMIN",
        ])
    }

    @Test func aRetriedInstanceCallKeepsItsGeneratedOperationId() async throws {
        let transport = ScriptedTransport([
            .status(500, body: R.error("InternalFailure", "internal")), .status(200, body: R.operationIdResponse("UpdateStackInstances")),
        ])

        try await Self.client(transport).updateStackInstances(
            StackInstancesRequest(
                stackSetName: "mlops-dev", deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: ["ou-rck3-ktln93n2"]),
                regions: ["eu-west-1"], callAs: .selfAccount))

        let ids = transport.requests.map { TestClients.form($0)["OperationId"] }
        #expect(ids.count == 2)
        #expect(ids[0] != nil && ids[0] == ids[1])
        #expect(TestClients.form(transport.requests[0])["ParameterOverrides"] == nil)
    }

    @Test func deleteStackInstancesSendsRetainStacksAndNoOverrides() async throws {
        let transport = ScriptedTransport([.status(200, body: R.operationIdResponse("DeleteStackInstances"))])

        try await Self.client(transport).deleteStackInstances(
            StackInstancesRequest(
                stackSetName: "mlops-dev", deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: ["ou-rck3-ktln93n2"]),
                regions: ["eu-west-1", "us-east-1"], parameterOverrides: ["Ignored": "x"], callAs: .selfAccount, operationId: "mlopsctl-op-3"),
            retainStacks: false)

        #expect(Self.pairs(transport.requests.first) == [
            "StackSetName=mlops-dev", "DeploymentTargets.OrganizationalUnitIds.member.1=ou-rck3-ktln93n2", "Regions.member.1=eu-west-1",
            "Regions.member.2=us-east-1", "RetainStacks=false", "OperationId=mlopsctl-op-3", "CallAs=SELF",
        ])
    }

    @Test func anOperationInProgressIsNotRetriedAndIsRecognisable() async throws {
        let transport = ScriptedTransport([
            .status(409, body: R.error("OperationInProgressException", "Another Operation on StackSet mlops-dev is in progress"))
        ])

        let error = await #expect(throws: AWSServiceError.self) {
            try await Self.client(transport).createStackInstances(
                StackInstancesRequest(
                    stackSetName: "mlops-dev", deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: ["ou-rck3-ktln93n2"]),
                    regions: ["eu-west-1"], callAs: .selfAccount))
        }

        #expect(error?.isOperationInProgress == true)
        #expect(!StandardRetryStrategy.isThrottling(error))
        #expect(transport.requests.count == 1)
    }

    @Test func everyStackSetErrorHasItsRecogniser() {
        func error(_ code: String) -> AWSServiceError {
            AWSServiceError(serviceId: "CloudFormation", operation: "UpdateStackSet", statusCode: 409, code: code)
        }
        #expect(error("StackSetNotFoundException").isStackSetNotFound)
        #expect(error("StackInstanceNotFoundException").isStackInstanceNotFound)
        #expect(error("OperationInProgressException").isOperationInProgress)
        #expect(error("OperationIdAlreadyExistsException").isOperationIdAlreadyExists)
        #expect(error("StaleRequestException").isStaleRequest)
        #expect(error("NameAlreadyExistsException").isNameAlreadyExists)
        #expect(error("StackSetNotEmptyException").isStackSetNotEmpty)
        #expect(error("OperationNotFoundException").isStackSetOperationNotFound)
        #expect(!error("ValidationError").isStackSetNotFound)
        #expect(!error("StackSetNotFoundException").isStackDoesNotExist)
    }

    @Test func stackInstancesArePagedLazilyAHundredAtATime() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listStackInstancesAWS(nextToken: "page-2")), .status(200, body: R.motoListStackInstances),
        ])
        var iterator = Self.client(transport).stackInstances("mlops-dev", callAs: .delegatedAdmin).makeAsyncIterator()

        let failed = try #require(try await iterator.next())
        #expect(failed == StackInstanceSummary(
            account: "481209291763", region: "eu-west-1", status: .outdated, detailedStatus: .failed,
            statusReason: "ResourceLogicalId:StagingBucket, ResourceType:AWS::S3::Bucket, ResourceStatusReason:mlops-staging already exists.",
            stackId: "arn:aws:cloudformation:eu-west-1:481209291763:stack/StackSet-mlops-dev-0a1b/05109b1a-6a88-46b7-be60-f164f31c690b",
            organizationalUnitId: "ou-rck3-ktln93n2", driftStatus: "NOT_CHECKED", lastOperationId: R.operationId))
        #expect(transport.requests.count == 1)
        let suspended = try #require(try await iterator.next())
        #expect(suspended.detailedStatus == .skippedSuspendedAccount)
        #expect(suspended.stackId == nil)
        var rest: [StackInstanceSummary] = []
        while let next = try await iterator.next() { rest.append(next) }
        #expect(rest.map(\.account) == ["940144603568", "271110431973"])
        #expect(rest.allSatisfy { $0.status == .current && $0.detailedStatus == .succeeded && $0.organizationalUnitId == nil })
        #expect(transport.requests.count == 2)

        #expect(Self.pairs(transport.requests[0]) == ["StackSetName=mlops-dev", "MaxResults=100", "CallAs=DELEGATED_ADMIN"])
        #expect(Self.pairs(transport.requests[1]) == ["StackSetName=mlops-dev", "NextToken=page-2", "MaxResults=100", "CallAs=DELEGATED_ADMIN"])
    }

    @Test func describeStackSetOperationReadsAFailureAndMotosSuccess() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStackSetOperationFailed), .status(200, body: R.motoDescribeStackSetOperation)])
        let client = Self.client(transport)

        let failed = try await client.describeStackSetOperation(stackSetName: "mlops-dev", operationId: R.operationId, callAs: .selfAccount)
        let succeeded = try await client.describeStackSetOperation(stackSetName: "mlops-dev", operationId: R.operationId, callAs: .selfAccount)

        #expect(failed == StackSetOperation(
            operationId: R.operationId, stackSetId: R.stackSetId, action: .delete, status: .failed,
            statusReason: "The operation failed in 2 accounts, more than the failure tolerance of 0.", failedStackInstancesCount: 2,
            retainStacks: false, creationTimestamp: Date(timeIntervalSince1970: 1_795_912_740.123), endTimestamp: Date(timeIntervalSince1970: 1_795_912_862)))
        #expect(failed.status.isFinished)
        #expect(succeeded.action == .create)
        #expect(succeeded.status == .succeeded)
        #expect(succeeded.failedStackInstancesCount == nil)
        #expect(succeeded.endTimestamp != nil)
        #expect(!StackSetOperationStatus.running.isFinished && !StackSetOperationStatus.queued.isFinished && !StackSetOperationStatus.stopping.isFinished)
        #expect(Self.pairs(transport.requests[0]) == ["StackSetName=mlops-dev", "OperationId=\(R.operationId)", "CallAs=SELF"])
    }

    @Test func operationResultsArePagedWithReasons() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listStackSetOperationResultsAWS(nextToken: "p2")), .status(200, body: R.motoListStackSetOperationResults),
        ])

        let results = try await Self.client(transport).stackSetOperationResults(stackSetName: "mlops-dev", operationId: R.operationId, callAs: .selfAccount)
            .collect()

        #expect(results == [
            StackSetOperationResult(account: "940144603568", region: "eu-west-1", status: .succeeded, organizationalUnitId: "ou-rck3-ktln93n2"),
            StackSetOperationResult(
                account: "481209291763", region: "eu-west-1", status: .failed,
                statusReason: "ResourceLogicalId:StagingKey, ResourceType:AWS::KMS::Key, ResourceStatusReason:Access denied.",
                organizationalUnitId: "ou-rck3-ktln93n2"),
        ])
        #expect(Self.pairs(transport.requests[1]) == [
            "StackSetName=mlops-dev", "OperationId=\(R.operationId)", "NextToken=p2", "MaxResults=100", "CallAs=SELF",
        ])
    }
}
