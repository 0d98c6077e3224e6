import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger

/// Bootstraps one stage: the execution-policy stack (when the stage uses a document), then the CDK
/// bootstrap stack, recording both and their resources in the ledger. The caller has already checked
/// that the session reaches the stage's account.
struct StageBootstrapper: Sendable {
    let spec: StageBootstrapSpec
    let session: AWSSession
    let recorder: LedgerRecorder
    let display: any StackProgressSink
    let options: BootstrapOptions

    func run() async -> StageBootstrapResult {
        var result = StageBootstrapResult(
            stage: spec.stage.stage.rawValue, account: spec.stage.account, region: spec.stage.region,
            trustedAccounts: spec.trustedAccounts, executionPolicies: spec.executionPolicyArns, stacks: [], deployedVersion: nil,
            error: nil, warnings: [])
        let applier = StackApplier(session: session, recorder: recorder, display: display, dryRun: options.dryRun)
        do {
            let existing = try await session.cloudFormation.describeStack(spec.bootstrapStackName)
            result.deployedVersion = existing.flatMap { Int($0.outputValues[BootstrapTemplate.OutputName.bootstrapVersion.rawValue] ?? "") }
            if let blocked = refusal(existing: existing, version: result.deployedVersion) {
                if case .skip(let warning) = blocked {
                    result.warnings.append(warning)
                    result.stacks.append(.init(stack: spec.bootstrapStackName, action: .skippedNewer, detail: warning))
                    return result
                }
                if case .refuse(let message) = blocked { throw StageRefusal(message: message) }
            }
            if let policyStack = spec.policyStack {
                result.stacks.append(try await applier.apply(policyStack))
            }
            let kmsKeyId = existing?.parameters.first { $0.key == BootstrapTemplate.ParameterName.fileAssetsBucketKmsKeyId.rawValue }?.value
            let protection = spec.terminationProtection ?? existing?.terminationProtection ?? false
            let bootstrap = spec.bootstrapDeployment(kmsKeyId: kmsKeyId, terminationProtection: protection)
            result.stacks.append(try await applier.apply(bootstrap))
        } catch {
            result.error = String(describing: error)
        }
        return result
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
