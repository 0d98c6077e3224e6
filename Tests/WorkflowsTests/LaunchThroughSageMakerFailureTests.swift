import AWSConfig
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// `launch-project` on its default path (`via: sagemaker`: CreateProject, then Service Catalog provisions the product)
/// when it goes wrong, replayed with AWS's answers: the provisioning fails (CreateFailed with Service Catalog's
/// message), the wait runs out (the project is still CreateInProgress), and the lead is denied (Service Catalog's
/// ListProvisioningArtifacts, SageMaker's CreateProject). Each gives one clear error and leaves a ledger that says
/// what is true: failed, still planned (a re-run resumes), or nothing at all.
@Suite struct LaunchThroughSageMakerFailureTests {
    enum Scenario {
        case provisioningFailed, stillInProgress, createDenied, listDenied
    }

    static let provisioningMessage = "Failed to provision product: SC-222222222222-pp-xyz: ROLLBACK_COMPLETE: The following resource(s) failed to "
        + "create: [ModelBuildPipeline]. Resource handler returned message: \"User: arn:aws:sts::222222222222:assumed-role/"
        + "AmazonSageMakerServiceCatalogProductsLaunchRole/SC-x is not authorized to perform: codepipeline:CreatePipeline\""

    static func transport(_ scenario: Scenario) -> ScriptedTransport {
        let describeCalls = LockedCounter()
        @Sendable func ok(_ text: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: text) }
        @Sendable func denied(_ action: String, _ resource: String) -> HTTPResponse {
            HTTPResponse(
                statusCode: 400, headers: ["x-amzn-ErrorType": "AccessDeniedException"],
                body: #"{"__type":"AccessDeniedException","Message":"User: arn:aws:sts::222222222222:assumed-role/lead/alice is not authorized to perform: \#(action) on resource: \#(resource) because no identity-based policy allows the \#(action) action"}"#)
        }
        return ScriptedTransport { request, _ in
            let operation = RecordingTransport.operationName(request)
            let body = String(decoding: request.body, as: UTF8.self)
            switch operation {
            case "GetCallerIdentity":
                return ok(
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:sts::222222222222:assumed-role/lead/alice</Arn><UserId>AROA:alice</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeStacks" where body.contains("mlopsctl-hnb659fds-catalog"):
                return ok(LaunchThroughSageMakerTests.stack("mlopsctl-hnb659fds-catalog", outputs: ["ProductId": "prod-abc123", "PortfolioId": "port-1"]))
            case "GetParameter":
                let name = body.components(separatedBy: "\"Name\":\"").last?.components(separatedBy: "\"").first ?? ""
                return ok(#"{"Parameter":{"Name":"\#(name)","Type":"String","Value":"v-\#(name.split(separator: "/").last ?? "")","Version":1}}"#)
            case "ListProvisioningArtifacts" where scenario == .listDenied:
                return denied("servicecatalog:ListProvisioningArtifacts", "arn:aws:catalog:us-east-1:222222222222:product/prod-abc123")
            case "ListProvisioningArtifacts":
                return ok(#"{"ProvisioningArtifactDetails":[{"Id":"pa-new","Name":"2.0","Active":true}]}"#)
            case "CreateProject" where scenario == .createDenied:
                return denied("sagemaker:CreateProject", "arn:aws:sagemaker:us-east-1:222222222222:project/demo")
            case "CreateProject":
                return ok(#"{"ProjectArn":"arn:aws:sagemaker:us-east-1:222222222222:project/demo","ProjectId":"p-xyz"}"#)
            case "DescribeProject":
                if describeCalls.next() == 0 {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"Project demo does not exist."}"#)
                }
                let (status, details) = scenario == .provisioningFailed
                    ? ("CreateFailed", #"{"ProvisionedProductId":"pp-xyz","ProvisionedProductStatusMessage":"\#(provisioningMessage.replacingOccurrences(of: "\"", with: "\\\""))"}"#)
                    : ("CreateInProgress", #"{"ProvisionedProductId":"pp-xyz"}"#)
                return ok(
                    #"{"ProjectArn":"arn:aws:sagemaker:us-east-1:222222222222:project/demo","ProjectName":"demo","ProjectId":"p-xyz","#
                        + #""ProjectStatus":"\#(status)","CreationTime":1795912568.2,"ServiceCatalogProvisionedProductDetails":\#(details)}"#)
            default:
                Issue.record("unexpected request \(operation)")
                return HTTPResponse(statusCode: 500, body: "")
            }
        }
    }

    /// Runs the launch; returns its error, the ledger's rows for the project and the operations sent.
    static func launch(_ scenario: Scenario, timeout: Duration = .seconds(3600)) async throws -> (error: String, rows: [TrackedResource], operations: [String]) {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let transport = transport(scenario)
        let sessions = StageSessions(config: try ReplayProfile.config(), environment: environment, transport: transport, logger: Logger(label: "test"))
        let ledger = try LedgerDatabase.inMemory()
        let workflow = LaunchProjectWorkflow(
            topology: try LaunchThroughSageMakerTests.topology(), sessions: sessions, identity: ProjectIdentity(name: "demo", id: "p-xyz"),
            via: .sagemaker, openLedger: { ledger }, provisioningTimeout: timeout, sleep: { _ in })
        var message = ""
        do {
            _ = try await workflow.run()
            Issue.record("\(scenario): the launch succeeded")
        } catch {
            message = String(describing: error)
        }
        let rows = try await ledger.resources(filter: ResourceFilter(project: "demo"))
        return (message, rows, transport.requests.map(RecordingTransport.operationName))
    }

    @Test func failedProvisioningNamesServiceCatalogsReasonAndMarksTheProjectFailed() async throws {
        let (error, rows, operations) = try await Self.launch(.provisioningFailed)
        #expect(error == "SageMaker could not create project demo: \(Self.provisioningMessage)")
        let row = try #require(rows.first { $0.kind == .provisionedProduct })
        #expect(row.status == .failed && row.detail == Self.provisioningMessage, "\(row)")
        #expect(rows.count == 1, "no stack is recorded for a project that failed: \(rows)")
        #expect(operations.filter { $0 == "CreateProject" }.count == 1)
    }

    /// The wait ran out: not a failure (SageMaker may still finish), so the row stays planned for a re-run to resume.
    @Test func aWaitThatRunsOutLeavesTheProjectPlanned() async throws {
        let (error, rows, operations) = try await Self.launch(.stillInProgress, timeout: .zero)
        #expect(error == "SageMaker is still creating project demo (CreateInProgress) after waiting 0 s; see its Service Catalog "
            + "provisioned product pp-xyz, then run `mlopsctl launch-project` again")
        let row = try #require(rows.first { $0.kind == .provisionedProduct })
        #expect(row.status == .planned && row.physicalId == "sagemaker-project/demo", "\(row)")
        #expect(operations.filter { $0 == "CreateProject" }.count == 1)
    }

    @Test func createProjectDeniedNamesTheActionAndRecordsTheFailure() async throws {
        let (error, rows, operations) = try await Self.launch(.createDenied)
        #expect(error.hasPrefix("SageMaker CreateProject: AccessDeniedException (HTTP 400): User: arn:aws:sts::222222222222:assumed-role/lead/alice "
            + "is not authorized to perform: sagemaker:CreateProject"), "\(error)")
        let row = try #require(rows.first { $0.kind == .provisionedProduct })
        #expect(row.status == .failed && row.detail?.contains("AccessDeniedException") == true, "\(row)")
        #expect(!operations.contains("DescribeProject") || operations.filter { $0 == "DescribeProject" }.count == 1, "no wait after a refused create")
    }

    /// Denied before anything is created: no mutating call, nothing in the ledger.
    @Test func listProvisioningArtifactsDeniedChangesNothing() async throws {
        let (error, rows, operations) = try await Self.launch(.listDenied)
        #expect(error.hasPrefix("Service Catalog ListProvisioningArtifacts: AccessDeniedException (HTTP 400): User: "
            + "arn:aws:sts::222222222222:assumed-role/lead/alice is not authorized to perform: servicecatalog:ListProvisioningArtifacts"), "\(error)")
        #expect(rows.isEmpty, "\(rows)")
        #expect(!operations.contains("CreateProject"), "\(operations)")
    }
}
