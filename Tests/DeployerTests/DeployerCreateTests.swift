import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

@Suite struct DeployerCreateTests {
    typealias F = Fixture

    @Test func createStreamsEachEventOnceInOrderAcrossPagesAndPolls() async throws {
        let replay = Replay()
        let token = "mlopsctl-create-1"
        let e1 = F.stackEvent("e1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.3, token: token)
        let e2 = F.event("e2", "ArtifactsKey", "AWS::KMS::Key", "CREATE_IN_PROGRESS", at: 0.6, token: token)
        let e3 = F.event("e3", "ArtifactsKey", "AWS::KMS::Key", "CREATE_IN_PROGRESS", "Resource creation Initiated", at: 0.7, token: token)
        let e4 = F.event("e4", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", at: 1.2, token: token)
        let e5 = F.event("e5", "ArtifactsKey", "AWS::KMS::Key", "CREATE_COMPLETE", at: 1.4, token: token)
        let e6 = F.event("e6", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_COMPLETE", at: 2.5, token: token)
        let e7 = F.event("e7", "DeployRole", "AWS::IAM::Role", "CREATE_COMPLETE", at: 2.6, token: token)
        let e8 = F.stackEvent("e8", "CREATE_COMPLETE", at: 2.8, token: token)
        let stack = F.stack(.createInProgress)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(stack), CFNXML.describeStacks(stack),
            CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on(
            "DescribeStackEvents",
            // Poll 1 spans two pages; poll 2 overlaps it (its page would continue, but e3 was seen);
            // poll 3 overlaps poll 2.
            CFNXML.describeStackEvents([e3, e2], stack: stack, nextToken: "page-2"), CFNXML.describeStackEvents([e1], stack: stack),
            CFNXML.describeStackEvents([e5, e4, e3, e2], stack: stack, nextToken: "page-2"),
            CFNXML.describeStackEvents([e8, e7, e6, e5, e4], stack: stack, nextToken: "page-2"))

        let outcome = try await replay.deployer().deploy(F.deployment(terminationProtection: true, roleARN: "arn:aws:iam::222222222222:role/exec"))

        #expect(outcome.kind == .created)
        #expect(!outcome.recreated)
        #expect(outcome.outputs == ["BucketName": "mlops-artifacts-222222222222"])
        #expect(replay.sink.eventIds == ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"])
        #expect(replay.sink.phases == [.started(.create), .finished(.create, .createComplete)])
        #expect(replay.forms("DescribeStackEvents").map { $0["NextToken"] } == [nil, "page-2", nil, nil])
        #expect(replay.forms("DescribeStackEvents").allSatisfy { $0["StackName"] == F.stackId })
        #expect(replay.sleptSeconds == [1, 2])
        let last = try #require(replay.sink.progresses.last)
        #expect(last.resourcesDone == 3)
        #expect(last.resourcesTotal == 3)
        let create = try #require(replay.forms("CreateStack").first)
        #expect(create["StackName"] == F.name)
        #expect(create["TemplateBody"] == F.template)
        #expect(create["Parameters.member.1.ParameterKey"] == "TrustedAccount")
        #expect(create["Parameters.member.1.ParameterValue"] == "111111111111")
        #expect([create["Capabilities.member.1"], create["Capabilities.member.2"], create["Capabilities.member.3"]] == [
            "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND",
        ])
        #expect(create["Tags.member.1.Key"] == "mlops:stage")
        #expect(create["RoleARN"] == "arn:aws:iam::222222222222:role/exec")
        #expect(create["ClientRequestToken"] == token)
        #expect(create["EnableTerminationProtection"] == "true")
        #expect(replay.modelProblems() == [])
    }

    @Test func motosSynchronousCreateNeedsNoSleep() async throws {
        let replay = Replay()
        let stack = F.stack(.createComplete)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(stack))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        // moto: two stack-level events, no tokens, no resource events.
        replay.script.on(
            "DescribeStackEvents",
            CFNXML.describeStackEvents(
                [F.stackEvent("m2", "CREATE_COMPLETE", at: 0.004, token: nil), F.stackEvent("m1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.001, token: nil)],
                stack: stack))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(replay.sink.eventIds == ["m1", "m2"])
        #expect(replay.clock.sleeps.isEmpty)
        #expect(replay.actions == ["DescribeStacks", "CreateStack", "DescribeStacks", "DescribeStackEvents"])
    }

    @Test func createFailureNamesTheFirstFailedResourceNotACancellation() async throws {
        let replay = Replay()
        let token = "mlopsctl-create-1"
        let bucketReason = #"Resource handler returned message: "mlops-artifacts-222222222222 already exists" (RequestToken: 3a1c2f4e-1b2c-4d5e-8f90-a1b2c3d4e5f6, HandlerErrorCode: AlreadyExists)"#
        let first = [
            F.event("f4", "DeployRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS", at: 0.9, token: token),
            F.event("f3", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", at: 0.8, token: token),
            F.event("f2", "ArtifactsKey", "AWS::KMS::Key", "CREATE_IN_PROGRESS", at: 0.7, token: token),
            F.stackEvent("f1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.5, token: token),
        ]
        let rest = [
            F.stackEvent("f13", "ROLLBACK_COMPLETE", at: 9.0, token: token),
            F.event("f12", "ArtifactsBucket", "AWS::S3::Bucket", "DELETE_COMPLETE", at: 8.5, token: token),
            F.event("f11", "ArtifactsKey", "AWS::KMS::Key", "DELETE_COMPLETE", at: 8.4, token: token),
            F.event("f10", "DeployRole", "AWS::IAM::Role", "DELETE_COMPLETE", at: 8.3, token: token),
            F.stackEvent(
                "f9", "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [ArtifactsKey, DeployRole, ArtifactsBucket]. Rollback requested by user.",
                at: 2.1, token: token),
            F.event("f8", "ArtifactsKey", "AWS::KMS::Key", "CREATE_FAILED", "Resource creation cancelled", at: 2.0, token: token),
            F.event("f7", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_FAILED", bucketReason, at: 1.9, token: token),
            // Logged a moment before the root cause: skipped because it is a cancellation.
            F.event("f6", "DeployRole", "AWS::IAM::Role", "CREATE_FAILED", "Resource creation cancelled", at: 1.8, token: token),
            F.event("f5", "ArtifactsKey", "AWS::KMS::Key", "CREATE_IN_PROGRESS", "Resource creation Initiated", at: 1.0, token: token),
        ] + first
        let inProgress = F.stack(.createInProgress)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(inProgress),
            CFNXML.describeStacks(F.stack(.rollbackComplete, reason: "The following resource(s) failed to create: [ArtifactsKey, DeployRole, ArtifactsBucket]. Rollback requested by user.")))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents(first, stack: inProgress), CFNXML.describeStackEvents(rest, stack: inProgress))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' failed to create: ROLLBACK_COMPLETE; first failure: ArtifactsBucket (AWS::S3::Bucket) CREATE_FAILED: "
                + bucketReason + "; fix the cause and deploy again (the rolled-back stack is deleted and re-created)")
        guard case .operationFailed(.create, let status, _, let failure)? = error?.kind else {
            Issue.record("unexpected kind")
            return
        }
        #expect(status == .rollbackComplete)
        #expect(failure?.logicalResourceId == "ArtifactsBucket")
        #expect(replay.sink.eventIds == (1...13).map { "f\($0)" })
        #expect(replay.sink.phases == [.started(.create), .failed(.create, .rollbackComplete)])
    }

    @Test func aFailedCreateStackCallNamesTheStackAndKeepsTheServiceError() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name))
        // moto reports a failing resource synchronously, with the inner service's code.
        replay.script.on("CreateStack", CFNXML.error(409, "BucketAlreadyExists", "The requested bucket name is not available."))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap': CreateStack failed: CloudFormation CreateStack: BucketAlreadyExists (HTTP 409): The requested bucket name is not available. [request id e-1]")
        #expect((error?.underlying as? AWSServiceError)?.code == "BucketAlreadyExists")
        #expect(replay.actions == ["DescribeStacks", "CreateStack"])
    }

    @Test func throttledPollsAreRetriedByTheClientAndTheWaitCompletes() async throws {
        let replay = Replay()
        let throttled = CFNXML.error(400, "Throttling", "Rate exceeded")
        let stack = F.stack(.createComplete)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), throttled, throttled, CFNXML.describeStacks(stack))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([F.stackEvent("t1", "CREATE_COMPLETE", at: 0.2, token: nil)], stack: stack))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(replay.actions == ["DescribeStacks", "CreateStack", "DescribeStacks", "DescribeStacks", "DescribeStacks", "DescribeStackEvents"])
        #expect(replay.clock.sleeps.isEmpty)  // the client retried; the deployer never had to poll again
    }

    @Test func aStackLeftInProgressTimesOutAfterAnHour() async throws {
        let replay = Replay()
        let stack = F.stack(.createInProgress)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(stack))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([F.stackEvent("s1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.1, token: nil)], stack: stack))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' is still CREATE_IN_PROGRESS after 60 min waiting for the create; check its events in the CloudFormation console (an emulator can leave a failed create in progress forever: delete the stack), then run again")
        let slept = replay.sleptSeconds
        #expect(Array(slept.prefix(5)) == [1, 2, 4, 5, 5])
        #expect(slept.allSatisfy { $0 <= 5 })
        let waited = replay.clock.now.timeIntervalSince(CFNXML.t0)
        #expect(waited >= 3600 && waited < 3605)
        #expect(replay.sink.eventIds == ["s1"])  // one event, however many polls
        #expect(replay.forms("DescribeStacks").count == slept.count + 2)
    }

    @Test func theTimeoutIsConfigurable() async throws {
        let replay = Replay()
        let stack = F.stack(.createInProgress)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(stack))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([], stack: stack))

        let error = await #expect(throws: StackDeployError.self) {
            _ = try await replay.deployer(policy: WaitPolicy(timeout: .seconds(10))).deploy(F.deployment())
        }

        #expect(error?.description.hasPrefix("stack 'mlops-bootstrap' is still CREATE_IN_PROGRESS after 12 s waiting for the create") == true)
        #expect(replay.sleptSeconds == [1, 2, 4, 5])
    }
}
