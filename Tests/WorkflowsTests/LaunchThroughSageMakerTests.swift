import AWSConfig
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// `launch-project --via sagemaker` replayed against realistic AWS answers (the emulator has no SageMaker
/// projects and no Service Catalog provisioning): product version lookup, CreateProject, waiting for
/// provisioning, and the ledger rows of the provisioned stack.
@Suite struct LaunchThroughSageMakerTests {
    static let cfnNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"

    static func topology() throws -> Topology {
        try ReplayProfile.topology(extra: #"catalog: { productVersion: "2.0" }"#)
    }

    static func stack(_ name: String, outputs: [String: String] = [:]) -> String {
        let outputXML = outputs.map { "<member><OutputKey>\($0.key)</OutputKey><OutputValue>\($0.value)</OutputValue></member>" }.joined()
        return """
            <DescribeStacksResponse xmlns="\(cfnNamespace)"><DescribeStacksResult><Stacks><member>
            <StackName>\(name)</StackName><StackId>arn:aws:cloudformation:us-east-1:222222222222:stack/\(name)/1</StackId>
            <StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-11-29T00:00:00Z</CreationTime>
            <Outputs>\(outputXML)</Outputs><EnableTerminationProtection>false</EnableTerminationProtection>
            </member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>
            """
    }

    /// Answers by operation; DescribeProject says "in progress" once, then "completed".
    static func transport() -> ScriptedTransport {
        let describeCalls = LockedCounter()
        return ScriptedTransport { request, _ in
            let operation = RecordingTransport.operationName(request)
            let body = String(decoding: request.body, as: UTF8.self)
            func ok(_ text: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: text) }
            switch operation {
            case "GetCallerIdentity":
                return ok(
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeStacks" where body.contains("mlopsctl-hnb659fds-catalog"):
                return ok(stack("mlopsctl-hnb659fds-catalog", outputs: ["ProductId": "prod-abc123", "PortfolioId": "port-1"]))
            case "DescribeStacks":
                return ok(stack("SC-222222222222-pp-xyz"))
            case "GetParameter":
                let name = body.components(separatedBy: "\"Name\":\"").last?.components(separatedBy: "\"").first ?? ""
                return ok(#"{"Parameter":{"Name":"\#(name)","Type":"String","Value":"v-\#(name.split(separator: "/").last ?? "")","Version":1}}"#)
            case "ListProvisioningArtifacts":
                return ok(#"{"ProvisioningArtifactDetails":[{"Id":"pa-old","Name":"1.0","Active":true},{"Id":"pa-new","Name":"2.0","Active":true}]}"#)
            case "DescribeProject":
                let call = describeCalls.next()
                if call == 0 { return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"Project demo does not exist."}"#) }
                let status = call == 1 ? "CreateInProgress" : "CreateCompleted"
                return ok(
                    #"{"ProjectArn":"arn:aws:sagemaker:us-east-1:222222222222:project/demo","ProjectName":"demo","ProjectId":"p-xyz","#
                        + #""ProjectStatus":"\#(status)","CreationTime":1795912568.2,"ServiceCatalogProvisionedProductDetails":{"ProvisionedProductId":"pp-xyz"}}"#)
            case "CreateProject":
                #expect(body.contains("\"ProvisioningArtifactId\":\"pa-new\"") && body.contains("\"ProductId\":\"prod-abc123\""), "\(body)")
                return ok(#"{"ProjectArn":"arn:aws:sagemaker:us-east-1:222222222222:project/demo","ProjectId":"p-xyz"}"#)
            case "ListStackResources":
                return ok("""
                    <ListStackResourcesResponse xmlns="\(cfnNamespace)"><ListStackResourcesResult><StackResourceSummaries>
                    <member><LogicalResourceId>ArtifactBucket</LogicalResourceId><PhysicalResourceId>mlops-p-xyz-artifacts-222222222222-us-east-1</PhysicalResourceId>
                    <ResourceType>AWS::S3::Bucket</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus><LastUpdatedTimestamp>2026-11-29T00:00:00Z</LastUpdatedTimestamp></member>
                    </StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>
                    """)
            default:
                Issue.record("unexpected request \(operation)")
                return HTTPResponse(statusCode: 500, body: "")
            }
        }
    }

    @Test func createsTheProjectFromTheTopologysVersionAndRecordsItsStack() async throws {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = Self.transport()
        let collector = RequestCollector(verb: "launch-project")
        let sessions = StageSessions(
            config: config, environment: environment, transport: transport, logger: Logger(label: "test"), observer: collector)
        let ledger = try LedgerDatabase.inMemory()
        let workflow = LaunchProjectWorkflow(
            topology: try Self.topology(), sessions: sessions, identity: ProjectIdentity(name: "demo", id: "p-xyz"), via: .sagemaker,
            openLedger: { ledger }, sleep: { _ in })
        let result = try await workflow.run()
        #expect(result.id == "p-xyz" && result.stack == "SC-222222222222-pp-xyz")
        let rows = try await ledger.resources(filter: ResourceFilter(project: "demo"))
        #expect(rows.contains { $0.kind == .provisionedProduct && $0.status == .present })
        // Service Catalog made the stack for this launch: mlopsctl's to tear down, not adopted.
        #expect(rows.contains { $0.kind == .stack && $0.physicalId == "SC-222222222222-pp-xyz" && $0.ownership == .created })
        #expect(rows.contains { $0.kind == .provisionedProduct && $0.detail == "pp-xyz" })
        #expect(rows.contains { $0.kind == .bucket && $0.physicalId == "mlops-p-xyz-artifacts-222222222222-us-east-1" })
        #expect(transport.requests.filter { RecordingTransport.operationName($0) == "CreateProject" }.count == 1)
        #expect(collector.records.contains { $0.actions == ["sagemaker:CreateProject"] && $0.stage == "dev" })
        try ReplayPermissions.check(collector, scenario: "launch-project-sagemaker")
    }
}

/// A thread-safe counter for scripted answers that change over calls.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { value += 1 }
        return value
    }
}
