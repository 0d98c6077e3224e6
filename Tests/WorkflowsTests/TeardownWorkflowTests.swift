import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
@testable import Workflows

/// The teardown run against scripted AWS answers: a stack that refuses to delete is retried once, reported,
/// and the rest still goes; adopted rows are settled `retained`.
@Suite struct TeardownWorkflowTests {
    static let cfnError = """
        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code>\
        <Message>MESSAGE</Message></Error><RequestId>r</RequestId></ErrorResponse>
        """

    static func transport(deleteCalls: LockedCounter) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            let operation = RecordingTransport.operationName(request)
            let body = String(decoding: request.body, as: UTF8.self)
            switch operation {
            case "GetCallerIdentity":
                return HTTPResponse(statusCode: 200, body:
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeStacks" where body.contains("broken"):
                return HTTPResponse(statusCode: 200, body: LaunchThroughSageMakerTests.stack("broken"))
            case "DescribeStacks":
                return HTTPResponse(statusCode: 400, body: cfnError.replacingOccurrences(of: "MESSAGE", with: "Stack with id fine does not exist"))
            case "DeleteStack":
                _ = deleteCalls.next()
                return HTTPResponse(statusCode: 400, body: cfnError.replacingOccurrences(
                    of: "MESSAGE", with: "Stack [broken] cannot be deleted while TerminationProtection is enabled"))
            default:
                return HTTPResponse(statusCode: 500, body: "unexpected \(operation)")
            }
        }
    }

    @Test func aStackThatWillNotDeleteIsRetriedOnceReportedAndTheRestGoesOn() async throws {
        let ledger = try await TeardownPlanTests.ledger([
            TeardownPlanTests.row("dev", .stack, "fine"),
            TeardownPlanTests.row("dev", .stack, "broken"),
            TeardownPlanTests.row("dev", .ssmParameter, "/mlops/role/lead", ownership: .adopted),
        ])
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let deleteCalls = LockedCounter()
        let transport = Self.transport(deleteCalls: deleteCalls)
        let collector = RequestCollector(verb: "teardown")
        let workflow = TeardownWorkflow(
            scope: TeardownScope(everything: true), catalogStack: "mlopsctl-hnb659fds-catalog", openLedger: { ledger },
            session: { stage in
                try AWSSession.make(
                    profile: "p", region: "us-east-1", environment: environment, config: config,
                    transport: ReplayPermissions.transport(transport, stage: stage, collector: collector), logger: Logger(label: "t"))
            }, sleep: { _ in })
        let report = try await workflow.run(confirmedProd: [])
        try ReplayPermissions.check(collector, scenario: "teardown-stack-will-not-delete")

        #expect(deleteCalls.next() == 2)
        #expect(!report.isComplete)
        #expect(report.left.map(\.physicalId) == ["broken"])
        #expect(report.left.first?.reason?.contains("TerminationProtection") == true, "\(report.left)")
        #expect(report.deleted.map(\.physicalId) == ["fine"])
        #expect(report.retained.map(\.physicalId) == ["/mlops/role/lead"])
        let rows = Dictionary(uniqueKeysWithValues: try await ledger.resources().map { ($0.physicalId!, $0) })
        #expect(rows["broken"]?.status == .failed && rows["broken"]?.detail?.contains("TerminationProtection") == true)
        #expect(rows["fine"]?.status == .deleted)
        #expect(rows["/mlops/role/lead"]?.status == .retained)
    }

    @Test func anEndpointWithoutECRStillDeletesTheBootstrapStack() async throws {
        // LocalStack's community edition answers every ECR call with 501; the stack still goes, with its (emulated) repository.
        let ledger = try await TeardownPlanTests.ledger([
            TeardownPlanTests.row("dev", .stack, "CDKToolkit", stack: "CDKToolkit"),
            TeardownPlanTests.row("dev", .ecrRepository, "cdk-hnb659fds-container-assets-222222222222-us-east-1", stack: "CDKToolkit"),
        ])
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let ecrCalls = LockedCounter()
        let deleted = LockedBox(false)
        let transport = ScriptedTransport { request, _ in
            switch RecordingTransport.operationName(request) {
            case "GetCallerIdentity":
                return HTTPResponse(statusCode: 200, body:
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeRepositories":
                _ = ecrCalls.next()
                return HTTPResponse(statusCode: 501, body: #"{"__type": "InternalFailure", "message": "The API for service ecr is either not included in your current license plan or has not yet been emulated by LocalStack."}"#)
            case "DeleteStack":
                deleted.withLock { $0 = true }
                return HTTPResponse(statusCode: 200, body: "<DeleteStackResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteStackResponse>")
            case "DescribeStacks" where !deleted.value:
                return HTTPResponse(statusCode: 200, body: LaunchThroughSageMakerTests.stack("CDKToolkit"))
            case "DescribeStacks":
                return HTTPResponse(statusCode: 400, body: Self.cfnError.replacingOccurrences(of: "MESSAGE", with: "Stack with id CDKToolkit does not exist"))
            case "DescribeStackEvents":
                return HTTPResponse(statusCode: 400, body: Self.cfnError.replacingOccurrences(of: "MESSAGE", with: "Stack with id CDKToolkit does not exist"))
            default:
                return HTTPResponse(statusCode: 500, body: "unexpected \(RecordingTransport.operationName(request))")
            }
        }
        let lines = LockedBox<[String]>([])
        let workflow = TeardownWorkflow(
            scope: TeardownScope(everything: true), catalogStack: "mlopsctl-hnb659fds-catalog", openLedger: { ledger },
            session: { _ in
                try AWSSession.make(
                    profile: "p", region: "us-east-1", environment: environment, config: try ReplayProfile.config(), transport: transport,
                    logger: Logger(label: "t"))
            }, progress: { line in lines.withLock { $0.append(line) } }, sleep: { _ in })

        let report = try await workflow.run(confirmedProd: [])

        #expect(report.isComplete, "\(report.left)")
        #expect(deleted.value)
        #expect(ecrCalls.next() == 2)  // before the stack goes (its images), and after it (a repository it retained)
        #expect(lines.value.contains { $0.contains("ECR is not implemented at this endpoint (HTTP 501)") }, "\(lines.value)")
        #expect(try await ledger.resources().allSatisfy { $0.status == .deleted })
    }
}
