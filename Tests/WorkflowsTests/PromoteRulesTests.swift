import Foundation
import Testing
import Topology
@testable import AWSServices
@testable import Workflows

/// The rules of `mlopsctl promote` that need no AWS: flags, approval states, gates and the prod confirmation.
@Suite struct PromoteRulesTests {
    static let group = "churn-p-abc123"
    static let arn = "arn:aws:sagemaker:us-east-1:222222222222:model-package/churn-p-abc123/2"

    static func package(_ status: ModelApprovalStatus?, group: String = group) -> ModelPackage {
        ModelPackage(
            name: group, groupName: group, version: 2, arn: arn, status: .completed, approvalStatus: status, creationTime: Date(timeIntervalSince1970: 0))
    }

    // MARK: - Flags

    @Test func skipGateNeedsAReasonAndAReasonNeedsSkipGate() {
        #expect(PromoteOptions(project: "churn", target: .preprod, skipGate: true).problems.contains { $0.contains("--skip-gate needs --reason") })
        #expect(PromoteOptions(project: "churn", target: .preprod, skipGate: true, reason: "  ").problems.count == 1)
        #expect(PromoteOptions(project: "churn", target: .preprod, skipGate: true, reason: "hotfix INC-42").problems.isEmpty)
        #expect(PromoteOptions(project: "churn", target: .preprod, reason: "why").problems == ["--reason only goes with --skip-gate"])
        #expect(PromoteOptions(project: "churn", target: .dev, skipGate: true, reason: "x").problems.count == 1)
    }

    @Test(arguments: ["arn:aws:sagemaker:us-east-1:222222222222:model-package/g", "not-an-arn", "arn:aws:s3:::bucket/g/1"])
    func explicitPackageMustBeAVersionARN(arn: String) {
        let problems = PromoteOptions(project: "churn", target: .dev, package: .explicit(arn)).problems
        #expect(problems.count == 1 && problems[0].contains("--model-package"))
    }

    // MARK: - Approval states

    @Test func approvedIsServedPendingNeedsApproveRejectedAndUnknownAreRefused() throws {
        #expect(try PackageSelection.judge(Self.package(.approved), group: Self.group, approve: false).needsApproval == false)
        #expect(try PackageSelection.judge(Self.package(.pendingManualApproval), group: Self.group, approve: true).needsApproval == true)
        let pending = #expect(throws: PromoteError.self) { try PackageSelection.judge(Self.package(.pendingManualApproval), group: Self.group, approve: false) }
        #expect(pending?.description.contains("--approve") == true)
        for status: ModelApprovalStatus? in [.rejected, nil, ModelApprovalStatus(rawValue: "Weird")] {
            for approve in [false, true] {
                let error = #expect(throws: PromoteError.self) { try PackageSelection.judge(Self.package(status), group: Self.group, approve: approve) }
                #expect(error?.description.contains(Self.arn) == true)
            }
        }
        let foreign = #expect(throws: PromoteError.self) {
            try PackageSelection.judge(Self.package(.approved, group: "other-p-1"), group: Self.group, approve: false)
        }
        #expect(foreign?.description.contains("other-p-1") == true)
    }

    // MARK: - Gates

    @Test func preprodNeedsThePackageLiveInDevAndProdInPreprod() async throws {
        let other = Self.arn.replacingOccurrences(of: "/2", with: "/1")
        let asked = Asked()
        // dev: no gate, nothing is asked.
        try await PromotionGate.check(target: .dev, packageArn: Self.arn, skipGate: false) { asked.add($0); return nil }
        #expect(asked.stages.isEmpty)
        // preprod: dev must serve it.
        try await PromotionGate.check(target: .preprod, packageArn: Self.arn, skipGate: false) { asked.add($0); return Self.arn }
        for live in [nil, other] {
            let error = await #expect(throws: PromoteError.self) {
                try await PromotionGate.check(target: .preprod, packageArn: Self.arn, skipGate: false) { _ in live }
            }
            #expect(error?.description.contains("--skip-gate --reason") == true && error?.description.contains("dev") == true)
        }
        // prod: preprod must serve it; dev serving it is not enough.
        try await PromotionGate.check(target: .prod, packageArn: Self.arn, skipGate: false) { asked.add($0); return $0 == .preprod ? Self.arn : nil }
        await #expect(throws: PromoteError.self) {
            try await PromotionGate.check(target: .prod, packageArn: Self.arn, skipGate: false) { $0 == .dev ? Self.arn : other }
        }
        #expect(asked.stages == [.dev, .preprod])
        // Skipped: the previous stage is not even looked at.
        try await PromotionGate.check(target: .prod, packageArn: Self.arn, skipGate: true) { asked.add($0); return nil }
        #expect(asked.stages == [.dev, .preprod])
    }

    // MARK: - Prod confirmation

    static let prod = StageConfig(stage: .prod, account: "444444444444", profile: "prod", region: "us-east-1")

    @Test func prodNeedsTheTypedAccountOnATerminalOrYesElsewhere() throws {
        // Not a TTY: --yes is required.
        let noTTY = #expect(throws: PromoteError.self) { try ProdConfirmation.confirm(target: Self.prod, yes: false, isInteractive: false) { _ in "444444444444" } }
        #expect(noTTY?.description.contains("--yes") == true)
        try ProdConfirmation.confirm(target: Self.prod, yes: true, isInteractive: false) { _ in Issue.record("--yes asks nothing"); return nil }
        // TTY: the account id must be typed exactly.
        try ProdConfirmation.confirm(target: Self.prod, yes: false, isInteractive: true) { question in
            #expect(question.contains("444444444444"))
            return " 444444444444 "
        }
        for answer: String? in ["y", "333333333333", nil] {
            #expect(throws: PromoteError.self) { try ProdConfirmation.confirm(target: Self.prod, yes: false, isInteractive: true) { _ in answer } }
        }
        // Other stages never ask.
        let preprod = StageConfig(stage: .preprod, account: "333333333333", profile: "pp", region: "us-east-1")
        try ProdConfirmation.confirm(target: preprod, yes: false, isInteractive: false) { _ in Issue.record("asked for preprod"); return nil }
    }

    @Test func roleSessionNameIsMlopsctlAndTheUser() {
        #expect(PromoteSessionName.make(user: "alice") == "mlopsctl-alice")
        #expect(PromoteSessionName.make(user: "al ice/$") == "mlopsctl-alice")
        #expect(PromoteSessionName.make(user: nil) == "mlopsctl-operator")
        #expect(PromoteSessionName.make(user: String(repeating: "u", count: 100)).count == 64)
    }
}

/// Which stages a gate looked at.
final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Stage] = []
    func add(_ stage: Stage) { lock.withLock { seen.append(stage) } }
    var stages: [Stage] { lock.withLock { seen } }
}
