import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Every Organizations and stack-set operation the clients implement, called with every optional member they
/// support; the request on the wire is checked against botocore's "organizations" and "cloudformation" models, and
/// every enum value the clients can send or name against the model's enums.
@Suite struct OrganizationPathModelTests {
    typealias O = OrganizationsResponses
    typealias S = StackSetResponses

    enum Operation: String, CaseIterable, Sendable {
        case organizationsDescribeOrganization, organizationsListRoots, organizationsListAccountsForParent
        case organizationsListOrganizationalUnitsForParent, organizationsDescribeOrganizationalUnit, organizationsDescribeAccount
        case organizationsListDelegatedAdministrators
        case cloudformationCreateStackSet, cloudformationUpdateStackSet, cloudformationDescribeStackSet, cloudformationDeleteStackSet
        case cloudformationCreateStackInstances, cloudformationUpdateStackInstances, cloudformationDeleteStackInstances
        case cloudformationListStackInstances, cloudformationDescribeStackSetOperation, cloudformationListStackSetOperationResults

        static let services = ["organizations", "cloudformation"]

        var botocoreService: String { Self.services.first { rawValue.hasPrefix($0) }! }
        var modelName: String { String(rawValue.dropFirst(botocoreService.count)) }

        var reply: ScriptedTransport.Reply {
            switch self {
            case .organizationsDescribeOrganization: .status(200, body: O.describeOrganization)
            case .organizationsListRoots: .status(200, body: O.listRoots)
            case .organizationsListAccountsForParent: .status(200, body: O.accountsPage2)
            case .organizationsListOrganizationalUnitsForParent: .status(200, body: O.organizationalUnits)
            case .organizationsDescribeOrganizationalUnit: .status(200, body: O.describeOrganizationalUnit)
            case .organizationsDescribeAccount: .status(200, body: O.describeAccount)
            case .organizationsListDelegatedAdministrators: .status(200, body: O.delegatedAdministrators(["444444444444"], nextToken: nil))
            case .cloudformationCreateStackSet: .status(200, body: S.motoCreateStackSet)
            case .cloudformationUpdateStackSet: .status(200, body: S.operationIdResponse("UpdateStackSet"))
            case .cloudformationDescribeStackSet: .status(200, body: S.describeStackSetAWS)
            case .cloudformationDeleteStackSet: .status(200, body: S.motoDeleteStackSet)
            case .cloudformationCreateStackInstances: .status(200, body: S.operationIdResponse("CreateStackInstances"))
            case .cloudformationUpdateStackInstances: .status(200, body: S.operationIdResponse("UpdateStackInstances"))
            case .cloudformationDeleteStackInstances: .status(200, body: S.operationIdResponse("DeleteStackInstances"))
            case .cloudformationListStackInstances: .status(200, body: S.listStackInstancesAWS(nextToken: nil))
            case .cloudformationDescribeStackSetOperation: .status(200, body: S.describeStackSetOperationFailed)
            case .cloudformationListStackSetOperationResults: .status(200, body: S.listStackSetOperationResultsAWS(nextToken: nil))
            }
        }

