import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

@Suite struct DeployerUpdateTests {
    typealias F = Fixture

    static let oldTemplate = F.template.replacingOccurrences(of: #""DeployRole":{"Type":"AWS::IAM::Role"}"#, with: #""DeployRole":{"Type":"AWS::IAM::User"}"#)

    @Test func anUpdateRollbackFailsWithTheResourceReason() async throws {
        let replay = Replay()
        let token = "mlopsctl-update-1"
        let updating = F.stack(.updateInProgress)
        let roleReason = #"Resource handler returned message: "User: arn:aws:sts::222222222222:assumed-role/cfn-exec/x is not authorized to perform: iam:CreateRole" (Service: Iam, Status Code: 403, Request ID: 5d1c)"#
        // Newest first. The create from an hour ago (no token) and someone else's call (another token) are not ours.
        let poll1 = [
            F.event("u2", "DeployRole", "AWS::IAM::Role", "UPDATE_IN_PROGRESS", at: 0.4, token: token),
            F.stackEvent("u1", "UPDATE_IN_PROGRESS", "User Initiated", at: 0.2, token: token),
            F.stackEvent("c2", "CREATE_COMPLETE", at: -3500, token: nil),
            F.stackEvent("c1", "CREATE_IN_PROGRESS", "User Initiated", at: -3600, token: nil),
        ]
        let poll2 = [
            F.stackEvent("u7", "UPDATE_ROLLBACK_COMPLETE", at: 3.0, token: token),
            F.stackEvent("u6", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", at: 2.8, token: token),
            F.event("u5", "DeployRole", "AWS::IAM::Role", "UPDATE_COMPLETE", at: 2.5, token: token),
            F.stackEvent("u4", "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [DeployRole].", at: 1.2, token: token),
            F.event("x1", "ArtifactsKey", "AWS::KMS::Key", "UPDATE_FAILED", "someone else", at: 1.1, token: "console-7f3e"),
            F.event("u3", "DeployRole", "AWS::IAM::Role", "UPDATE_FAILED", roleReason, at: 1.0, token: token),
        ] + poll1
        replay.script.on(
            "DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)), CFNXML.describeStacks(updating),
            CFNXML.describeStacks(F.stack(.updateRollbackComplete, reason: "The following resource(s) failed to update: [DeployRole].")))
        replay.script.on("GetTemplate", CFNXML.getTemplate(Self.oldTemplate))
        replay.script.on("UpdateStack", CFNXML.updateStack(F.stackId))
        replay.script.on(
            "DescribeStackEvents", CFNXML.describeStackEvents(poll1, stack: updating), CFNXML.describeStackEvents(poll2, stack: updating))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap' failed to update: UPDATE_ROLLBACK_COMPLETE; first failure: DeployRole (AWS::IAM::Role) UPDATE_FAILED: "
                + roleReason + "; the stack was rolled back to its previous state; fix the cause and deploy again")
        #expect(replay.sink.eventIds == ["u1", "u2", "u3", "u4", "u5", "u6", "u7"])
        #expect(replay.sink.phases == [.started(.update), .failed(.update, .updateRollbackComplete)])
        let update = try #require(replay.forms("UpdateStack").first)
        #expect(update["StackName"] == F.stackId)
        #expect(update["TemplateBody"] == F.template)
        #expect(update["ClientRequestToken"] == token)
        #expect(update["Tags.member.1.Value"] == "dev")
        #expect(update["Capabilities.member.2"] == "CAPABILITY_NAMED_IAM")
        #expect(replay.modelProblems() == [])
    }

    @Test func planNoneMakesNoMutatingCall() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        let deployer = replay.deployer()

        #expect(try await deployer.plan(F.deployment()) == StackChange.none)
        let outcome = try await deployer.deploy(F.deployment())

        #expect(outcome.kind == .unchanged)
        #expect(outcome.outputs == ["BucketName": "mlops-artifacts-222222222222"])
        #expect(replay.recording.mutatingRequestCount == 0)
        #expect(replay.recording.requestCount == 4)
        #expect(replay.actions == ["DescribeStacks", "GetTemplate", "DescribeStacks", "GetTemplate"])
        #expect(replay.forms("GetTemplate").allSatisfy { $0["TemplateStage"] == "Original" && $0["StackName"] == F.stackId })
        #expect(replay.sink.phases == [.unchanged])
    }

