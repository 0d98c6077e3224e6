import AWSConfig
import AWSWire
import Deployer
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// `publish-catalog` when the catalog stack (Service Catalog portfolio, product and constraint) cannot be made,
/// replayed with AWS's answers: Service Catalog refuses the product and the create rolls back (ROLLBACK_COMPLETE), the
/// wait runs out (still CREATE_IN_PROGRESS), and the operator may not call CreateStack (AccessDenied). Each ends with
/// one clear error naming the stack; the seed code uploads are recorded as present, and the stack row says failed, or
/// stays planned after a wait that ran out (a re-run picks the stack up where it is).
@Suite struct PublishCatalogFailureReplayTests {
    enum Scenario {
        case rolledBack, stillInProgress, createDenied
    }

    static let namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    static let catalog = "mlopsctl-hnb659fds-catalog"
    static let catalogId = "arn:aws:cloudformation:us-east-1:222222222222:stack/\(catalog)/5b9a2b20-ae0c-11f0-8f4e-0a1b2c3d4e5f"
    static let bucket = "cdk-hnb659fds-assets-222222222222-us-east-1"
    static let productReason = "Resource handler returned message: \"Access denied while accessing the template at https://\(bucket)"
        + ".s3.us-east-1.amazonaws.com/mlopsctl/project-template.json (Service: ServiceCatalog, Status Code: 400, Request ID: "
        + "3f1e2d4c-9b8a-4c1d-8e7f-0a1b2c3d4e5f)\" (RequestToken: 7c1b, HandlerErrorCode: InvalidRequest)"
    static let denial = "User: arn:aws:sts::222222222222:assumed-role/Admin/alice is not authorized to perform: cloudformation:CreateStack "
        + "on resource: arn:aws:cloudformation:us-east-1:222222222222:stack/\(catalog)/* because no identity-based policy allows the "
        + "cloudformation:CreateStack action"

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func response(_ action: String, _ result: String) -> HTTPResponse {
        HTTPResponse(statusCode: 200, body: "<\(action)Response xmlns=\"\(namespace)\"><\(action)Result>\(result)</\(action)Result>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></\(action)Response>")
    }

    static func stack(_ name: String, id: String, status: String, reason: String? = nil, outputs: [String: String] = [:]) -> HTTPResponse {
        let outputXML = outputs.map { "<member><OutputKey>\($0.key)</OutputKey><OutputValue>\($0.value)</OutputValue></member>" }.joined()
        return response("DescribeStacks", "<Stacks><member><StackId>\(id)</StackId><StackName>\(name)</StackName>"
            + "<CreationTime>2026-11-29T00:00:00Z</CreationTime><StackStatus>\(status)</StackStatus>"
            + (reason.map { "<StackStatusReason>\(escape($0))</StackStatusReason>" } ?? "")
            + "<Outputs>\(outputXML)</Outputs><EnableTerminationProtection>false</EnableTerminationProtection></member></Stacks>")
    }

    static func event(_ id: String, _ logical: String, _ type: String, _ status: String, _ reason: String? = nil, second: Int, token: String) -> String {
        "<member><StackId>\(catalogId)</StackId><EventId>\(id)</EventId><StackName>\(catalog)</StackName><LogicalResourceId>\(logical)</LogicalResourceId>"
            + "<PhysicalResourceId>\(type == "AWS::CloudFormation::Stack" ? catalogId : "")</PhysicalResourceId><ResourceType>\(type)</ResourceType>"
            + "<Timestamp>2026-11-29T00:00:0\(second)Z</Timestamp><ResourceStatus>\(status)</ResourceStatus>"
            + (reason.map { "<ResourceStatusReason>\(escape($0))</ResourceStatusReason>" } ?? "") + "<ClientRequestToken>\(token)</ClientRequestToken></member>"
    }