        func call(_ transport: ScriptedTransport) async throws {
            let organizations = TestClients.organizations(transport)
            let cloudFormation = StackSetClientTests.client(transport)
            let auto = StackSetAutoDeployment(enabled: true, retainStacksOnAccountRemoval: false, dependsOn: ["arn:aws:cloudformation:eu-west-1:1:stackset/p:u"])
            let instances = StackInstancesRequest(
                stackSetName: "mlops-dev",
                deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: [O.ouId], accounts: ["555555555555"], accountFilterType: .union),
                regions: ["eu-west-1", "us-east-1"], parameterOverrides: ["Stage": "dev"], operationPreferences: StackSetClientTests.preferences,
                callAs: .delegatedAdmin, operationId: "mlopsctl-op-1")
            switch self {
            case .organizationsDescribeOrganization: _ = try await organizations.describeOrganization()
            case .organizationsListRoots: _ = try await organizations.listRoots()
            case .organizationsListAccountsForParent: _ = try await organizations.accounts(inParent: O.ouId).collect()
            case .organizationsListOrganizationalUnitsForParent: _ = try await organizations.organizationalUnits(inParent: O.rootId).collect()
            case .organizationsDescribeOrganizationalUnit: _ = try await organizations.describeOrganizationalUnit(O.ouId)
            case .organizationsDescribeAccount: _ = try await organizations.describeAccount("940144603568")
            case .organizationsListDelegatedAdministrators:
                _ = try await organizations.listDelegatedAdministrators(servicePrincipal: StackSetCallAs.delegatedAdminServicePrincipal)
            case .cloudformationCreateStackSet:
                try await cloudFormation.createStackSet(
                    CreateStackSetRequest(
                        name: "mlops-dev", description: "d", templateBody: "{}", parameters: ["A": "1"], capabilities: StackCapability.all,
                        tags: [StackTag(key: "mlops:stage", value: "dev")], autoDeployment: auto, managedExecutionActive: true, callAs: .delegatedAdmin,
                        clientRequestToken: "mlopsctl-create-1"))
            case .cloudformationUpdateStackSet:
                try await cloudFormation.updateStackSet(
                    UpdateStackSetRequest(
                        name: "mlops-dev", description: "d", templateBody: "{}", parameters: ["A": "1"], capabilities: StackCapability.all,
                        tags: [StackTag(key: "mlops:stage", value: "dev")], operationPreferences: StackSetClientTests.preferences, autoDeployment: auto,
                        managedExecutionActive: true, callAs: .delegatedAdmin, operationId: "mlopsctl-op-1"))
            case .cloudformationDescribeStackSet: _ = try await cloudFormation.describeStackSet("mlops-dev", callAs: .delegatedAdmin)
            case .cloudformationDeleteStackSet: try await cloudFormation.deleteStackSet("mlops-dev", callAs: .delegatedAdmin)
            case .cloudformationCreateStackInstances: try await cloudFormation.createStackInstances(instances)
            case .cloudformationUpdateStackInstances: try await cloudFormation.updateStackInstances(instances)
            case .cloudformationDeleteStackInstances: try await cloudFormation.deleteStackInstances(instances, retainStacks: true)
            case .cloudformationListStackInstances: _ = try await cloudFormation.stackInstances("mlops-dev", callAs: .delegatedAdmin).collect()
            case .cloudformationDescribeStackSetOperation:
                _ = try await cloudFormation.describeStackSetOperation(stackSetName: "mlops-dev", operationId: S.operationId, callAs: .delegatedAdmin)
            case .cloudformationListStackSetOperationResults:
                _ = try await cloudFormation.stackSetOperationResults(stackSetName: "mlops-dev", operationId: S.operationId, callAs: .delegatedAdmin)
                    .collect()
            }
        }
    }

    @Test func everyOperationIsCovered() {
        // 7 Organizations + 10 stack-set operations: a new client method must be added here too.
        #expect(Operation.allCases.count == 17)
        #expect(Set(Operation.allCases.map(\.modelName)).count == 17)
    }

    @Test(arguments: Operation.allCases)
    func requestMatchesTheBotocoreModel(_ operation: Operation) async throws {
        guard let checker = BotocoreCheck.checker(operation.botocoreService) else { return }
        #expect(checker.model.operation(operation.modelName) != nil, "botocore has no \(operation.modelName)")
        let transport = ScriptedTransport([operation.reply])

        try await operation.call(transport)

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(BotocoreCheck.problems(checker, operation.modelName, request) == [])
        if checker.model.protocolName == "json" {
            #expect(MoreClientsModelTests.enumProblems(checker.model, operation.modelName, request.body) == [])
        }
    }

    @Test func aMisspeltStackSetMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("cloudformation") else { return }
        let client = TestClients.client(.cloudFormation, transport: ScriptedTransport([]))
        var parameters = QueryParameters()
        parameters.set("StackSetName", "s")
        parameters.set("DeploymentTargets.OrganizationalUnits.member.1", "ou-rck3-ktln93n2")

        let problems = BotocoreCheck.problems(checker, "CreateStackInstances", try client.queryRequest(action: "CreateStackInstances", parameters: parameters))

        #expect(problems.contains { $0.contains("'OrganizationalUnits' is not a member") })
        #expect(problems.contains { $0.contains("required member 'Regions' is missing") })
    }

    // MARK: - Enum values

    /// The values of the model's string enum `shape`.
    static func modelEnum(_ service: String, _ shape: String) -> Set<String>? {
        guard let checker = BotocoreCheck.checker(service) else { return nil }
        let values = checker.model.shape(shape)?["enum"] as? [String]
        #expect(values != nil, "\(service) has no enum shape \(shape)")
        return Set(values ?? [])
    }

    @Test func everyValueTheClientsSendIsOneOfTheModels() {
        let cases: [(String, Set<String>)] = [
            ("CallAs", Set(StackSetCallAs.allCases.map(\.rawValue))),
            ("PermissionModels", Set(StackSetPermissionModel.allCases.map(\.rawValue))),
            ("RegionConcurrencyType", Set(StackSetRegionConcurrency.allCases.map(\.rawValue))),
            ("ConcurrencyMode", Set(StackSetConcurrencyMode.allCases.map(\.rawValue))),
            ("AccountFilterType", Set(StackSetAccountFilter.allCases.map(\.rawValue))),
        ]
        for (shape, ours) in cases {
            guard let model = Self.modelEnum("cloudformation", shape) else { return }
            #expect(ours == model, "\(shape)")
        }
    }

    @Test func everyStatusTheModelKnowsHasItsConstant() {
        let cloudFormation: [(String, Set<String>)] = [
            ("StackInstanceStatus", [StackInstanceStatus.current, .outdated, .inoperable].rawValues),
            ("StackInstanceDetailedStatus", [
                StackInstanceDetailedStatus.pending, .running, .succeeded, .failed, .cancelled, .inoperable, .skippedSuspendedAccount, .failedImport,
            ].rawValues),
            ("StackSetOperationAction", [StackSetOperationAction.create, .update, .delete, .detectDrift].rawValues),
            ("StackSetOperationStatus", [StackSetOperationStatus.running, .succeeded, .failed, .stopping, .stopped, .queued].rawValues),
            ("StackSetOperationResultStatus", [StackSetOperationResultStatus.pending, .running, .succeeded, .failed, .cancelled].rawValues),
        ]
        for (shape, ours) in cloudFormation {
            guard let model = Self.modelEnum("cloudformation", shape) else { return }
            #expect(ours == model, "\(shape)")
        }
        guard let status = Self.modelEnum("organizations", "AccountStatus"), let state = Self.modelEnum("organizations", "AccountState"),
            let features = Self.modelEnum("organizations", "OrganizationFeatureSet")
        else { return }
        #expect(status.union(state) == [OrganizationAccountStatus.active, .suspended, .pendingClosure, .pendingActivation, .closed].rawValues)
        #expect(features == [OrganizationFeatureSet.all, .consolidatedBilling].rawValues)
    }
}

extension Array where Element: RawRepresentable, Element.RawValue == String {
    fileprivate var rawValues: Set<String> { Set(map(\.rawValue)) }
}
