import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct CloudFormationClientTests {
    typealias R = CloudFormationResponses

    static func client(_ transport: ScriptedTransport) -> CloudFormationClient {
        CloudFormationClient(client: TestClients.client(.cloudFormation, region: "eu-west-1", transport: transport))
    }

    @Test func describeStackDecodesEveryMember() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStacksFull)])

        let stack = try #require(try await Self.client(transport).describeStack("mlops-bootstrap"))

        #expect(stack.stackName == "mlops-bootstrap")
        #expect(stack.stackId == R.stackId)  // pretty-printing whitespace trimmed
        #expect(stack.status == .updateRollbackComplete)
        #expect(stack.statusReason == "The following resource(s) failed to update: [Param].")
        #expect(stack.parameters == [
            .value("TrustedAccount", "111111111111"), .value("Secret", "****"),
            StackParameter(key: "AmiParam", value: "/aws/service/ami", resolvedValue: "ami-0abcdef"),
        ])
        #expect(stack.outputs == [
            StackOutput(key: "BucketName", value: "mlops-artifacts-222222222222", description: "Artifacts bucket", exportName: "mlops-bootstrap-BucketName"),
            StackOutput(key: "Empty", value: ""),
        ])
        #expect(stack.outputValues == ["BucketName": "mlops-artifacts-222222222222", "Empty": ""])
        #expect(stack.tags == [StackTag(key: "mlops:stage", value: "dev")])
        #expect(stack.terminationProtection)
        #expect(stack.creationTime == Date(timeIntervalSince1970: 1_795_908_600.123))
        #expect(stack.lastUpdatedTime == Date(timeIntervalSince1970: 1_795_910_462))
        #expect(stack.roleARN == "arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1")
        #expect(stack.capabilities == [.iam, .namedIAM])
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://cloudformation.eu-west-1.amazonaws.com/")
        #expect(TestClients.body(request) == "Action=DescribeStacks&Version=2010-05-15&StackName=mlops-bootstrap")
    }

    @Test func describeStackReadsMotosResponse() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStacksMoto)])

        let stack = try #require(try await Self.client(transport).describeStack("s1"))

        #expect(stack.status == .createComplete)
        #expect(stack.parameters == [.value("P", "q1")])
        #expect(stack.outputValues == ["QArn": "arn:aws:sqs:us-east-1:123456789012:q1"])
        #expect(stack.tagValues == ["k": "v"])
        #expect(stack.terminationProtection)
        #expect(stack.lastUpdatedTime == nil)
        #expect(stack.roleARN == nil)
        #expect(stack.capabilities == [])
        #expect(abs(stack.creationTime.timeIntervalSince1970 - 1_795_918_670.060071) < 0.000_01)
    }

    @Test func aMissingStackIsNil() async throws {
        let transport = ScriptedTransport([.status(400, body: R.error(code: "ValidationError", message: "Stack with id nope does not exist"))])

        let stack = try await Self.client(transport).describeStack("nope")

        #expect(stack == nil)
        #expect(transport.requests.count == 1)
    }

    @Test func otherValidationErrorsAreThrown() async throws {
        let transport = ScriptedTransport([.status(400, body: R.error(code: "ValidationError", message: "1 validation error detected"))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await Self.client(transport).describeStack("bad name") }

        #expect(error?.code == "ValidationError")
        #expect(error?.isStackDoesNotExist == false)
    }

    @Test func createStackSendsEveryMemberInModelOrder() async throws {
        let transport = ScriptedTransport([.status(200, body: R.createStack())])
        let request = CreateStackRequest(
            stackName: "mlops-bootstrap", template: .body(#"{"Resources":{}}"#),
            parameters: [.value("TrustedAccount", "111111111111"), .value("Stage", "dev")], capabilities: StackCapability.all,
            roleARN: "arn:aws:iam::222222222222:role/exec", tags: [StackTag(key: "mlops:stage", value: "dev")], clientRequestToken: "tok-1",
            enableTerminationProtection: true)

        let stackId = try await Self.client(transport).createStack(request)

        #expect(stackId == R.stackId)
        let pairs = TestClients.body(transport.requests.first).split(separator: "&").map { $0.split(separator: "=", maxSplits: 1)[0] }
        #expect(pairs.map(String.init) == [
            "Action", "Version", "StackName", "TemplateBody", "Parameters.member.1.ParameterKey", "Parameters.member.1.ParameterValue",
            "Parameters.member.2.ParameterKey", "Parameters.member.2.ParameterValue", "Capabilities.member.1", "Capabilities.member.2",
            "Capabilities.member.3", "RoleARN", "Tags.member.1.Key", "Tags.member.1.Value", "ClientRequestToken", "EnableTerminationProtection",
        ])
        let form = TestClients.form(transport.requests.first)
        #expect(form["TemplateBody"] == #"{"Resources":{}}"#)
        #expect(form["Capabilities.member.3"] == "CAPABILITY_AUTO_EXPAND")
        #expect(form["EnableTerminationProtection"] == "true")
    }

    @Test func updateStackSendsUsePreviousValueAndCanClearTags() async throws {
        let transport = ScriptedTransport([.status(200, body: R.updateStack())])
        let request = UpdateStackRequest(
            stackName: R.stackId, template: .url("https://b.s3.eu-west-1.amazonaws.com/t.json"),
            parameters: [.usePrevious("Secret"), .value("Stage", "prod")], tags: [])

        _ = try await Self.client(transport).updateStack(request)

        let form = TestClients.form(transport.requests.first)
        #expect(form["TemplateURL"] == "https://b.s3.eu-west-1.amazonaws.com/t.json")
        #expect(form["TemplateBody"] == nil)
        #expect(form["Parameters.member.1.ParameterKey"] == "Secret")
        #expect(form["Parameters.member.1.UsePreviousValue"] == "true")
        #expect(form["Parameters.member.1.ParameterValue"] == nil)
        #expect(form["Parameters.member.2.ParameterValue"] == "prod")
        #expect(form["Tags"] == "")  // an empty list clears the stack's tags
        #expect(form["Capabilities.member.1"] == nil)
    }

    @Test func noUpdatesIsRecognisable() async throws {
        let transport = ScriptedTransport([.status(400, body: R.error(code: "ValidationError", message: "No updates are to be performed."))])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await Self.client(transport).updateStack(UpdateStackRequest(stackName: "s", template: .body("{}")))
        }

        #expect(error?.isNoUpdatesToPerform == true)
        #expect(error?.isStackDoesNotExist == false)
    }

    @Test func describeStackEventsReadsAPageAndItsToken() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStackEventsMoto)])

        let page = try await Self.client(transport).describeStackEvents(stackName: "s1", nextToken: "page-1")

        #expect(page.nextToken == "page-2")
        #expect(page.events.map(\.resourceStatus) == [ResourceStatus("CREATE_COMPLETE"), ResourceStatus("CREATE_IN_PROGRESS")])
        #expect(page.events.map(\.eventId) == ["b89a290a-9da2-404a-8250-a6cb1d802706", "43b1d3d9-39d6-4c46-af5f-5696424d4d68"])
        #expect(page.events.allSatisfy { $0.isStackEvent })
        #expect(page.events[1].resourceStatusReason == "User Initiated")
        #expect(page.events[0].clientRequestToken == nil)
        #expect(TestClients.form(transport.requests.first)["NextToken"] == "page-1")
    }

    @Test func aResourceEventKeepsItsReasonAndToken() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeStackEventsAWS)])

        let event = try #require(try await Self.client(transport).describeStackEvents(stackName: R.stackId).events.first)

        #expect(event.logicalResourceId == "ArtifactsBucket")
        #expect(event.resourceType == "AWS::S3::Bucket")
        #expect(event.physicalResourceId == nil)
        #expect(event.resourceStatus?.isFailed == true)
        #expect(event.resourceStatusReason?.hasPrefix(#"Resource handler returned message: "mlops-artifacts-222222222222 already exists""#) == true)
        #expect(event.clientRequestToken == "mlopsctl-create-1")
        #expect(event.timestamp == Date(timeIntervalSince1970: 1_795_910_407.512))
        #expect(!event.isStackEvent)
    }

    @Test func listStackResourcesKeepsGhostRowsAndFollowsPages() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listStackResources(nextToken: "t2")), .status(200, body: R.listStackResources(nextToken: nil)),
        ])

        let all = try await Self.client(transport).listAllStackResources(stackName: "s1")

        #expect(all.count == 6)
        #expect(all.filter { !$0.isGhost }.map(\.logicalResourceId) == ["Q", "Q"])
        #expect(all[0].lastUpdatedTimestamp == Date(timeIntervalSince1970: 1_795_918_670.061))
        #expect(all[1] == StackResourceSummary(logicalResourceId: nil, resourceStatus: ResourceStatus("CREATE_COMPLETE")))
        #expect(all[2] == StackResourceSummary(logicalResourceId: nil))
        #expect(transport.requests.count == 2)
        #expect(TestClients.form(transport.requests[1])["NextToken"] == "t2")
    }

    @Test func getTemplateReturnsTheBodyByteForByte() async throws {
        let body = #"{"Description": "a < b & \"c\"",  "Resources": {}}"# + "\n\n  "
        let escaped = body.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let transport = ScriptedTransport([
            .status(200, body: R.getTemplate(escapedBody: escaped)), .status(200, body: R.getTemplate(escapedBody: R.templateBody)),
        ])
        let client = Self.client(transport)

        #expect(try await client.getTemplate(stackName: "s1") == body)
        #expect(try await client.getTemplate(stackName: "s1") == R.templateBody)
        #expect(TestClients.form(transport.requests.first)["TemplateStage"] == "Original")
    }

    @Test func validateTemplateDecodesParametersAndCapabilities() async throws {
        let transport = ScriptedTransport([.status(200, body: R.validateTemplate)])

        let validation = try await Self.client(transport).validateTemplate(.body("{}"))

        #expect(validation.parameters == [
            .init(key: "TrustedAccount", defaultValue: "111111111111", noEcho: false, description: "Account allowed to deploy"),
            .init(key: "Secret", defaultValue: nil, noEcho: true),
        ])
        #expect(validation.description == "mlopsctl bootstrap")
        #expect(validation.capabilities == [.namedIAM])
        #expect(validation.capabilitiesReason?.contains("AWS::IAM::Role") == true)
        #expect(validation.declaredTransforms == [])
    }

    @Test func updateTerminationProtectionReturnsTheStackId() async throws {
        let transport = ScriptedTransport([.status(200, body: R.updateTerminationProtection())])

        let id = try await Self.client(transport).updateTerminationProtection(stackName: "mlops-bootstrap", enabled: false)

        #expect(id == R.stackId)
        #expect(TestClients.form(transport.requests.first)["EnableTerminationProtection"] == "false")
    }

    @Test func deleteStackSendsTheRoleAndToken() async throws {
        let transport = ScriptedTransport([.status(200, body: R.deleteStack)])

        try await Self.client(transport).deleteStack(DeleteStackRequest(stackName: R.stackId, roleARN: "arn:aws:iam::1:role/x", clientRequestToken: "t"))

        #expect(TestClients.form(transport.requests.first) == [
            "Action": "DeleteStack", "Version": "2010-05-15", "StackName": R.stackId, "RoleARN": "arn:aws:iam::1:role/x", "ClientRequestToken": "t",
        ])
    }

    @Test func aMalformedBooleanIsReportedWithoutItsValue() async throws {
        let body = R.describeStacksMoto.replacingOccurrences(
            of: "<EnableTerminationProtection>true</EnableTerminationProtection>", with: "<EnableTerminationProtection>yes</EnableTerminationProtection>")
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await Self.client(transport).describeStack("s1") }

        #expect(error?.kind == .undecodableResponse(reason: "<EnableTerminationProtection> is not true or false"))
    }

    @Test(arguments: [
        ("CREATE_IN_PROGRESS", true, false), ("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", true, false), ("REVIEW_IN_PROGRESS", false, false),
        ("ROLLBACK_COMPLETE", false, true), ("UPDATE_ROLLBACK_COMPLETE", false, true), ("IMPORT_ROLLBACK_FAILED", false, true),
        ("CREATE_COMPLETE", false, false), ("UPDATE_COMPLETE", false, false), ("DELETE_FAILED", false, true),
    ])
    func statusClassification(_ raw: String, _ inProgress: Bool, _ failure: Bool) {
        #expect(StackStatus(raw).isInProgress == inProgress)
        #expect(StackStatus(raw).isFailure == failure)
    }

    /// One rule for "this stack is there to be used": a failed create (ROLLBACK_COMPLETE) is not, an update that rolled
    /// back to its working state is.
    @Test(arguments: [
        ("CREATE_COMPLETE", true), ("UPDATE_COMPLETE", true), ("UPDATE_ROLLBACK_COMPLETE", true), ("IMPORT_COMPLETE", true),
        ("IMPORT_ROLLBACK_COMPLETE", true), ("ROLLBACK_COMPLETE", false), ("ROLLBACK_FAILED", false), ("CREATE_IN_PROGRESS", false),
        ("CREATE_FAILED", false), ("UPDATE_IN_PROGRESS", false), ("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", false),
        ("UPDATE_ROLLBACK_FAILED", false), ("DELETE_COMPLETE", false), ("DELETE_FAILED", false), ("REVIEW_IN_PROGRESS", false),
        ("SOME_FUTURE_COMPLETE", false),
    ])
    func usableStatuses(_ raw: String, _ usable: Bool) {
        #expect(StackStatus(raw).isUsable == usable, "\(raw)")
    }
}

