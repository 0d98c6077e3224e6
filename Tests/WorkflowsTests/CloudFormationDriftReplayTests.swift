import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
@testable import Workflows

/// `refresh --cloudformation-drift` against replayed CloudFormation answers (the emulator has no drift detection):
/// a detection is started, followed until complete, and its MODIFIED and DELETED resources become findings; one that
/// cannot run is a note, never drift.
@Suite struct CloudFormationDriftReplayTests {
    static let namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"

    static func wrap(_ operation: String, _ result: String) -> String {
        "<\(operation)Response xmlns=\"\(namespace)\"><\(operation)Result>\(result)</\(operation)Result>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></\(operation)Response>"
    }

    static let drifts = wrap("DescribeStackResourceDrifts", """
        <StackResourceDrifts>
          <member><StackId>s</StackId><LogicalResourceId>CloudFormationExecutionRole</LogicalResourceId>
            <PhysicalResourceId>exec-role</PhysicalResourceId><ResourceType>AWS::IAM::Role</ResourceType>
            <StackResourceDriftStatus>MODIFIED</StackResourceDriftStatus><Timestamp>2026-12-07T00:00:00Z</Timestamp>
            <PropertyDifferences><member><PropertyPath>/AssumeRolePolicyDocument/Statement/1</PropertyPath><ExpectedValue>null</ExpectedValue>
              <ActualValue>{"Principal":{"AWS":"arn:aws:iam::999999999999:root"}}</ActualValue><DifferenceType>ADD</DifferenceType></member>
            </PropertyDifferences></member>
          <member><StackId>s</StackId><LogicalResourceId>CdkBootstrapVersion</LogicalResourceId>
            <PhysicalResourceId>/cdk-bootstrap/hnb659fds/version</PhysicalResourceId><ResourceType>AWS::SSM::Parameter</ResourceType>
            <StackResourceDriftStatus>DELETED</StackResourceDriftStatus><Timestamp>2026-12-07T00:00:00Z</Timestamp></member>
        </StackResourceDrifts>
        """)

    static func detector(_ replies: [String], sleeps: LockedBox<Int> = LockedBox(0)) throws -> (CloudFormationDriftDetector, ScriptedTransport) {
        let transport = ScriptedTransport(replies.map { ScriptedTransport.Reply.status(200, body: $0) })
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let session = try AWSSession.make(
            profile: "p", region: "us-east-1", environment: environment, config: try ReplayProfile.config(), transport: transport,
            logger: Logger(label: "t"))
        let detector = CloudFormationDriftDetector(cloudFormation: session.cloudFormation, sleep: { _ in sleeps.withLock { $0 += 1 } })
        return (detector, transport)
    }

    @Test func aCompletedDetectionBecomesFindings() async throws {
        let sleeps = LockedBox(0)
        let (detector, transport) = try Self.detector([
            Self.wrap("DetectStackDrift", "<StackDriftDetectionId>d-1</StackDriftDetectionId>"),
            Self.wrap("DescribeStackDriftDetectionStatus", "<StackId>s</StackId><StackDriftDetectionId>d-1</StackDriftDetectionId><DetectionStatus>DETECTION_IN_PROGRESS</DetectionStatus><Timestamp>2026-12-07T00:00:00Z</Timestamp>"),
            Self.wrap("DescribeStackDriftDetectionStatus", "<StackId>s</StackId><StackDriftDetectionId>d-1</StackDriftDetectionId><DetectionStatus>DETECTION_COMPLETE</DetectionStatus><StackDriftStatus>DRIFTED</StackDriftStatus><Timestamp>2026-12-07T00:00:00Z</Timestamp>"),
            Self.drifts,
        ], sleeps: sleeps)
        guard case .found(let found) = await detector.detect(stackName: "CDKToolkit") else { Issue.record("not run"); return }
        #expect(found["/cdk-bootstrap/hnb659fds/version"]?.drift == .gone)
        let role = try #require(found["exec-role"])
        #expect(role.drift == .changed && role.differences.first?.field == "/AssumeRolePolicyDocument/Statement/1 (CloudFormation)")
        #expect(role.differences.first?.expected == "absent" && role.differences.first?.live.contains("999999999999") == true)
        #expect(sleeps.value == 1)
        let operations = transport.requests.map(RecordingTransport.operationName)
        #expect(operations == ["DetectStackDrift", "DescribeStackDriftDetectionStatus", "DescribeStackDriftDetectionStatus", "DescribeStackResourceDrifts"])
        let listed = String(decoding: transport.requests[3].body, as: UTF8.self)
        #expect(listed.contains("StackResourceDriftStatusFilters.member.1=MODIFIED") && listed.contains("StackResourceDriftStatusFilters.member.2=DELETED"))
    }

    @Test func aDetectionThatCannotRunIsANoteNotDrift() async throws {
        let (detector, _) = try Self.detector([])
        guard case .notRun(let reason) = await detector.detect(stackName: "CDKToolkit") else { Issue.record("ran"); return }
        #expect(reason.hasPrefix("CloudFormation drift detection could not run"), "\(reason)")
    }

    @Test func cloudFormationsFindingsAddToMlopsctlsOwn() {
        let ours = DriftVerdict.compared([DriftDifference(field: "trust policy", expected: "a", live: "b")], repairs: [.updateTrustPolicy(role: "r", document: "{}")])
        let theirs = DriftVerdict.compared([DriftDifference(field: "/MaxSessionDuration (CloudFormation)", expected: "3600", live: "7200")])
        let merged = StackInspector.merged(ours, theirs)
        #expect(merged.drift == .changed && merged.differences.count == 2 && merged.repairs.count == 1)
        #expect(StackInspector.merged(.inSync, theirs).differences.map(\.field) == ["/MaxSessionDuration (CloudFormation)"])
        #expect(StackInspector.merged(.unchecked("no read"), .gone("deleted")).drift == .gone)
        #expect(StackInspector.merged(.gone("x", repairs: [.createBucket(name: "b")]), theirs).repairs == [.createBucket(name: "b")])
    }
}
