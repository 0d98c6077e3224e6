import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// A stack is read once per deployment: `deploy(plan)` acts on what `plan` read, and a caller that has just read the
/// stack (and its template) hands that read over as `KnownStack` instead of the deployer reading it again.
@Suite struct DeployerKnownStackTests {
    typealias F = Fixture

    static func motoEvents(_ stack: CFNXML.Stack) -> HTTPResponse {
        CFNXML.describeStackEvents(
            [F.stackEvent("m2", "CREATE_COMPLETE", at: 0.004, token: nil), F.stackEvent("m1", "CREATE_IN_PROGRESS", "User Initiated", at: 0.001, token: nil)],
            stack: stack)
    }

    @Test func deployingAPlanDoesNotReadTheStackAgain() async throws {
        let replay = Replay()
        let stack = F.stack(.createComplete)
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name), CFNXML.describeStacks(stack))
        replay.script.on("CreateStack", CFNXML.createStack(F.stackId))
        replay.script.on("DescribeStackEvents", Self.motoEvents(stack))
        let deployer = replay.deployer()

        let plan = try await deployer.plan(F.deployment(), known: nil)
        #expect(plan.change == .create)
        #expect(plan.stack == nil)
        let outcome = try await deployer.deploy(plan)

        #expect(outcome.kind == .created)
        #expect(outcome.outputs == ["BucketName": "mlops-artifacts-222222222222"])
        // One look before (the plan's), then the create and its wait's single poll: the stack was already settled.
        #expect(replay.actions == ["DescribeStacks", "CreateStack", "DescribeStacks", "DescribeStackEvents"])
        #expect(replay.clock.sleeps.isEmpty)
    }

    @Test func aStackAndTemplateTheCallerReadAreNotReadAgain() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        let deployer = replay.deployer()
        // The caller's own reads (as publish-catalog reads the catalog's template for the versions it lists).
        let described = try await deployer.cloudFormation.describeStack(F.name)
        let template = try await deployer.cloudFormation.getTemplate(stackName: F.stackId)

        let plan = try await deployer.plan(F.deployment(), known: KnownStack(description: described, originalTemplate: template))
        #expect(plan.change == .none)
        let outcome = try await deployer.deploy(plan)

        #expect(outcome.kind == .unchanged)
        #expect(replay.actions == ["DescribeStacks", "GetTemplate"])
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func aKnownStackWithoutItsTemplateStillComparesTheDeployedTemplate() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate("{\"Resources\": {}}"))
        let deployer = replay.deployer()
        let described = try await deployer.cloudFormation.describeStack(F.name)

        let plan = try await deployer.plan(F.deployment(), known: KnownStack(description: described))

        #expect(plan.change == .update([.templateChanged]))
        #expect(replay.actions == ["DescribeStacks", "GetTemplate"])
        #expect(replay.forms("GetTemplate").first?["StackName"] == F.stackId)
    }

    @Test func aReviewOfAStackKnownAbsentMakesNoRequest() async throws {
        let replay = Replay()
        let review = try await replay.deployer().review(F.deployment(), known: KnownStack(description: nil))

        #expect(review.kind == .create)
        #expect(replay.actions.isEmpty)
    }

    @Test func aKnownStackBusyWithAnotherOperationIsWaitedOutThenReadAfresh() async throws {
        let replay = Replay()
        // The caller saw it UPDATE_IN_PROGRESS; the wait polls it to UPDATE_COMPLETE, then the deployer looks again.
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateInProgress)), CFNXML.describeStacks(F.stack(.updateComplete)),
            CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        let deployer = replay.deployer()
        let described = try await deployer.cloudFormation.describeStack(F.name)

        let review = try await deployer.review(F.deployment(), known: KnownStack(description: described))

        #expect(review.kind == .unchanged)
        #expect(replay.actions == ["DescribeStacks", "DescribeStacks", "DescribeStacks", "GetTemplate"])
        #expect(replay.sleptSeconds == [1])
    }
}
