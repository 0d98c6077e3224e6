import AWSConfig
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// What `launch-project` checks before it creates anything: a catalog stack that exists but whose create failed
/// (ROLLBACK_COMPLETE) is not a published catalog; and a second launch of a name the ledger holds resumes that project.
@Suite struct LaunchProjectPreconditionTests {
    static func catalogTransport(status: String) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            switch RecordingTransport.operationName(request) {
            case "GetCallerIdentity":
                return HTTPResponse(statusCode: 200, body:
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeStacks":
                return HTTPResponse(statusCode: 200, body: """
                    <DescribeStacksResponse xmlns="\(LaunchThroughSageMakerTests.cfnNamespace)"><DescribeStacksResult><Stacks><member>
                    <StackName>mlopsctl-hnb659fds-catalog</StackName>
                    <StackId>arn:aws:cloudformation:us-east-1:222222222222:stack/mlopsctl-hnb659fds-catalog/1</StackId>
                    <StackStatus>\(status)</StackStatus><StackStatusReason>The following resource(s) failed to create: [Portfolio].</StackStatusReason>
                    <CreationTime>2026-11-29T00:00:00Z</CreationTime><EnableTerminationProtection>false</EnableTerminationProtection>
                    </member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>
                    """)
            default:
                return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"unexpected"}"#)
            }
        }
    }

    @Test(arguments: ["ROLLBACK_COMPLETE", "CREATE_IN_PROGRESS", "DELETE_FAILED"])
    func aCatalogStackThatIsNotUsableIsNotPublished(status: String) async throws {
        let transport = Self.catalogTransport(status: status)
        let sessions = StageSessions(
            config: try ReplayProfile.config(), environment: EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"]), transport: transport,
            logger: Logger(label: "test"))
        let ledger = try LedgerDatabase.inMemory()
        for via in [ProjectSettings.Via.cloudformation, .sagemaker] {
            let workflow = LaunchProjectWorkflow(
                topology: try ReplayProfile.topology(), sessions: sessions, identity: ProjectIdentity(name: "demo", id: nil), via: via,
                openLedger: { ledger }, sleep: { _ in })
            let error = await #expect(throws: CatalogInputError.self) { try await workflow.run() }
            let text = String(describing: try #require(error))
            #expect(text.contains("is \(status)") && text.contains("mlopsctl publish-catalog"), "\(text)")
        }
        #expect(transport.requests.allSatisfy { ["GetCallerIdentity", "DescribeStacks"].contains(RecordingTransport.operationName($0)) })
        #expect(try await ledger.resources().isEmpty)
    }

    /// The ledger's stack row for a name (killed: planned; failed; done: present) gives a re-run its id; an explicit
    /// different --id is refused, naming both ways out; a deleted project's id is free again.
    @Test func aLaunchResumesTheProjectTheLedgerHoldsForItsName() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await ledger.acquireLock(LockRequest(command: "launch-project", arguments: [], who: "t", host: "h", pid: 1))
        let intent = ResourceIntent(
            stage: "dev", account: "222222222222", region: "us-east-1", kind: .stack, physicalId: "mlops-project-demo-p-first1",
            logicalId: nil, stack: "mlops-project-demo-p-first1", parentId: nil, project: "demo", ownership: .created)
        let row = try await ledger.plan(intent, runId: lock.runId)
        for status in [Ledger.ResourceStatus.planned, .failed, .present] {
            _ = try await ledger.settle(row.id!, status: status)
            let rows = try await ledger.resources(filter: ResourceFilter(kind: .stack, project: "demo"))
            #expect(try ProjectIdentity(name: "demo", id: nil).resumed(from: rows).id == "p-first1", "\(status)")
            #expect(try ProjectIdentity(name: "demo", id: "p-first1").resumed(from: rows).id == "p-first1")
            let refused = #expect(throws: CatalogInputError.self) { try ProjectIdentity(name: "demo", id: "p-other").resumed(from: rows) }
            let text = String(describing: try #require(refused))
            #expect(text.contains("p-first1") && text.contains("launch-project --name demo") && text.contains("teardown --project demo"), "\(text)")
            // Another name is not this project.
            #expect(try ProjectIdentity(name: "demo2", id: nil).resumed(from: rows).id != "p-first1")
        }
        _ = try await ledger.settle(row.id!, status: .deleted)
        let rows = try await ledger.resources(filter: ResourceFilter(kind: .stack, project: "demo"))
        #expect(try ProjectIdentity(name: "demo", id: "p-other").resumed(from: rows).id == "p-other")
        try await lock.release(outcome: .succeeded)
    }

    /// A launch through SageMaker whose wait ran out (its row stays planned) is resumed by the next run: the project
    /// exists and the ledger says it is ours, so the run waits for it instead of calling CreateProject again or
    /// refusing with "already exists"; a project of that name the ledger does not hold is still refused.
    @Test func aSageMakerLaunchTheLedgerHoldsIsResumedNotRecreated() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let first = try await Self.sageMakerLaunch(LaunchThroughSageMakerFailureTests.transport(.stillInProgress), ledger: ledger, timeout: .zero)
        #expect(first.contains("still creating project demo"), "\(first)")

        let completed = Self.completedProjectTransport()
        let resumed = try await Self.sageMakerLaunch(completed, ledger: ledger, timeout: .seconds(60))
        #expect(resumed.isEmpty, "\(resumed)")
        let operations = completed.requests.map(RecordingTransport.operationName)
        #expect(!operations.contains("CreateProject"), "\(operations)")
        let rows = try await ledger.resources(filter: ResourceFilter(project: "demo"))
        #expect(rows.contains { $0.kind == .provisionedProduct && $0.status == .present && $0.physicalId == "sagemaker-project/demo" }, "\(rows)")

        let someoneElses = try await Self.sageMakerLaunch(Self.completedProjectTransport(), ledger: try LedgerDatabase.inMemory(), timeout: .seconds(60))
        #expect(someoneElses.contains("a SageMaker project named demo already exists"), "\(someoneElses)")
    }

    /// Runs a `via: sagemaker` launch of `demo`; returns its error's text ("" when it succeeded).
    static func sageMakerLaunch(_ transport: ScriptedTransport, ledger: LedgerDatabase, timeout: Duration) async throws -> String {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let sessions = StageSessions(config: try ReplayProfile.config(), environment: environment, transport: transport, logger: Logger(label: "test"))
        let workflow = LaunchProjectWorkflow(
            topology: try LaunchThroughSageMakerTests.topology(), sessions: sessions, identity: ProjectIdentity(name: "demo", id: nil),
            via: .sagemaker, openLedger: { ledger }, provisioningTimeout: timeout, sleep: { _ in })
        do {
            _ = try await workflow.run()
            return ""
        } catch {
            return String(describing: error)
        }
    }

    /// AWS's answers once SageMaker has created project demo (Service Catalog's stack SC-222222222222-pp-xyz).
    static func completedProjectTransport() -> ScriptedTransport {
        ScriptedTransport { request, _ in
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
                return ok(LaunchThroughSageMakerTests.stack("mlopsctl-hnb659fds-catalog", outputs: ["ProductId": "prod-abc123", "PortfolioId": "port-1"]))
            case "DescribeStacks":
                return ok(LaunchThroughSageMakerTests.stack("SC-222222222222-pp-xyz"))
            case "GetParameter":
                let name = body.components(separatedBy: "\"Name\":\"").last?.components(separatedBy: "\"").first ?? ""
                return ok(#"{"Parameter":{"Name":"\#(name)","Type":"String","Value":"v","Version":1}}"#)
            case "ListProvisioningArtifacts":
                return ok(#"{"ProvisioningArtifactDetails":[{"Id":"pa-new","Name":"2.0","Active":true}]}"#)
            case "DescribeProject":
                return ok(
                    #"{"ProjectArn":"arn:aws:sagemaker:us-east-1:222222222222:project/demo","ProjectName":"demo","ProjectId":"p-xyz","#
                        + #""ProjectStatus":"CreateCompleted","CreationTime":1795912568.2,"ServiceCatalogProvisionedProductDetails":{"ProvisionedProductId":"pp-xyz"}}"#)
            case "GetTemplate":
                // The resumed launch checks the project's stack for drift before it reports.
                return ok("<GetTemplateResponse xmlns=\"\(LaunchThroughSageMakerTests.cfnNamespace)\"><GetTemplateResult>"
                    + "<TemplateBody>{\"Resources\":{}}</TemplateBody></GetTemplateResult></GetTemplateResponse>")
            case "ListStackResources":
                return ok("<ListStackResourcesResponse xmlns=\"\(LaunchThroughSageMakerTests.cfnNamespace)\"><ListStackResourcesResult>"
                    + "<StackResourceSummaries></StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>")
            default:
                return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"unexpected \#(operation)"}"#)
            }
        }
    }
}
