import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// Reads made only to follow a stack operation (DescribeStackEvents, DescribeStacks polls) never fail it: a poll that
/// fails for a retryable reason after the client's own attempts is skipped, and the stack's final status decides.
@Suite struct DeployerProgressReadTests {
    typealias F = Fixture
    static let slowDown = CFNXML.error(503, "SlowDown", "Please reduce your request rate.")

    @Test func aDescribeStackEventsPollFailingWithSlowDownAfterItsRetriesDoesNotFailTheDeploy() async throws {
        let replay = Replay()
        let token = "mlopsctl-create-1"
        let e1 = F.stackEvent("e1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.3, token: token)
        let e2 = F.event("e2", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_COMPLETE", at: 1.2, token: token)
        let e3 = F.stackEvent("e3", "CREATE_COMPLETE", at: 2.8, token: token)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(F.stack(.createInProgress)),
            CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        // Poll 1 fails on all three attempts of the client; poll 2 delivers what poll 1 missed.
        replay.script.on("DescribeStackEvents", Self.slowDown, Self.slowDown, Self.slowDown, CFNXML.describeStackEvents([e3, e2, e1], stack: F.stack(.createComplete)))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(replay.sink.eventIds == ["e1", "e2", "e3"])
        #expect(replay.sink.phases == [.started(.create), .finished(.create, .createComplete)])
        #expect(replay.forms("DescribeStackEvents").count == 4)
    }

    @Test func aDescribeStacksPollFailingWithAnInternalErrorDoesNotFailTheDeploy() async throws {
        let replay = Replay()
        let token = "mlopsctl-create-1"
        let done = F.stackEvent("e1", "CREATE_COMPLETE", at: 2.8, token: token)
        let internalError = CFNXML.error(500, "InternalFailure", "We encountered an internal error.")
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), internalError, internalError, internalError,
            CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([done], stack: F.stack(.createComplete)))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(replay.sink.phases == [.started(.create), .finished(.create, .createComplete)])
        #expect(replay.forms("DescribeStacks").count == 5)
    }

    @Test func aPollDeniedAccessStillFailsAtOnce() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(F.stack(.createInProgress)))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.error(403, "AccessDenied", "not authorized to perform: cloudformation:DescribeStackEvents"))

        let error = await #expect(throws: StackDeployError.self) { try await replay.deployer().deploy(F.deployment()) }

        #expect((error?.underlying as? AWSServiceError)?.code == "AccessDenied")
        #expect(replay.forms("DescribeStackEvents").count == 1)
    }

    @Test func pollsThatKeepFailingEndAtTheWaitDeadlineNamingTheLastKnownStatus() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), Self.slowDown)
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", Self.slowDown)

        let error = await #expect(throws: StackDeployError.self) {
            try await replay.deployer(policy: WaitPolicy(timeout: .seconds(60))).deploy(F.deployment())
        }

        guard case .timedOut(.create, let status, _)? = error?.kind else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(status == .createInProgress)
    }

    @Test func aRetriedCreateStackCarriesTheSameClientRequestToken() async throws {
        let replay = Replay()
        let done = F.stackEvent("e1", "CREATE_COMPLETE", at: 2.8, token: "mlopsctl-create-1")
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("CreateStack", CFNXML.error(400, "Throttling", "Rate exceeded"), CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([done], stack: F.stack(.createComplete)))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(replay.forms("CreateStack").map { $0["ClientRequestToken"] } == ["mlopsctl-create-1", "mlopsctl-create-1"])
    }
}
