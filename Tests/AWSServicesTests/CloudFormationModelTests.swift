import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Every CloudFormation operation the client implements, called with every optional member it
/// supports; the request on the wire is checked against botocore's "cloudformation" model.
@Suite struct CloudFormationModelTests {
    typealias R = CloudFormationResponses

    enum Operation: String, CaseIterable, Sendable {
        case createStack, createStackFromURL, updateStack, deleteStack, describeStacks, describeStackEvents, getTemplate
        case listStackResources, updateTerminationProtection, validateTemplate
        case createChangeSet, describeChangeSet, executeChangeSet, deleteChangeSet

        var modelName: String {
            switch self {
            case .createStackFromURL: "CreateStack"
            default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
            }
        }

        var reply: ScriptedTransport.Reply {
            switch self {
            case .createStack, .createStackFromURL: .status(200, body: R.createStack())
            case .updateStack: .status(200, body: R.updateStack())
            case .deleteStack: .status(200, body: R.deleteStack)
            case .describeStacks: .status(200, body: R.describeStacksFull)
            case .describeStackEvents: .status(200, body: R.describeStackEventsAWS)
            case .getTemplate: .status(200, body: R.getTemplate(escapedBody: R.templateBody))
            case .listStackResources: .status(200, body: R.listStackResources(nextToken: nil))
            case .updateTerminationProtection: .status(200, body: R.updateTerminationProtection())
            case .validateTemplate: .status(200, body: R.validateTemplate)
            case .createChangeSet: .status(200, body: R.createChangeSet)
            case .describeChangeSet: .status(200, body: R.describeChangeSetAWS)
            case .executeChangeSet: .status(200, body: R.executeChangeSet)
            case .deleteChangeSet: .status(200, body: R.deleteChangeSet)
            }
        }

        func call(_ client: CloudFormationClient) async throws {
            let tags = [StackTag(key: "mlops:stage", value: "dev")]
            switch self {
            case .createStack:
                _ = try await client.createStack(
                    CreateStackRequest(
                        stackName: "mlops-bootstrap", template: .body(R.templateBody), parameters: [.value("P", "v")],
                        capabilities: StackCapability.all, roleARN: "arn:aws:iam::222222222222:role/exec", tags: tags,
                        clientRequestToken: "mlopsctl-create-1", enableTerminationProtection: true))
            case .createStackFromURL:
                _ = try await client.createStack(
                    CreateStackRequest(stackName: "mlops-bootstrap", template: .url("https://b.s3.amazonaws.com/t.json")))
            case .updateStack:
                _ = try await client.updateStack(
                    UpdateStackRequest(
                        stackName: R.stackId, template: .body(R.templateBody), parameters: [.usePrevious("Secret"), .value("P", "v")],
                        capabilities: StackCapability.all, roleARN: "arn:aws:iam::222222222222:role/exec", tags: [],
                        clientRequestToken: "mlopsctl-update-1"))
            case .deleteStack:
                try await client.deleteStack(DeleteStackRequest(stackName: R.stackId, roleARN: "arn:aws:iam::1:role/x", clientRequestToken: "t"))
            case .describeStacks: _ = try await client.describeStack("mlops-bootstrap")
            case .describeStackEvents: _ = try await client.describeStackEvents(stackName: R.stackId, nextToken: "t2")
            case .getTemplate: _ = try await client.getTemplate(stackName: R.stackId, stage: .original)
            case .listStackResources: _ = try await client.listStackResources(stackName: "s1", nextToken: "t2")
            case .updateTerminationProtection: _ = try await client.updateTerminationProtection(stackName: "s1", enabled: true)
            case .validateTemplate: _ = try await client.validateTemplate(.body(R.templateBody))
            case .createChangeSet:
                _ = try await client.createChangeSet(
                    CreateChangeSetRequest(
                        stackName: R.stackId, changeSetName: "mlopsctl-7f3e", template: .body(R.templateBody), parameters: [.value("P", "v")],
                        capabilities: StackCapability.all, roleARN: "arn:aws:iam::222222222222:role/exec", tags: tags,
                        clientToken: "mlopsctl-changeset-7f3e", description: "mlopsctl: reviewed", changeSetType: .update))
            case .describeChangeSet: _ = try await client.describeChangeSet(R.changeSetId, nextToken: "t2")
            case .executeChangeSet: try await client.executeChangeSet(R.changeSetId, clientRequestToken: "mlopsctl-update-1")
            case .deleteChangeSet: try await client.deleteChangeSet(R.changeSetId)
            }
        }
    }

    @Test func everyOperationIsCovered() {
        // 13 operations (CreateStack twice: body and URL).
        #expect(Operation.allCases.count == 14)
        #expect(Set(Operation.allCases.map(\.modelName)).count == 13)
    }

    @Test(arguments: Operation.allCases)
    func requestMatchesTheBotocoreModel(_ operation: Operation) async throws {
        guard let checker = BotocoreCheck.checker("cloudformation") else { return }
        #expect(checker.model.operation(operation.modelName) != nil, "botocore has no \(operation.modelName)")
        let transport = ScriptedTransport([operation.reply])

        try await operation.call(CloudFormationClientTests.client(transport))

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(BotocoreCheck.problems(checker, operation.modelName, request) == [])
        #expect(checker.model.metadata["xmlNamespace"] as? String == "http://cloudformation.amazonaws.com/doc/2010-05-15/")
    }

    @Test func aMisspeltParameterMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("cloudformation") else { return }
        let client = TestClients.client(.cloudFormation, transport: ScriptedTransport([]))
        var parameters = QueryParameters()
        parameters.set("StackName", "s")
        parameters.set("Parameters.member.1.ParameterName", "P")

        let problems = BotocoreCheck.problems(checker, "CreateStack", try client.queryRequest(action: "CreateStack", parameters: parameters))

        #expect(problems.contains { $0.contains("'ParameterName' is not a member") })
    }
}
