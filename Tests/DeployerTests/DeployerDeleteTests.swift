import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

@Suite struct DeployerDeleteTests {
    typealias F = Fixture

    @Test func aMissingStackIsAlreadyDeleted() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name))

        let outcome = try await replay.deployer().delete(stackName: F.name)

        #expect(outcome.kind == .notFound)
        #expect(outcome.stack == nil)
        #expect(replay.actions == ["DescribeStacks"])
        #expect(replay.sink.phases == [.notFound])
    }

    @Test func deleteWaitsForDeleteComplete() async throws {
        let replay = Replay()
        let token = "mlopsctl-delete-1"
        let deleting = F.stack(.deleteInProgress)
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)), CFNXML.describeStacks(deleting), CFNXML.describeStacks(F.stack(.deleteComplete)))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        let d1 = F.stackEvent("d1", "DELETE_IN_PROGRESS", "User Initiated", at: 0.1, token: token)
        let d2 = F.event("d2", "ArtifactsBucket", "AWS::S3::Bucket", "DELETE_COMPLETE", at: 1.1, token: token)
        let d3 = F.stackEvent("d3", "DELETE_COMPLETE", at: 1.3, token: token)
        replay.script.on(
            "DescribeStackEvents", CFNXML.describeStackEvents([d1], stack: deleting), CFNXML.describeStackEvents([d3, d2, d1], stack: deleting))

        let outcome = try await replay.deployer().delete(stackName: F.name, roleARN: "arn:aws:iam::222222222222:role/exec")

        #expect(outcome.kind == .deleted)
        #expect(outcome.stack?.status == .deleteComplete)
        #expect(replay.actions == ["DescribeStacks", "DeleteStack", "DescribeStacks", "DescribeStackEvents", "DescribeStacks", "DescribeStackEvents"])
        #expect(replay.forms("DeleteStack").first == [
            "Action": "DeleteStack", "Version": "2010-05-15", "StackName": F.stackId, "RoleARN": "arn:aws:iam::222222222222:role/exec",
            "ClientRequestToken": token,
        ])
        #expect(replay.sink.eventIds == ["d1", "d2", "d3"])
        #expect(replay.sink.progresses.last?.resourcesDone == 1)
        #expect(replay.sink.phases == [.started(.delete), .finished(.delete, .deleteComplete)])
        #expect(replay.modelProblems() == [])
    }

    @Test func aStackThatVanishesWhileDeletingIsDeleted() async throws {
        let replay = Replay()
        // moto pops a stack whose delete hit an error: it disappears even by id.
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)), CFNXML.notFound(F.stackId))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        replay.script.on("DescribeStackEvents", CFNXML.notFound(F.stackId))

        let outcome = try await replay.deployer().delete(stackName: F.name)

        #expect(outcome.kind == .deleted)
        #expect(outcome.stack == nil)
    }

    @Test func deleteFailedNamesTheResourceThatStayed() async throws {
        let replay = Replay()
        let token = "mlopsctl-delete-1"
        let deleting = F.stack(.deleteInProgress)
        let bucketReason = "The bucket you tried to delete is not empty (Service: S3, Status Code: 409, Request ID: 9F2A)"
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)),
            CFNXML.describeStacks(F.stack(.deleteFailed, reason: "The following resource(s) failed to delete: [ArtifactsBucket].")))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        replay.script.on(
            "DescribeStackEvents",
            CFNXML.describeStackEvents(
                [
                    F.stackEvent("d4", "DELETE_FAILED", "The following resource(s) failed to delete: [ArtifactsBucket].", at: 30, token: token),
                    F.event("d3", "ArtifactsBucket", "AWS::S3::Bucket", "DELETE_FAILED", bucketReason, at: 29, token: token),
                    F.event("d2", "DeployRole", "AWS::IAM::Role", "DELETE_COMPLETE", at: 12, token: token),
                    F.stackEvent("d1", "DELETE_IN_PROGRESS", "User Initiated", at: 0.1, token: token),
                ], stack: deleting))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().delete(stackName: F.name) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' failed to delete: DELETE_FAILED; first failure: ArtifactsBucket (AWS::S3::Bucket) DELETE_FAILED: "
                + bucketReason + "; empty or retain the failed resources, then delete again")
        #expect(replay.sink.phases.last == .failed(.delete, .deleteFailed))
    }

    @Test func aRunningOperationIsWaitedOutBeforeDeleting() async throws {
        let replay = Replay()
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(F.stack(.updateInProgress)), CFNXML.describeStacks(F.stack(.updateComplete)),
            CFNXML.describeStacks(F.stack(.deleteComplete)))
        replay.script.on("DeleteStack", CFNXML.deleteStack)
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([], stack: F.stack(.deleteComplete)))

        let outcome = try await replay.deployer().delete(stackName: F.name)

        #expect(outcome.kind == .deleted)
        // The wait's last poll (UPDATE_COMPLETE) is what the delete acts on: the stack is not read a third time.
        #expect(replay.actions == ["DescribeStacks", "DescribeStacks", "DeleteStack", "DescribeStacks", "DescribeStackEvents"])
        #expect(replay.forms("DeleteStack").first?["StackName"] == F.stackId)
        #expect(replay.sink.phases.first == .waitingForOtherOperation(.updateInProgress))
    }

    @Test func someoneElsesDeleteFinishingIsEnough() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.deleteInProgress)), CFNXML.describeStacks(F.stack(.deleteComplete)))

        let outcome = try await replay.deployer().delete(stackName: F.name)

        #expect(outcome.kind == .deleted)
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func resourcesReadEveryPageAndDropGhostRows() async throws {
        let replay = Replay()
        replay.script.on(
            "ListStackResources",
            CFNXML.listStackResources([("ArtifactsBucket", "AWS::S3::Bucket"), ("ArtifactsKey", "AWS::KMS::Key")], ghosts: 2, nextToken: "p2"),
            CFNXML.listStackResources([("DeployRole", "AWS::IAM::Role")], ghosts: 1))

        let resources = try await replay.deployer().resources(stackName: F.name)

        #expect(resources.map(\.logicalResourceId) == ["ArtifactsBucket", "ArtifactsKey", "DeployRole"])
        #expect(resources.map(\.resourceType) == ["AWS::S3::Bucket", "AWS::KMS::Key", "AWS::IAM::Role"])
        #expect(replay.forms("ListStackResources").map { $0["NextToken"] } == [nil, "p2"])
    }

    @Test func resourcesOfAMissingStackNameTheStack() async throws {
        let replay = Replay()
        replay.script.on("ListStackResources", CFNXML.notFound("nope"))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().resources(stackName: "nope") }

        #expect(error?.description.hasPrefix("stack 'nope': ListStackResources failed: CloudFormation ListStackResources: ValidationError (HTTP 400)") == true)
    }
}