    static func transport(_ scenario: Scenario) -> ScriptedTransport {
        let created = LockedBox<String?>(nil)  // the CreateStack token, once the stack exists
        return ScriptedTransport { request, _ in
            let operation = RecordingTransport.operationName(request)
            let body = String(decoding: request.body, as: UTF8.self)
            switch operation {
            case "GetCallerIdentity":
                return HTTPResponse(statusCode: 200, body:
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:sts::222222222222:assumed-role/Admin/alice</Arn><UserId>AROA:alice</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "GetParameter":
                return HTTPResponse(statusCode: 200, body:
                    #"{"Parameter":{"Name":"/mlops/role/lead","Type":"String","Value":"arn:aws:iam::222222222222:role/lead","Version":1}}"#)
            case "DescribeStacks" where body.contains("StackName=CDKToolkit"):
                return stack("CDKToolkit", id: "arn:aws:cloudformation:us-east-1:222222222222:stack/CDKToolkit/1", status: "CREATE_COMPLETE",
                             outputs: ["BucketName": bucket, "BootstrapVersion": "32"])
            case "DescribeStacks":
                guard created.value != nil else {
                    return HTTPResponse(statusCode: 400, body: "<ErrorResponse xmlns=\"\(namespace)\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                        + "<Message>Stack with id \(catalog) does not exist</Message></Error><RequestId>r-2</RequestId></ErrorResponse>")
                }
                return scenario == .rolledBack
                    ? stack(catalog, id: catalogId, status: "ROLLBACK_COMPLETE", reason: "The following resource(s) failed to create: [Product]. Rollback requested by user.")
                    : stack(catalog, id: catalogId, status: "CREATE_IN_PROGRESS", reason: "User Initiated")
            case "CreateStack" where scenario == .createDenied:
                return HTTPResponse(statusCode: 403, body: "<ErrorResponse xmlns=\"\(namespace)\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                    + "<Message>\(escape(denial))</Message></Error><RequestId>r-3</RequestId></ErrorResponse>")
            case "CreateStack":
                let token = body.components(separatedBy: "ClientRequestToken=").last?.components(separatedBy: "&").first ?? "?"
                created.withLock { $0 = token }
                return response("CreateStack", "<StackId>\(catalogId)</StackId>")
            case "DescribeStackEvents":
                let token = created.value ?? "?"
                var events = [event("e1", catalog, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", second: 1, token: token)]
                if scenario == .rolledBack {
                    events = [
                        event("e5", catalog, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", second: 6, token: token),
                        event("e4", catalog, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS",
                              "The following resource(s) failed to create: [Product]. Rollback requested by user.", second: 4, token: token),
                        event("e3", "Product", "AWS::ServiceCatalog::CloudFormationProduct", "CREATE_FAILED", productReason, second: 3, token: token),
                        event("e2", "Product", "AWS::ServiceCatalog::CloudFormationProduct", "CREATE_IN_PROGRESS", second: 2, token: token),
                    ] + events
                }
                return response("DescribeStackEvents", "<StackEvents>\(events.joined())</StackEvents>")
            case "ListStackResources":
                return response("ListStackResources", "<StackResourceSummaries></StackResourceSummaries>")
            case let rest where rest.hasPrefix("HEAD "):
                return HTTPResponse(statusCode: 404, body: "")
            case let rest where rest.hasPrefix("PUT "):
                return HTTPResponse(statusCode: 200, headers: ["ETag": "\"0a1b2c3d\""], body: "")
            default:
                Issue.record("unexpected request \(operation)")
                return HTTPResponse(statusCode: 500, body: "")
            }
        }
    }

    static func publish(_ scenario: Scenario) async throws -> (error: String, rows: [TrackedResource], operations: [String]) {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let transport = transport(scenario)
        let sessions = StageSessions(config: try ReplayProfile.config(), environment: environment, transport: transport, logger: Logger(label: "test"))
        let ledger = try LedgerDatabase.inMemory()
        let clock = FakeClock()
        let workflow = PublishCatalogWorkflow(
            topology: try ReplayProfile.topology(), sessions: sessions, seedCode: .embedded, openLedger: { ledger },
            timing: StackWaitTiming(policy: WaitPolicy(timeout: .seconds(600)), clock: clock.clock, sleep: clock.sleeper))
        var message = ""
        do {
            _ = try await workflow.run()
            Issue.record("\(scenario): publish-catalog succeeded")
        } catch {
            message = String(describing: error)
        }
        return (message, try await ledger.resources(filter: ResourceFilter()), transport.requests.map(RecordingTransport.operationName))
    }

    static func stackRow(_ rows: [TrackedResource]) -> TrackedResource? { rows.first { $0.kind == .stack && $0.physicalId == catalog } }

    /// The three seed objects were uploaded before the stack: recorded as present, for teardown.
    static func expectUploadsRecorded(_ rows: [TrackedResource], _ operations: [String]) {
        #expect(operations.filter { $0.hasPrefix("PUT ") }.count == 3, "\(operations)")
        #expect(rows.filter { $0.kind == .objectPrefix && $0.status == .present }.count == 3, "\(rows.map { "\($0.kind) \($0.status)" })")
    }

    @Test func aProductServiceCatalogRefusesFailsWithItsReasonAndTheStackRowFailed() async throws {
        let (error, rows, operations) = try await Self.publish(.rolledBack)
        #expect(error == "stack '\(Self.catalog)' failed to create: ROLLBACK_COMPLETE; first failure: Product "
            + "(AWS::ServiceCatalog::CloudFormationProduct) CREATE_FAILED: \(Self.productReason); fix the cause and deploy again (the "
            + "rolled-back stack is deleted and re-created)", "\(error)")
        let row = try #require(Self.stackRow(rows), "\(rows)")
        #expect(row.status == .failed && row.detail?.contains("ROLLBACK_COMPLETE") == true, "\(row)")
        Self.expectUploadsRecorded(rows, operations)
    }

    /// Not a failure: CloudFormation may still finish. The row stays planned; a re-run finds the stack and waits for it.
    @Test func aWaitThatRunsOutLeavesTheStackPlanned() async throws {
        let (error, rows, operations) = try await Self.publish(.stillInProgress)
        #expect(error.hasPrefix("stack '\(Self.catalog)' is still CREATE_IN_PROGRESS after 10 min waiting for the create;"), "\(error)")
        let row = try #require(Self.stackRow(rows), "\(rows)")
        #expect(row.status == .planned, "\(row)")
        Self.expectUploadsRecorded(rows, operations)
    }

    @Test func createStackDeniedNamesTheActionAndTheStackRowFailed() async throws {
        let (error, rows, operations) = try await Self.publish(.createDenied)
        #expect(error == "stack '\(Self.catalog)': CreateStack failed: CloudFormation CreateStack: AccessDenied (HTTP 403): \(Self.denial) [request id r-3]",
                "\(error)")
        let row = try #require(Self.stackRow(rows), "\(rows)")
        #expect(row.status == .failed && row.detail?.contains("AccessDenied") == true, "\(row)")
        #expect(operations.filter { $0 == "CreateStack" }.count == 1)
        #expect(!operations.contains("DescribeStackEvents"), "nothing to watch after a refused create")
        Self.expectUploadsRecorded(rows, operations)
    }
}
