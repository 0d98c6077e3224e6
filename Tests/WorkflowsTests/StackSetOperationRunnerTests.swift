import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import TestSupport
import Testing
@testable import Workflows

/// Waiting for a stack-set operation: progress with accounts done out of the total once it is slow, each failed account
/// with CloudFormation's reason at the end, and no counting for an operation that finishes at once.
@Suite struct StackSetOperationRunnerTests {
    /// DescribeStackSetOperation answers RUNNING `runningPolls` times, then FAILED with one failed instance; the results
    /// list two finished accounts (one failed) while running, the same at the end.
    static func transport(runningPolls: Int) -> ScriptedTransport {
        let polls = LockedBox(0)
        return ScriptedTransport { request, index in
            let action = RecordingTransport.operationName(request)
            let body: String
            switch action {
            case "DescribeStackSetOperation":
                let poll = polls.withLock { value -> Int in value += 1; return value }
                let finished = poll > runningPolls
                body = """
                    <DescribeStackSetOperationResult><StackSetOperation><OperationId>op-1</OperationId><Action>CREATE</Action>\
                    <Status>\(finished ? "FAILED" : "RUNNING")</Status><StatusDetails><FailedStackInstancesCount>1</FailedStackInstancesCount>\
                    </StatusDetails></StackSetOperation></DescribeStackSetOperationResult>
                    """
            case "ListStackSetOperationResults":
                body = """
                    <ListStackSetOperationResultsResult><Summaries>\
                    <member><Account>940144603568</Account><Region>eu-west-1</Region><Status>SUCCEEDED</Status></member>\
                    <member><Account>481209291763</Account><Region>eu-west-1</Region><Status>FAILED</Status>\
                    <StatusReason>ResourceLogicalId:StagingBucket, ResourceType:AWS::S3::Bucket, ResourceStatusReason:Access denied.</StatusReason></member>\
                    <member><Account>271110431973</Account><Region>eu-west-1</Region><Status>RUNNING</Status></member>\
                    </Summaries></ListStackSetOperationResultsResult>
                    """
            default:
                return HTTPResponse(statusCode: 400, body: "<ErrorResponse><Error><Code>Unexpected</Code><Message>\(action)</Message></Error></ErrorResponse>")
            }
            return HTTPResponse(statusCode: 200, body: """
                <\(action)Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">\(body)\
                <ResponseMetadata><RequestId>r-\(index)</RequestId></ResponseMetadata></\(action)Response>
                """)
        }
    }

    static func runner(_ transport: ScriptedTransport, lines: LockedBox<[String]>) throws -> StackSetOperationRunner {
        let session = try AWSSession.make(
            profile: "p", region: "us-east-1", environment: EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"]), config: try ReplayProfile.config(),
            transport: transport, logger: Logger(label: "test"))
        return StackSetOperationRunner(
            cloudFormation: session.cloudFormation, callAs: .selfAccount, progress: { line in lines.withLock { $0.append(line) } },
            sleep: { _ in })
    }

    @Test func aSlowOperationShowsAccountsDoneAndEndsWithEachFailureAndItsReason() async throws {
        let transport = Self.transport(runningPolls: 4)
        let lines = LockedBox<[String]>([])
        let outcome = try await Self.runner(transport, lines: lines).wait("ss", operationId: "op-1", action: "deploy", total: 3)

        #expect(outcome.status == "FAILED" && !outcome.succeeded)
        #expect(outcome.failures == [StackInstanceFailure(
            key: StackInstanceKey(account: "481209291763", region: "eu-west-1"),
            reason: "ResourceLogicalId:StagingBucket, ResourceType:AWS::S3::Bucket, ResourceStatusReason:Access denied.")])
        let shown = lines.withLock { $0 }
        // Polls 1 and 2 (0.5 s and 1 s in) only say running; from the third on, accounts done out of the total.
        #expect(shown.first == "ss: deploy running, 1 failed so far", "\(shown)")
        #expect(shown.contains("ss: deploy running, 2/3 done, 1 failed so far"), "\(shown)")
        #expect(shown.last == "ss: deploy failed, 1 instance(s) failed", "\(shown)")
    }

    @Test func anOperationDoneAtTheFirstPollIsNotCounted() async throws {
        let transport = Self.transport(runningPolls: 0)
        let lines = LockedBox<[String]>([])
        _ = try await Self.runner(transport, lines: lines).wait("ss", operationId: "op-1", action: "deploy", total: 3)
        // One poll, then one listing for the failures: nothing spent on progress.
        #expect(transport.requests.map { RecordingTransport.operationName($0) } == ["DescribeStackSetOperation", "ListStackSetOperationResults"])
    }
}
