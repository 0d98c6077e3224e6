import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// The three sinks' exact output for one short create: stack CREATE_IN_PROGRESS, a bucket in
/// progress (first poll, 0 s), the bucket and the stack complete (second poll, after a 1 s sleep).
@Suite struct ProgressSinkTests {
    static let name = "demo"
    static let stackId = CFNXML.stackId(name)
    static let template = #"{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket"}}}"#
    static let erase = "\r\u{1B}[K"

    /// Runs the create with `sink` and returns everything it wrote.
    static func run(_ makeSink: (@escaping ProgressWriter) -> any StackProgressSink) async throws -> [String] {
        let replay = Replay()
        let stack = CFNXML.Stack(name: name, id: stackId, status: .createInProgress)
        var done = stack
        done.status = .createComplete
        let token = "mlopsctl-create-1"
        let e1 = CFNXML.Event(id: "e1", logicalId: name, type: "AWS::CloudFormation::Stack", status: "CREATE_IN_PROGRESS", reason: "User Initiated", at: CFNXML.at(0.4), token: token)
        let e2 = CFNXML.Event(id: "e2", logicalId: "Bucket", type: "AWS::S3::Bucket", status: "CREATE_IN_PROGRESS", at: CFNXML.at(0.6), token: token)
        let e3 = CFNXML.Event(
            id: "e3", logicalId: "Bucket", type: "AWS::S3::Bucket", status: "CREATE_COMPLETE", at: CFNXML.at(1.8), token: token,
            physicalId: "demo-bucket-1a2b3c")
        let e4 = CFNXML.Event(id: "e4", logicalId: name, type: "AWS::CloudFormation::Stack", status: "CREATE_COMPLETE", at: CFNXML.at(1.9), token: token)
        replay.script.on("DescribeStacks", CFNXML.notFound(name), CFNXML.describeStacks(stack), CFNXML.describeStacks(done))
        replay.script.on("CreateStack", CFNXML.createStack(stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([e2, e1], stack: stack), CFNXML.describeStackEvents([e4, e3, e2, e1], stack: stack))
        let output = LockedBox<[String]>([])
        let sink = makeSink { text in output.withLock { $0.append(text) } }

        _ = try await replay.deployer(sink: sink).deploy(StackDeployment(stackName: name, template: .body(template)))

        return output.value
    }

    @Test func ttyRewritesOneLineAndEndsItOnTheFinalPhase() async throws {
        let written = try await Self.run { TTYProgressSink(write: $0) }

        #expect(written == [
            Self.erase + "demo  creating  0:00",
            Self.erase + "demo  0/1  0:00",
            Self.erase + "demo  0/1  Bucket CREATE_IN_PROGRESS  0:00",
            Self.erase + "demo  1/1  Bucket CREATE_COMPLETE  0:01",
            Self.erase + "demo  1/1  Bucket CREATE_COMPLETE  0:01",
            Self.erase + "demo  CREATE_COMPLETE  0:01\n",
        ])
    }

    @Test func plainWritesOneLinePerEventAndPhase() async throws {
        let written = try await Self.run { PlainProgressSink(write: $0) }

        #expect(written.joined() == """
            0:00 demo creating
            0:00 demo demo AWS::CloudFormation::Stack CREATE_IN_PROGRESS: User Initiated
            0:00 demo Bucket AWS::S3::Bucket CREATE_IN_PROGRESS
            0:01 demo Bucket AWS::S3::Bucket CREATE_COMPLETE
            0:01 demo demo AWS::CloudFormation::Stack CREATE_COMPLETE
            0:01 demo CREATE_COMPLETE

            """)
    }

    @Test func jsonLinesWritesOneSortedObjectPerLine() async throws {
        let written = try await Self.run { JSONLinesProgressSink(write: $0) }
        let id = Self.stackId

        #expect(written == [
            #"{"elapsedSeconds":0,"operation":"create","phase":"started","stack":"demo","type":"phase"}"# + "\n",
            #"{"elapsedSeconds":0,"eventId":"e1","logicalResourceId":"demo","physicalResourceId":"\#(id)","reason":"User Initiated","resourceType":"AWS::CloudFormation::Stack","resourcesDone":0,"resourcesTotal":1,"stack":"demo","stackId":"\#(id)","status":"CREATE_IN_PROGRESS","timestamp":"2026-11-29T00:00:00.400000Z","type":"event"}"# + "\n",
            #"{"elapsedSeconds":0,"eventId":"e2","logicalResourceId":"Bucket","resourceType":"AWS::S3::Bucket","resourcesDone":0,"resourcesTotal":1,"stack":"demo","stackId":"\#(id)","status":"CREATE_IN_PROGRESS","timestamp":"2026-11-29T00:00:00.600000Z","type":"event"}"# + "\n",
            #"{"elapsedSeconds":1,"eventId":"e3","logicalResourceId":"Bucket","physicalResourceId":"demo-bucket-1a2b3c","resourceType":"AWS::S3::Bucket","resourcesDone":1,"resourcesTotal":1,"stack":"demo","stackId":"\#(id)","status":"CREATE_COMPLETE","timestamp":"2026-11-29T00:00:01.800000Z","type":"event"}"# + "\n",
            #"{"elapsedSeconds":1,"eventId":"e4","logicalResourceId":"demo","physicalResourceId":"\#(id)","resourceType":"AWS::CloudFormation::Stack","resourcesDone":1,"resourcesTotal":1,"stack":"demo","stackId":"\#(id)","status":"CREATE_COMPLETE","timestamp":"2026-11-29T00:00:01.900000Z","type":"event"}"# + "\n",
            #"{"elapsedSeconds":1,"operation":"create","phase":"finished","stack":"demo","status":"CREATE_COMPLETE","type":"phase"}"# + "\n",
        ])
        for line in written {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test(arguments: [
        (StackPhase.unchanged, "demo  no changes  1:05\n"),
        (.notFound, "demo  not deployed, nothing to delete  1:05\n"),
        (.warning("could not turn termination protection on"), "demo  warning: could not turn termination protection on  1:05\n"),
        (.failed(.update, .updateRollbackComplete), "demo  failed: UPDATE_ROLLBACK_COMPLETE  1:05\n"),
        (.waitingForOtherOperation(.updateInProgress), "demo  waiting for the running UPDATE_IN_PROGRESS to finish  1:05"),
        (.deletingForRecreate(.reviewInProgress),
         "demo  deleting before re-creating: it is REVIEW_IN_PROGRESS with no resources (a change set was never executed)  1:05"),
    ])
    func ttyPhaseLines(_ phase: StackPhase, _ expected: String) {
        let output = LockedBox<[String]>([])
        TTYProgressSink { text in output.withLock { $0.append(text) } }.phaseChanged(phase, progress: StackProgress(stackName: "demo", elapsed: 65.7))

        #expect(output.value == [Self.erase + expected])
    }

    @Test(arguments: [(0.0, "0:00"), (59.9, "0:59"), (754, "12:34"), (3725, "1:02:05")])
    func elapsedTimeFormatting(_ seconds: Double, _ text: String) {
        let output = LockedBox<[String]>([])
        PlainProgressSink { text in output.withLock { $0.append(text) } }.phaseChanged(.unchanged, progress: StackProgress(stackName: "s", elapsed: seconds))

        #expect(output.value == ["\(text) s no changes\n"])
    }

    @Test func jsonPhasesCarryTheirDetails() {
        let output = LockedBox<[String]>([])
        let sink = JSONLinesProgressSink { text in output.withLock { $0.append(text) } }
        let progress = StackProgress(stackName: "demo", elapsed: 3)

        sink.phaseChanged(.warning(#"a "quoted" / text"#), progress: progress)
        sink.phaseChanged(.deletingForRecreate(.creationRolledBack(.rollbackComplete)), progress: progress)
        sink.phaseChanged(.waitingForOtherOperation(.updateInProgress), progress: progress)

        #expect(output.value == [
            #"{"elapsedSeconds":3,"message":"a \"quoted\" / text","phase":"warning","stack":"demo","type":"phase"}"# + "\n",
            #"{"elapsedSeconds":3,"message":"its first creation failed (ROLLBACK_COMPLETE)","phase":"recreating","stack":"demo","type":"phase"}"# + "\n",
            #"{"elapsedSeconds":3,"phase":"waiting","stack":"demo","status":"UPDATE_IN_PROGRESS","type":"phase"}"# + "\n",
        ])
    }
}
