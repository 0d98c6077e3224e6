import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// Stacks that cannot simply be updated: rolled-back creates, unexecuted change sets, other operations.
@Suite struct DeployerRecoveryTests {
    typealias F = Fixture

    @Test func aRolledBackCreateIsDeletedWaitedForAndCreatedAgain() async throws {
        let replay = Replay()
        let rolledBack = F.stack(.rollbackComplete, reason: "The following resource(s) failed to create: [ArtifactsBucket].")
        let deleting = F.stack(.deleteInProgress)
        let fresh = F.stack(.createComplete, id: F.newStackId)
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(rolledBack), CFNXML.describeStacks(rolledBack), CFNXML.describeStacks(deleting),
            CFNXML.describeStacks(F.stack(.deleteComplete)), CFNXML.describeStacks(fresh))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        replay.script.on("CreateStack", CFNXML.createStack(F.newStackId))
        // The failed create's events (another token, an hour ago) must not be shown again.
        let old = [
            F.stackEvent("old2", "ROLLBACK_COMPLETE", at: -3500, token: "mlopsctl-create-old"),
            F.event("old1", "ArtifactsBucket", "AWS::S3::Bucket", "CREATE_FAILED", "already exists", at: -3550, token: "mlopsctl-create-old"),
        ]
        let d1 = F.stackEvent("d1", "DELETE_IN_PROGRESS", "User Initiated", at: 0.2, token: "mlopsctl-delete-1")
        let d2 = F.stackEvent("d2", "DELETE_COMPLETE", at: 1.5, token: "mlopsctl-delete-1")
        let c1 = F.stackEvent("c1", "CREATE_IN_PROGRESS", "User Initiated", at: 1.6, token: "mlopsctl-create-2")
        let c2 = F.stackEvent("c2", "CREATE_COMPLETE", at: 1.9, token: "mlopsctl-create-2")
        replay.script.on(
            "DescribeStackEvents", CFNXML.describeStackEvents([d1] + old, stack: deleting), CFNXML.describeStackEvents([d2, d1] + old, stack: deleting),
            CFNXML.describeStackEvents([c2, c1], stack: fresh))
        let deployer = replay.deployer()

        #expect(try await deployer.plan(F.deployment()) == .recreate(.creationRolledBack(.rollbackComplete)))
        let outcome = try await deployer.deploy(F.deployment(roleARN: "arn:aws:iam::222222222222:role/exec"))

