import AWSConfig
import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// `--record-requests` tells whose credentials each request needed: the profile's own role steps are the
/// profile chain's, AssumeRole of a deploy role is the operator's, and what is sent as that role is the role's.
@Suite struct SessionRequestLabelTests {
    @Test func theProfileChainTheOperatorAndAnAssumedRoleAreRecordedApart() async throws {
        let collector = RequestCollector(verb: "promote")
        let scripted = FakeSTS.transport()
        let observed = ObservedTransport(base: scripted, observer: collector, labels: RequestLabels(stage: "preprod", account: "333333333333"))
        let session = try AWSSession.make(
            profile: "target", environment: EnvironmentVariables([:]), config: AWSSessionChainTests.twoStepChain, transport: observed,
            logger: TestClients.quietLogger, mfaPrompt: FixedMFACode(code: "654321"), clock: FakeClock().clock)
        let deployRole = "arn:aws:iam::333333333333:role/cdk-hnb659fds-deploy-role-333333333333-us-west-2"

        _ = try await session.assumingRole(deployRole, sessionName: "mlopsctl-test").sts.getCallerIdentity()

        let rows = collector.records.map { "\($0.principal) \($0.actions.joined(separator: ","))" }
        #expect(rows == [
            "profile-chain sts:AssumeRole", "profile-chain sts:AssumeRole", "operator sts:AssumeRole", "\(deployRole) sts:GetCallerIdentity",
        ])
        #expect(collector.records.allSatisfy { $0.stage == "preprod" && $0.account == "333333333333" && $0.verb == "promote" })
    }
}