    @Test func noUpdatesToPerformIsUnchanged() async throws {
        let replay = Replay()
        // Same template, but the deployed copy was written with different whitespace: CloudFormation decides.
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template + "\n"))
        replay.script.on("UpdateStack", CFNXML.error(400, "ValidationError", "No updates are to be performed."))

        let outcome = try await replay.deployer().deploy(F.deployment())

        #expect(outcome.kind == .unchanged)
        #expect(outcome.stack?.status == .createComplete)
        #expect(replay.actions == ["DescribeStacks", "GetTemplate", "UpdateStack"])
        #expect(replay.recording.mutatingOperations == ["UpdateStack"])
        #expect(replay.sink.phases == [.started(.update), .unchanged])
    }

    @Test func otherValidationErrorsFromUpdateStackFail() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(Self.oldTemplate))
        replay.script.on("UpdateStack", CFNXML.error(400, "ValidationError", "Parameters: [TrustedAccount] must have values"))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment()) }

        #expect(
            error?.description
                == "stack 'mlops-bootstrap': UpdateStack failed: CloudFormation UpdateStack: ValidationError (HTTP 400): Parameters: [TrustedAccount] must have values [request id e-1]")
    }

    @Test(arguments: [
        (F.deployment(template: oldTemplate), [UpdateReason.templateChanged]),
        (F.deployment(parameters: ["TrustedAccount": "333333333333"]), [.parameterChanged("TrustedAccount")]),
        // Omitting Stage means its default, "dev", which is what is deployed.
        (F.deployment(parameters: ["TrustedAccount": "111111111111", "Stage": "dev"]), []),
        (F.deployment(parameters: ["TrustedAccount": "111111111111", "Stage": "prod"]), [.parameterChanged("Stage")]),
        (F.deployment(parameters: [:]), [.parameterChanged("TrustedAccount")]),
        (F.deployment(tags: ["mlops:stage": "prod"]), [.tagsChanged]),
        (F.deployment(tags: [:]), [.tagsChanged]),
        (F.deployment(terminationProtection: true), [.terminationProtection(enabled: true)]),
        (F.deployment(template: oldTemplate, tags: [:], terminationProtection: true), [.templateChanged, .tagsChanged, .terminationProtection(enabled: true)]),
    ])
    func planNamesEachDifference(_ deployment: StackDeployment, _ reasons: [UpdateReason]) async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateRollbackComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))

        let change = try await replay.deployer().plan(deployment)

        #expect(change == (reasons.isEmpty ? .none : .update(reasons)))
        #expect(replay.recording.mutatingRequestCount == 0)
    }

    @Test func aDeployedParameterWithoutAReadableDefaultCountsAsChanged() async throws {
        let replay = Replay()
        let yaml = "Parameters:\n  Stage:\n    Type: String\n    Default: dev\nResources: {}\n"
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(yaml))

        let change = try await replay.deployer().plan(F.deployment(template: yaml))

        #expect(change == .update([.parameterChanged("Stage")]))
    }

    @Test func aTemplateURLIsNeverComparedOrFetched() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        var deployment = F.deployment()
        deployment.template = .url("https://cdk-assets.s3.eu-west-1.amazonaws.com/bootstrap.json")
        deployment.parameters["Stage"] = "dev"

        let change = try await replay.deployer().plan(deployment)

        #expect(change == .update([.templateNotComparable]))
        #expect(replay.actions == ["DescribeStacks"])
    }

    @Test func terminationProtectionTheEndpointDoesNotImplementIsAWarning() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        replay.script.on("UpdateTerminationProtection", CFNXML.localStackNotImplemented("UpdateTerminationProtection"))

        let outcome = try await replay.deployer().deploy(F.deployment(terminationProtection: true))

        #expect(outcome.kind == .unchanged)
        #expect(outcome.stack?.terminationProtection == false)
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.hasPrefix(
            "could not turn termination protection on: the endpoint does not implement it: CloudFormation UpdateTerminationProtection: InternalFailure (HTTP 501)") == true)
        // No UpdateStack: only the flag differs. A 501 is not retried.
        #expect(replay.actions == ["DescribeStacks", "GetTemplate", "UpdateTerminationProtection"])
        #expect(replay.sink.phases == [.warning(outcome.warnings[0]), .unchanged])
    }

    /// On AWS, a deploying identity without cloudformation:UpdateTerminationProtection on a production stack: the stage
    /// fails (the stack is deployed but unprotected), never a quiet warning.
    @Test func terminationProtectionRefusedFailsTheStage() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        let denial = "User: arn:aws:sts::444444444444:assumed-role/MLOpsDeployer/mlopsctl is not authorized to perform: "
            + "cloudformation:UpdateTerminationProtection on resource: \(F.stackId) because no identity-based policy allows the "
            + "cloudformation:UpdateTerminationProtection action"
        replay.script.on("UpdateTerminationProtection", CFNXML.error(403, "AccessDenied", denial))

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().deploy(F.deployment(terminationProtection: true)) }

        #expect(error?.description == "stack 'mlops-bootstrap' is deployed, but termination protection could not be turned on: "
            + "CloudFormation UpdateTerminationProtection: AccessDenied (HTTP 403): \(denial) [request id e-1]; allow "
            + "cloudformation:UpdateTerminationProtection on it (or change bootstrap.terminationProtection in the topology), then run again")
        #expect((error?.underlying as? AWSServiceError)?.code == "AccessDenied")
        #expect(replay.actions == ["DescribeStacks", "GetTemplate", "UpdateTerminationProtection"])
        #expect(!replay.sink.phases.contains { if case .warning = $0 { true } else { false } })
    }

    /// An opaque 500 (moto's HTML page: not implemented or crashed, it does not say) is retried, then fails: only an
    /// answer that says "not implemented" is downgraded.
    @Test func terminationProtectionServerErrorFailsAfterRetries() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        replay.script.on("UpdateTerminationProtection", CFNXML.motoServerError)

        let failing = await #expect(throws: StackDeployError.self) {
            _ = try await replay.deployer().deploy(F.deployment(terminationProtection: true))
        }
        #expect(failing?.description.hasPrefix("stack 'mlops-bootstrap' is deployed, but termination protection could not be turned on: "
            + "CloudFormation UpdateTerminationProtection: InternalServerError (HTTP 500)") == true)
        #expect(replay.actions.filter { $0 == "UpdateTerminationProtection" }.count == 3)
    }

    @Test(arguments: [
        (501, "NotImplemented", "", true), (400, "UnsupportedOperation", "", true), (500, "InternalFailure", "action has not been implemented", true),
        (500, "InternalServerError", "unrecognised error body: 500 Internal Server Error", false), (403, "AccessDenied", "not implemented", false),
        (400, "Throttling", "Rate exceeded", false), (503, "ServiceUnavailable", "", false),
    ])
    func onlyAnAnswerSayingNotImplementedCounts(status: Int, code: String, message: String, expected: Bool) {
        let error = AWSServiceError(serviceId: "CloudFormation", operation: "UpdateTerminationProtection", statusCode: status, code: code, message: message)
        #expect(NotImplementedAnswer.matches(error) == expected)
    }

    @Test func terminationProtectionIsTurnedOnWithoutAStackUpdate() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        replay.script.on("UpdateTerminationProtection", CFNXML.updateTerminationProtection(F.stackId))

        let outcome = try await replay.deployer().deploy(F.deployment(terminationProtection: true))

        #expect(outcome.kind == .updated)
        #expect(outcome.stack?.terminationProtection == true)
        #expect(outcome.warnings.isEmpty)
        #expect(replay.forms("UpdateTerminationProtection").first?["EnableTerminationProtection"] == "true")
        #expect(replay.forms("UpdateTerminationProtection").first?["StackName"] == F.stackId)
        #expect(replay.modelProblems() == [])
    }

    @Test func aSuccessfulUpdateReturnsTheNewOutputsAndClearsRemovedTags() async throws {
        let replay = Replay()
        let token = "mlopsctl-update-1"
        var updated = F.stack(.updateComplete)
        updated.outputs = [("BucketName", "mlops-artifacts-v2")]
        updated.tags = []
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.createComplete)), CFNXML.describeStacks(updated))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template))
        replay.script.on("UpdateStack", CFNXML.updateStack(F.stackId))
        replay.script.on(
            "DescribeStackEvents",
            CFNXML.describeStackEvents(
                [F.stackEvent("v2", "UPDATE_COMPLETE", at: 0.5, token: token), F.stackEvent("v1", "UPDATE_IN_PROGRESS", at: 0.1, token: token)],
                stack: updated))

        let outcome = try await replay.deployer().deploy(F.deployment(tags: [:]))

        #expect(outcome.kind == .updated)
        #expect(outcome.outputs == ["BucketName": "mlops-artifacts-v2"])
        #expect(replay.forms("UpdateStack").first?["Tags"] == "")
        #expect(replay.sink.phases == [.started(.update), .finished(.update, .updateComplete)])
        #expect(replay.modelProblems() == [])
    }
}
