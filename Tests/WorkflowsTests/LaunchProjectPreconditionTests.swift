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
}