@Suite struct CloudFormationChangeSetClientTests {
    typealias R = CloudFormationResponses

    @Test func describeChangeSetDecodesEveryChangeAndItsDetails() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeChangeSetAWS)])

        let described = try await CloudFormationClientTests.client(transport).describeChangeSet(R.changeSetId)

        #expect(described.changeSetId == R.changeSetId && described.changeSetName == "mlopsctl-7f3e")
        #expect(described.stackId == R.stackId && described.stackName == "mlops-bootstrap")
        #expect(described.status == .createComplete && described.executionStatus == .available && described.statusReason == nil)
        #expect(described.nextToken == "AAAAAIRYb3jmk7oc")  // pretty-printing whitespace trimmed
        #expect(described.changes == [
            ResourceChange(
                action: "Modify", logicalResourceId: "StagingBucket", physicalResourceId: "cdk-hnb659fds-assets-222222222222-eu-west-1",
                resourceType: "AWS::S3::Bucket", replacement: "True", scope: ["Properties"],
                details: [
                    ResourceChangeDetail(
                        attribute: "Properties", name: "BucketName", requiresRecreation: "Always", evaluation: "Static",
                        changeSource: "ParameterReference", causingEntity: "FileAssetsBucketName")
                ]),
            ResourceChange(
                action: "Modify", logicalResourceId: "CdkBootstrapVersion", physicalResourceId: "/cdk-bootstrap/hnb659fds/version",
                resourceType: "AWS::SSM::Parameter", replacement: "False", scope: ["Properties"],
                details: [
                    ResourceChangeDetail(
                        attribute: "Properties", name: "Value", requiresRecreation: "Never", evaluation: "Static", changeSource: "DirectModification")
                ]),
        ])
        #expect(TestClients.body(transport.requests.first) == "Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=\(R.changeSetId.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!)")
    }

    @Test func motosChangeSetHasActionsOnly() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeChangeSetMoto)])

        let described = try await CloudFormationClientTests.client(transport).describeChangeSet(R.changeSetId)

        #expect(described.changes == [ResourceChange(action: "Modify", logicalResourceId: "StagingBucket", resourceType: "AWS::S3::Bucket")])
        #expect(described.statusReason == nil && described.nextToken == nil)
    }

    @Test func aFailedChangeSetWithoutChangesIsRecognised() {
        let aws = ChangeSetDescription(
            changeSetId: "a", changeSetName: "n", stackId: "s", stackName: "n", status: .failed,
            statusReason: "The submitted information didn't contain changes. Submit different information to create a change set.")
        var other = aws
        other.statusReason = "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template"

        #expect(aws.failedForNoChanges)
        #expect(!other.failedForNoChanges)
    }

    @Test func createChangeSetReturnsItsIdAndStack() async throws {
        let transport = ScriptedTransport([.status(200, body: R.createChangeSet)])

        let created = try await CloudFormationClientTests.client(transport).createChangeSet(
            CreateChangeSetRequest(stackName: R.stackId, changeSetName: "mlopsctl-7f3e", template: .body("{}"), tags: []))

        #expect(created == CreatedChangeSet(id: R.changeSetId, stackId: R.stackId))
        let form = TestClients.form(transport.requests.first)
        #expect(form["ChangeSetType"] == "UPDATE" && form["Tags"] == "" && form["ClientToken"] == nil)
    }
}
