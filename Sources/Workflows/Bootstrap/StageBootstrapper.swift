import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger

/// Bootstraps one stage in two steps: `review` works out what the execution-policy stack (when the stage uses a
/// document) and the CDK bootstrap stack need (an update gets a CloudFormation change set listing every resource it
/// touches), then `apply` carries that out, recording both stacks and their resources in the ledger, or `discard`
/// drops it. The caller has already checked that the session reaches the stage's account.
struct StageBootstrapper: Sendable {
    let spec: StageBootstrapSpec
    let session: AWSSession
    let recorder: LedgerRecorder
    let display: any StackProgressSink
    let options: BootstrapOptions

    /// One stage's reviewed stacks, in deployment order; `result` already holds a failure or a skip that ended the review.
    struct Review: Sendable {
        var result: StageBootstrapResult
        var stacks: [StackReview]

        /// The plan as a result: `would-*` actions with each stack's resource changes.
        func planned(allowReplace: Bool) -> StageBootstrapResult {
            var planned = result
            planned.stacks += stacks.map { review in
                var line = StackApplier.dryRunResult(review.stackName, review.change)
                line.changes = review.resourceChanges
                let destructive = review.destructiveChanges
                if !destructive.isEmpty {
                    line.action = allowReplace ? .wouldUpdate : .wouldRefuse
                    line.detail = "replaces or deletes " + destructive.map(\.summary).joined(separator: "; ")
                }
                if !review.notes.isEmpty { line.detail = ([line.detail].compactMap { $0 } + review.notes).joined(separator: "; ") }
                return line
            }
            return planned
        }

        var destructiveChanges: [PlannedResourceChange] { stacks.flatMap(\.destructiveChanges) }
    }

    /// One applier for the stage's run: the drift check after the deployment starts from the stacks it left.
    let applier: StackApplier

    init(spec: StageBootstrapSpec, session: AWSSession, recorder: LedgerRecorder, display: any StackProgressSink, options: BootstrapOptions) {
        self.spec = spec
        self.session = session
        self.recorder = recorder
        self.display = display
        self.options = options
        applier = StackApplier(session: session, recorder: recorder, display: display, dryRun: options.dryRun)
    }

    func review() async -> Review {
        var result = StageBootstrapResult(
            stage: spec.stage.stage.rawValue, account: spec.stage.account, region: spec.stage.region,
            trustedAccounts: spec.trustedAccounts, executionPolicies: spec.executionPolicyArns, stacks: [], deployedVersion: nil,
            error: nil, warnings: [])
        var reviews: [StackReview] = []
        do {
            // Outputs are read before anything is changed here (moto does not rebuild them when it executes a change set).
            let existing = try await session.cloudFormation.describeStack(spec.bootstrapStackName)
            result.deployedVersion = existing.flatMap { Int($0.outputValues[BootstrapTemplate.OutputName.bootstrapVersion.rawValue] ?? "") }
            switch refusal(existing: existing, version: result.deployedVersion) {
            case .skip(let warning):
                result.warnings.append(warning)
                result.stacks.append(.init(stack: spec.bootstrapStackName, action: .skippedNewer, detail: warning))
                return Review(result: result, stacks: [])
            case .refuse(let message):
                throw StageRefusal(message: message)
            case nil:
                break
            }
            if let policyStack = spec.policyStack {
                reviews.append(try await applier.review(policyStack))
            }
            let kmsKeyId = existing?.parameters.first { $0.key == BootstrapTemplate.ParameterName.fileAssetsBucketKmsKeyId.rawValue }?.value
            let protection = spec.terminationProtection ?? existing?.terminationProtection ?? false
            // The stack was just read above: its review starts from that read.
            reviews.append(try await applier.review(
                spec.bootstrapDeployment(kmsKeyId: kmsKeyId, terminationProtection: protection), known: KnownStack(description: existing)))
        } catch {
            result.error = String(describing: error)
            result.warnings += await discard(reviews)
            reviews = []
        }
        return Review(result: result, stacks: reviews)
    }

    /// Applies the reviewed stacks in order. A failure stops the stage and deletes the change sets not yet executed.
    func apply(_ review: Review) async -> StageBootstrapResult {
        var result = review.result
        for (index, stack) in review.stacks.enumerated() {
            do {
                result.stacks.append(try await applier.apply(stack, allowReplace: options.allowReplace))
            } catch {
                result.error = String(describing: error)
                result.warnings += await discard(Array(review.stacks[(index + 1)...]))
                break
            }
        }
        if result.error == nil, !options.dryRun, result.stacks.contains(where: { $0.stack == spec.bootstrapStackName }) {
            // Best effort: the graph falls back to the seed's default trust for a row without it.
            try? await recorder.recordTrust(stack: spec.bootstrapStackName, accounts: spec.trustedAccounts)
        }
        if result.error == nil {
            await repairDrift(review.stacks.map(\.stackName), into: &result)
        }
        return result
    }

    /// What was changed by hand in the stage's stacks (a trust policy, a bucket's settings), put back now that they are
    /// deployed; in a dry run, what would be. A failure fails the stage.
    func repairDrift(_ stackNames: [String], into result: inout StageBootstrapResult) async {
        let repairer = DriftRepairer(session: session, account: spec.stage.account, region: spec.stage.region)
        for name in stackNames {
            do {
                result.repairs += try await repairer.repair(stackName: name, dryRun: options.dryRun, known: applier.deployed[name])
            } catch {
                result.error = String(describing: error)
                return
            }
        }
    }

    /// Deletes the change sets of `reviews`; returns a warning for each one that could not be deleted.
    func discard(_ reviews: [StackReview]) async -> [String] {
        var warnings: [String] = []
        for review in reviews {
            do {
                try await applier.discard(review)
            } catch {
                warnings.append("could not delete the change set of \(review.stackName): \(error)")
            }
        }
        return warnings
    }

    private enum Refusal { case skip(String), refuse(String) }

    /// The CDK CLI's safety checks: never downgrade, never overwrite another variant (both unless --force).
    private func refusal(existing: StackDescription?, version: Int?) -> Refusal? {
        guard let existing, !options.force else { return nil }
        if let version, version > BootstrapTemplate.version {
            return .skip(
                "\(spec.bootstrapStackName) is at bootstrap version \(version), newer than mlopsctl's \(BootstrapTemplate.version); "
                    + "left as it is (--force replaces it)")
        }
        let variant = existing.parameters.first { $0.key == BootstrapTemplate.ParameterName.bootstrapVariant.rawValue }?.value
        if let variant, variant != BootstrapTemplate.variant {
            return .refuse("\(spec.bootstrapStackName) is a customised bootstrap (variant '\(variant)'); pass --force to replace it")
        }
        return nil
    }
}

struct StageRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
