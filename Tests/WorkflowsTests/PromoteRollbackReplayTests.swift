import AWSConfig
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// A promotion whose endpoint update fails, replayed against CloudFormation's answers: the update goes through
/// the dev account's CDK deploy role with the cfn-exec role, CloudFormation rolls it back
/// (UPDATE_ROLLBACK_COMPLETE), and promote says which package still serves and records no new promotion.
@Suite struct PromoteRollbackReplayTests {
    static let cfn = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    static let account = "222222222222"
    static let group = "demo-p-xyz"
    static func arn(_ version: Int) -> String { "arn:aws:sagemaker:us-east-1:\(account):model-package/\(group)/\(version)" }
    static let stackName = "mlops-demo-endpoint-dev"
    static let stackId = "arn:aws:cloudformation:us-east-1:\(account):stack/\(stackName)/1"

    static func topology() throws -> Topology {
        try ReplayProfile.topology()
    }

    /// The endpoint stack serving `version`, in `status`.
    static func stack(_ status: String, serving version: Int) -> String {
        """
        <DescribeStacksResponse xmlns="\(cfn)"><DescribeStacksResult><Stacks><member>
        <StackName>\(stackName)</StackName><StackId>\(stackId)</StackId><StackStatus>\(status)</StackStatus>
        <CreationTime>2026-11-28T00:00:00Z</CreationTime><LastUpdatedTime>2026-11-29T00:00:00Z</LastUpdatedTime>
        <RoleARN>arn:aws:iam::\(account):role/cdk-hnb659fds-cfn-exec-role-\(account)-us-east-1</RoleARN>
        <Parameters><member><ParameterKey>ModelPackageArn</ParameterKey><ParameterValue>\(arn(version))</ParameterValue></member></Parameters>
        <Outputs><member><OutputKey>EndpointName</OutputKey><OutputValue>demo-p-xyz-dev</OutputValue></member></Outputs>
        <EnableTerminationProtection>false</EnableTerminationProtection>
        </member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>
        """
    }

    static func event(_ id: Int, _ logical: String, _ type: String, _ status: String, _ reason: String? = nil, token: String) -> String {
        """
        <member><StackId>\(stackId)</StackId><EventId>e\(id)</EventId><StackName>\(stackName)</StackName>
        <LogicalResourceId>\(logical)</LogicalResourceId><ResourceType>\(type)</ResourceType>
        <Timestamp>2026-11-29T10:00:\(String(format: "%02d", id))Z</Timestamp><ResourceStatus>\(status)</ResourceStatus>
        \(reason.map { "<ResourceStatusReason>\($0)</ResourceStatusReason>" } ?? "")<ClientRequestToken>\(token)</ClientRequestToken></member>
        """
    }

    /// State: before UpdateStack the stack serves v1 (UPDATE_COMPLETE); after it, the update has rolled back.
    final class Script: @unchecked Sendable {
        /// Whether the dev account has the CDK bootstrap's version parameter.
        let bootstrapped: Bool
        init(bootstrapped: Bool = true) { self.bootstrapped = bootstrapped }
        private let lock = NSLock()
        private var updateToken: String?
        var updated: String? { lock.withLock { updateToken } }
        func setUpdated(_ token: String) { lock.withLock { updateToken = token } }