        #expect(outcome.kind == .created)
        #expect(outcome.recreated)
        #expect(outcome.stack?.stackId == F.newStackId)
        #expect(replay.actions == [
            "DescribeStacks",  // plan
            "DescribeStacks", "DeleteStack", "DescribeStacks", "DescribeStackEvents", "DescribeStacks", "DescribeStackEvents",
            "CreateStack", "DescribeStacks", "DescribeStackEvents",
        ])
        let delete = try #require(replay.forms("DeleteStack").first)
        #expect(delete["StackName"] == F.stackId)  // by id, never a same-name newcomer
        #expect(delete["ClientRequestToken"] == "mlopsctl-delete-1")
        #expect(delete["RoleARN"] == "arn:aws:iam::222222222222:role/exec")
        #expect(replay.forms("DescribeStacks").dropFirst(2).prefix(2).allSatisfy { $0["StackName"] == F.stackId })
        #expect(replay.sink.eventIds == ["d1", "d2", "c1", "c2"])
        #expect(replay.sink.phases == [
            .deletingForRecreate(.creationRolledBack(.rollbackComplete)), .started(.delete), .finished(.delete, .deleteComplete),
            .started(.create), .finished(.create, .createComplete),
        ])
        #expect(replay.modelProblems() == [])
    }

    @Test func anEmptyReviewInProgressStackIsRecreated() async throws {
        let replay = Replay()
        let review = F.stack(.reviewInProgress)
        let fresh = F.stack(.createComplete, id: F.newStackId)
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(review), CFNXML.describeStacks(review), CFNXML.describeStacks(F.stack(.deleteComplete)),
            CFNXML.describeStacks(fresh))
        // moto lists skipped resources as ghost rows: they are not resources.
        replay.script.on("ListStackResources", CFNXML.listStackResources([], ghosts: 2))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        replay.script.on("CreateStack", CFNXML.createStack(F.newStackId))
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([], stack: review))
        let deployer = replay.deployer()

        #expect(try await deployer.plan(F.deployment()) == .recreate(.reviewInProgress))
        let outcome = try await deployer.deploy(F.deployment())

        #expect(outcome.kind == .created)
        #expect(outcome.recreated)
        #expect(replay.actions == [
            "DescribeStacks", "ListStackResources",  // plan
            "DescribeStacks", "ListStackResources", "DeleteStack", "DescribeStacks", "DescribeStackEvents",
            "CreateStack", "DescribeStacks", "DescribeStackEvents",
        ])
        #expect(replay.clock.sleeps.isEmpty)
        #expect(replay.modelProblems() == [])
    }

    @Test func aReviewInProgressStackWithResourcesIsLeftAlone() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.reviewInProgress)))
        replay.script.on("ListStackResources", CFNXML.listStackResources([("ArtifactsBucket", "AWS::S3::Bucket")], ghosts: 1))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' is REVIEW_IN_PROGRESS (a change set was never executed) and holds 1 resource(s); delete the stack or execute its change set, then run again")
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func aReviewInProgressStackWhoseResourcesCannotBeListedIsLeftAlone() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.reviewInProgress)))
        // moto creates change-set resources lazily and re-raises their failure on listing.
        replay.script.on("ListStackResources", CFNXML.error(409, "BucketAlreadyExists", "The requested bucket name is not available."))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().plan(F.deployment()) }

        #expect(error?.description.contains("its resources could not be listed (CloudFormation ListStackResources: BucketAlreadyExists (HTTP 409)") == true)
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func anotherOperationIsWaitedOutThenPlannedAgain() async throws {
        let replay = Replay()
        let busy = F.stack(.updateInProgress)
        let done = F.stack(.updateComplete)
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(busy), CFNXML.describeStacks(busy), CFNXML.describeStacks(busy), CFNXML.describeStacks(done),
            CFNXML.describeStacks(done))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        let deployer = replay.deployer()

        #expect(try await deployer.plan(F.deployment()) == .blocked(.updateInProgress))
        let outcome = try await deployer.deploy(F.deployment())

        #expect(outcome.kind == .unchanged)
        #expect(replay.actions == ["DescribeStacks", "DescribeStacks", "DescribeStacks", "DescribeStacks", "DescribeStacks", "GetTemplate"])
        #expect(replay.forms("DescribeStacks").map { $0["StackName"] } == [F.name, F.name, F.stackId, F.stackId, F.name])  // the wait follows the id
        #expect(replay.sleptSeconds == [1, 2])
        #expect(replay.sink.phases == [.waitingForOtherOperation(.updateInProgress), .unchanged])
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func waitingForAnotherOperationIsBounded() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateRollbackInProgress)))

        let error = await #expect(throws: StackDeployError.self) {
            _ = try await replay.deployer(policy: WaitPolicy(timeout: .seconds(300))).deploy(F.deployment())
        }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' is still UPDATE_ROLLBACK_IN_PROGRESS after 5 min waiting for another operation on it; check its events in the CloudFormation console (an emulator can leave a failed create in progress forever: delete the stack), then run again")
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test(arguments: [
        (StackStatus.updateRollbackFailed, "run 'aws cloudformation continue-update-rollback' on it (or delete it), then run again"),
        (StackStatus.createFailed, "rollback was disabled: run 'aws cloudformation rollback-stack' on it (or delete it), then run again"),
        (StackStatus.deleteFailed, "delete it (retaining the resources that failed to delete), then run again"),
    ])
    func statesThatNeedAPersonAreReportedWithoutMutating(_ status: StackStatus, _ advice: String) async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(status)))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(error?.description == "stack 'mlops-bootstrap' is \(status), which mlopsctl does not repair by itself; \(advice)")
        #expect(replay.actions == ["DescribeStacks"])
    }
}
