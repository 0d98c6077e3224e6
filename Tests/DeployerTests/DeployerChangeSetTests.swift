import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// `review` + `apply`: updates through change sets, with the replacement guard. Responses are AWS's shapes (the
/// DescribeChangeSet example of the API reference), plus moto's differences where they matter.
@Suite struct DeployerChangeSetTests {
    typealias F = Fixture

    /// The deployed template: the bucket is named through a parameter-free string.
    static let deployed = """
        {"Parameters":{"TrustedAccount":{"Type":"String"},"Stage":{"Type":"String","Default":"dev"}},\
        "Resources":{"ArtifactsKey":{"Type":"AWS::KMS::Key"},"ArtifactsBucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"mlops-artifacts-222222222222"}},\
        "DeployRole":{"Type":"AWS::IAM::Role","Properties":{"RoleName":{"Fn::Sub":"mlops-deploy-${ArtifactsKey}"}}},\
        "Version":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/mlops/version","Type":"String","Value":"1"}}},\
        "Outputs":{"BucketName":{"Value":{"Ref":"ArtifactsBucket"}}}}
        """
    static let renamedBucket = deployed.replacingOccurrences(of: #""BucketName":"mlops-artifacts-222222222222""#, with: #""BucketName":"mlops-data-222222222222""#)
    static let newVersion = deployed.replacingOccurrences(of: #""Value":"1""#, with: #""Value":"2""#)

    static let bucketReplaced = CFNXML.Change(
        action: "Modify", logicalId: "ArtifactsBucket", type: "AWS::S3::Bucket", physicalId: "mlops-artifacts-222222222222", replacement: "True",
        scope: ["Properties"], details: [("Properties", "BucketName", "Always", "Static", "DirectModification", nil)])
    static let versionModified = CFNXML.Change(
        action: "Modify", logicalId: "Version", type: "AWS::SSM::Parameter", physicalId: "/mlops/version", replacement: "False",
        scope: ["Properties"], details: [("Properties", "Value", "Never", "Static", "DirectModification", nil)])

    /// DescribeStacks (stable), GetTemplate (`deployed`), CreateChangeSet; DescribeChangeSet is first still pending,
    /// then complete over two pages.
    static func scriptUpdate(_ replay: Replay, pages: [[CFNXML.Change]]) {
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(deployed))
        replay.script.on("CreateChangeSet", CFNXML.createChangeSet())
        var replies = [CFNXML.describeChangeSet("CREATE_PENDING", execution: "UNAVAILABLE")]
        for (index, page) in pages.enumerated() {
            replies.append(CFNXML.describeChangeSet("CREATE_COMPLETE", changes: page, nextToken: index + 1 < pages.count ? "page-\(index + 2)" : nil))
        }
        for reply in replies { replay.script.on("DescribeChangeSet", reply) }
        replay.script.on("DeleteChangeSet", CFNXML.deleteChangeSet)
    }

    @Test func aReplacedBucketIsRefusedAndItsChangeSetDeleted() async throws {
        let replay = Replay()
        Self.scriptUpdate(replay, pages: [[Self.bucketReplaced], [Self.versionModified]])
        let deployer = replay.deployer()

        let review = try await deployer.review(F.deployment(template: Self.renamedBucket))
        let error = await #expect(throws: StackDeployError.self) { _ = try await deployer.apply(review, allowReplace: false) }

        #expect(review.kind == .update)
        #expect(review.changeSetId == CFNXML.changeSetId)
        // Both pages were read; the bucket carries CloudFormation's reason and the template comparison's.
        #expect(review.resourceChanges.map(\.logicalId) == ["ArtifactsBucket", "Version"])
        let bucket = try #require(review.resourceChanges.first)
        #expect(bucket.replacement == "True" && bucket.stateful && bucket.isDestructive)
        #expect(bucket.reasons == ["BucketName requires replacement", "BucketName changes (a replacement property)"])
        #expect(review.resourceChanges[1].isDestructive == false && review.resourceChanges[1].replacementText == "no")
        #expect(review.destructiveChanges.map(\.logicalId) == ["ArtifactsBucket"])
        #expect(
            error?.description
                == "stack 'mlops-bootstrap': refused: the update would replace or delete 1 stateful resource, losing what it holds: "
                + "ArtifactsBucket (AWS::S3::Bucket): replaced: BucketName requires replacement; BucketName changes (a replacement property); "
                + "nothing was changed (the change set was deleted)")
        #expect(replay.actions == [
            "DescribeStacks", "GetTemplate", "CreateChangeSet", "DescribeChangeSet", "DescribeChangeSet", "DescribeChangeSet", "DeleteChangeSet",
        ])
        #expect(replay.forms("DescribeChangeSet").map { $0["NextToken"] } == [nil, nil, "page-2"])
        #expect(replay.forms("DeleteChangeSet").first?["ChangeSetName"] == CFNXML.changeSetId)
        #expect(replay.sleptSeconds == [1])  // one poll while CREATE_PENDING
        let create = try #require(replay.forms("CreateChangeSet").first)
        #expect(create["StackName"] == F.name && create["ChangeSetType"] == "UPDATE" && create["ChangeSetName"] == "mlopsctl-1")
        #expect(create["TemplateBody"] == Self.renamedBucket && create["ClientToken"] == "mlopsctl-changeset-1")
        #expect(create["Capabilities.member.2"] == "CAPABILITY_NAMED_IAM" && create["Tags.member.1.Key"] == "mlops:stage")
        #expect(replay.modelProblems() == [])
    }

    @Test func allowReplaceExecutesTheReviewedChangeSet() async throws {
        let replay = Replay()
        Self.scriptUpdate(replay, pages: [[Self.bucketReplaced, Self.versionModified]])
        let token = "mlopsctl-update-2"
        let updating = F.stack(.updateInProgress)
        // After the review's DescribeStacks: in progress, then complete.
        replay.script.on("DescribeStacks", CFNXML.describeStacks(updating), CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("ExecuteChangeSet", CFNXML.executeChangeSet)
        replay.script.on(
            "DescribeStackEvents",
            CFNXML.describeStackEvents([F.stackEvent("e1", "UPDATE_IN_PROGRESS", "User Initiated", at: 2, token: token)], stack: updating),
            CFNXML.describeStackEvents(
                [F.stackEvent("e2", "UPDATE_COMPLETE", at: 5, token: token), F.stackEvent("e1", "UPDATE_IN_PROGRESS", "User Initiated", at: 2, token: token)],
                stack: updating))
        let deployer = replay.deployer()

        let review = try await deployer.review(F.deployment(template: Self.renamedBucket))
        let outcome = try await deployer.apply(review, allowReplace: true)

        #expect(outcome.kind == .updated)
        #expect(outcome.stack?.status == .updateComplete)
        let execute = try #require(replay.forms("ExecuteChangeSet").first)
        #expect(execute["ChangeSetName"] == CFNXML.changeSetId && execute["ClientRequestToken"] == token)
        #expect(replay.forms("DeleteChangeSet").isEmpty)
        #expect(!replay.actions.contains("UpdateStack"))
        #expect(replay.sink.eventIds == ["e1", "e2"])
        #expect(replay.sink.phases == [.started(.update), .finished(.update, .updateComplete)])
        #expect(replay.modelProblems() == [])
    }

    @Test func aConditionalReplacementOnlyCloudFormationSeesIsRefused() async throws {
        // The role's name follows the key's id: the template text of RoleName is unchanged, CloudFormation alone knows.
        let replay = Replay()
        let role = CFNXML.Change(
            action: "Modify", logicalId: "DeployRole", type: "AWS::IAM::Role", physicalId: "mlops-deploy-1234", replacement: "Conditional",
            scope: ["Properties"], details: [("Properties", "RoleName", "Always", "Dynamic", "ResourceReference", "ArtifactsKey")])
        Self.scriptUpdate(replay, pages: [[role, Self.versionModified]])

        let review = try await replay.deployer().review(F.deployment(template: Self.newVersion))

        #expect(review.destructiveChanges.map(\.logicalId) == ["DeployRole"])
        #expect(review.destructiveChanges.first?.reasons == ["RoleName requires replacement (through ArtifactsKey)"])
        #expect(review.destructiveChanges.first?.summary == "DeployRole (AWS::IAM::Role): may be replaced: RoleName requires replacement (through ArtifactsKey)")
    }

    @Test func whereTheChangeSetGivesNoReplacementTheTemplateComparisonRefuses() async throws {
        // moto's change sets name the action only.
        let replay = Replay()
        Self.scriptUpdate(replay, pages: [[CFNXML.Change(action: "Modify", logicalId: "ArtifactsBucket", type: "AWS::S3::Bucket")]])

        let review = try await replay.deployer().review(F.deployment(template: Self.renamedBucket))

        let bucket = try #require(review.resourceChanges.first)
        #expect(bucket.replacement == nil && bucket.isDestructive && bucket.replacementText == "yes")
        #expect(bucket.reasons == ["BucketName changes (a replacement property)"])
    }

    @Test func aNonStatefulChangeIsAppliedWithoutAllowReplace() async throws {
        let replay = Replay()
        let ssmReplaced = CFNXML.Change(
            action: "Modify", logicalId: "Version", type: "AWS::SSM::Parameter", physicalId: "/mlops/version", replacement: "True",
            scope: ["Properties"], details: [("Properties", "Name", "Always", "Static", "DirectModification", nil)])
        Self.scriptUpdate(replay, pages: [[ssmReplaced]])
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("ExecuteChangeSet", CFNXML.executeChangeSet)
        replay.script.on("DescribeStackEvents", CFNXML.describeStackEvents([], stack: F.stack(.updateComplete)))
        let deployer = replay.deployer()

        let review = try await deployer.review(F.deployment(template: Self.newVersion))
        let outcome = try await deployer.apply(review, allowReplace: false)

        #expect(review.destructiveChanges.isEmpty)
        #expect(review.resourceChanges.first?.replacementText == "yes")
        #expect(outcome.kind == .updated)
        #expect(replay.forms("ExecuteChangeSet").count == 1)
    }

    @Test(arguments: [
        "The submitted information didn't contain changes. Submit different information to create a change set.",
        "No updates are to be performed.",
    ])
    func aChangeSetWithoutChangesIsDeletedAndTheStackUnchanged(_ reason: String) async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template + "\n"))  // whitespace only: CloudFormation decides
        replay.script.on("CreateChangeSet", CFNXML.createChangeSet())
        replay.script.on("DescribeChangeSet", CFNXML.describeChangeSet("FAILED", reason: reason, execution: "UNAVAILABLE"))
        replay.script.on("DeleteChangeSet", CFNXML.deleteChangeSet)
        let deployer = replay.deployer()

        let review = try await deployer.review(F.deployment())
        let outcome = try await deployer.apply(review, allowReplace: false)

        #expect(review.kind == .unchanged && review.changeSetId == nil)
        #expect(outcome.kind == .unchanged)
        #expect(replay.recording.mutatingOperations == ["CreateChangeSet", "DeleteChangeSet"])
        #expect(replay.sink.phases == [.unchanged])
    }

    @Test func motosSynchronousNoUpdatesIsUnchangedWithNothingToDelete() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(F.template + "\n"))
        replay.script.on("CreateChangeSet", CFNXML.error(400, "ValidationError", "No updates are to be performed."))

        let review = try await replay.deployer().review(F.deployment())

        #expect(review.kind == .unchanged)
        #expect(replay.recording.mutatingOperations == ["CreateChangeSet"])
    }

    @Test func aChangeSetCloudFormationCannotMakeFailsWithItsReasonAndIsDeleted() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.describeStacks(F.stack(.updateComplete)))
        replay.script.on("GetTemplate", CFNXML.getTemplate(Self.deployed))
        replay.script.on("CreateChangeSet", CFNXML.createChangeSet())
        let reason = "Parameter validation failed: parameter value mlops-x for parameter name TrustedAccount does not exist."
        replay.script.on("DescribeChangeSet", CFNXML.describeChangeSet("FAILED", reason: reason, execution: "UNAVAILABLE"))
        replay.script.on("DeleteChangeSet", CFNXML.deleteChangeSet)

        let error = await #expect(throws: StackDeployError.self) { _ = try await replay.deployer().review(F.deployment(template: Self.newVersion)) }

        #expect(error?.description == "stack 'mlops-bootstrap': CloudFormation could not make a change set: \(reason); fix the template or parameters, then run again")
        #expect(replay.forms("DeleteChangeSet").count == 1)
    }

    @Test func aCreateIsReviewedAsEveryResourceAddedWithoutAChangeSet() async throws {
        let replay = Replay()
        replay.script.on("DescribeStacks", CFNXML.notFound(F.name))

        let review = try await replay.deployer().review(F.deployment(template: Self.deployed))

        #expect(review.kind == .create && review.changeSetId == nil)
        #expect(review.resourceChanges.map { "\($0.action) \($0.logicalId)" } == ["Add ArtifactsBucket", "Add ArtifactsKey", "Add DeployRole", "Add Version"])
        #expect(review.destructiveChanges.isEmpty)
        #expect(replay.recording.mutatingRequestCount == 0)
    }
}