        func answer(_ request: HTTPRequest) -> HTTPResponse {
            let operation = RecordingTransport.operationName(request)
            let body = String(decoding: request.body, as: UTF8.self)
            func ok(_ text: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: text) }
            func json(_ object: Any) -> HTTPResponse {
                ok(String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            switch operation {
            case "GetCallerIdentity":
                return ok("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::\(account):user/lead</Arn><UserId>AIDA</UserId><Account>\(account)</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "AssumeRole":
                return ok("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>ASIADEPLOY</AccessKeyId><SecretAccessKey>deploy-secret</SecretAccessKey><SessionToken>token</SessionToken>"
                    + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                    + "<Arn>arn:aws:sts::\(account):assumed-role/cdk-hnb659fds-deploy-role-\(account)-us-east-1/mlopsctl-tester</Arn>"
                    + "<AssumedRoleId>AROA:mlopsctl-tester</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>")
            case "GetParameter" where body.contains("/cdk-bootstrap/hnb659fds/version"):
                guard bootstrapped else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"ParameterNotFound","message":""}"#)
                }
                return ok(#"{"Parameter":{"Name":"/cdk-bootstrap/hnb659fds/version","Type":"String","Value":"32","Version":1}}"#)
            case "GetParameter" where body.contains("/mlops/projects/demo/model-package-group"):
                return ok(#"{"Parameter":{"Name":"/mlops/projects/demo/model-package-group","Type":"String","Value":"\#(group)","Version":1}}"#)
            case "ListModelPackages":
                return json(["ModelPackageSummaryList": [
                    ["ModelPackageArn": arn(2), "ModelPackageGroupName": group, "ModelPackageVersion": 2, "ModelPackageStatus": "Completed",
                     "ModelApprovalStatus": "Approved", "CreationTime": 1_795_900_002],
                ]])
            case "DescribeModelPackage":
                return json(["ModelPackageArn": arn(2), "ModelPackageGroupName": group, "ModelPackageVersion": 2, "ModelPackageStatus": "Completed",
                             "ModelApprovalStatus": "Approved", "CreationTime": 1_795_900_002])
            case "DescribeStacks":
                return ok(PromoteRollbackReplayTests.stack(updated == nil ? "UPDATE_COMPLETE" : "UPDATE_ROLLBACK_COMPLETE", serving: 1))
            case "GetTemplate":
                return ok("<GetTemplateResponse xmlns=\"\(cfn)\"><GetTemplateResult><TemplateBody>{\"Resources\":{}}</TemplateBody>"
                    + "</GetTemplateResult></GetTemplateResponse>")
            case "UpdateStack":
                let token = body.components(separatedBy: "ClientRequestToken=").last?.components(separatedBy: "&").first ?? ""
                setUpdated(token)
                return ok("<UpdateStackResponse xmlns=\"\(cfn)\"><UpdateStackResult><StackId>\(stackId)</StackId></UpdateStackResult></UpdateStackResponse>")
            case "DescribeStackEvents":
                let token = updated ?? ""
                let events = [
                    event(5, stackName, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", token: token),
                    event(4, "Endpoint", "AWS::SageMaker::Endpoint", "UPDATE_COMPLETE", token: token),
                    event(3, stackName, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Endpoint].", token: token),
                    event(2, "Endpoint", "AWS::SageMaker::Endpoint", "UPDATE_FAILED",
                          "Resource handler returned message: &quot;The primary container for production variant AllTraffic did not pass the ping health check.&quot;", token: token),
                    event(1, stackName, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated", token: token),
                ]
                return ok("<DescribeStackEventsResponse xmlns=\"\(cfn)\"><DescribeStackEventsResult><StackEvents>\(events.joined())"
                    + "</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>")
            default:
                Issue.record("unexpected request \(operation): \(body)")
                return HTTPResponse(statusCode: 500, body: "")
            }
        }
    }

    /// The workflow promoting to dev over `script`, with a fresh in-memory ledger.
    static func workflow(_ script: Script, collector: RequestCollector = RequestCollector()) throws
        -> (PromoteWorkflow, ScriptedTransport, LedgerDatabase)
    {
        let environment = EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = ScriptedTransport { request, _ in script.answer(request) }
        let sessions = StageSessions(
            config: config, environment: environment, transport: transport, logger: Logger(label: "test"), observer: collector)
        let ledger = try LedgerDatabase.inMemory()
        let deployApp = SeedCodeApp.deploy(in: .directory(ConformanceData.packageRoot.appendingPathComponent("seed_code")))
        let workflow = PromoteWorkflow(
            topology: try topology(), sessions: sessions, options: PromoteOptions(project: "demo", target: .dev), deployApp: deployApp,
            openLedger: { ledger }, lockTimeout: .seconds(5), user: "tester", sleep: { _ in })
        return (workflow, transport, ledger)
    }

    @Test func anAccountWithoutTheBootstrapIsRefusedBeforeAnyChange() async throws {
        let (workflow, transport, ledger) = try Self.workflow(Script(bootstrapped: false))
        let error = await #expect(throws: PromoteError.self) { try await workflow.run() }
        #expect(error?.description.contains("no SSM parameter /cdk-bootstrap/hnb659fds/version") == true, "\(String(describing: error))")
        #expect(error?.description.contains("mlopsctl bootstrap --stage dev") == true)
        let operations = transport.requests.map(RecordingTransport.operationName)
        #expect(!operations.contains("AssumeRole") && !operations.contains("UpdateStack"), "\(operations)")
        #expect(try await ledger.runs().isEmpty)
    }

    @Test func aFailedUpdateIsRolledBackAndThePreviousPackageKeepsServing() async throws {
        let collector = RequestCollector(verb: "promote")
        let (workflow, transport, ledger) = try Self.workflow(Script(), collector: collector)

        let failure = await #expect(throws: PromoteFailure.self) { try await workflow.run() }
        try ReplayPermissions.check(collector, scenario: "promote-rolled-back")
        let text = failure?.description ?? ""
        #expect(text.contains("the dev endpoint still serves \(Self.arn(1))"), "\(text)")
        #expect(text.contains("ping health check"), "the failed resource's reason is named: \(text)")

        // The update went through the deploy role, with the cfn-exec role and the new package.
        let requests = transport.requests.map { (RecordingTransport.operationName($0), String(decoding: $0.body, as: UTF8.self)) }
        let assume = try #require(requests.first { $0.0 == "AssumeRole" }?.1)
        #expect(assume.contains("cdk-hnb659fds-deploy-role-\(Self.account)-us-east-1") && assume.contains("mlopsctl-tester"), "\(assume)")
        let update = try #require(requests.first { $0.0 == "UpdateStack" }?.1)
        #expect(update.contains("&RoleARN=arn%3Aaws%3Aiam%3A%3A\(Self.account)%3Arole%2Fcdk-hnb659fds-cfn-exec-role-\(Self.account)-us-east-1&"))
        #expect(update.contains("ParameterValue=arn%3Aaws%3Asagemaker%3Aus-east-1%3A\(Self.account)%3Amodel-package%2F\(Self.group)%2F2&"))
        let updateRequest = try #require(transport.requests.first { RecordingTransport.operationName($0) == "UpdateStack" })
        #expect(updateRequest.headers["Authorization"]?.contains("ASIADEPLOY") == true, "signed with the deploy role's keys")

        // No promotion was recorded, so status still says nothing new is live, and SageMaker was never asked to approve.
        #expect(try await PromotionStatus.read(ledger: ledger, project: "demo").isEmpty)
        #expect(!requests.contains { $0.0 == "UpdateModelPackage" })
    }
}
