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
        let collector = EventCollector(display: display)
        let deployer = StackDeployer(cloudFormation: session.cloudFormation, sink: collector, logger: session.logger)
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
                result.stacks.append(try await apply(policyStack, deployer: deployer, collector: collector))
            }
            let kmsKeyId = existing?.parameters.first { $0.key == BootstrapTemplate.ParameterName.fileAssetsBucketKmsKeyId.rawValue }?.value
            let protection = spec.terminationProtection ?? existing?.terminationProtection ?? false
            let bootstrap = spec.bootstrapDeployment(kmsKeyId: kmsKeyId, terminationProtection: protection)
            result.stacks.append(try await apply(bootstrap, deployer: deployer, collector: collector))
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

    /// Plans one stack; on a real run deploys it when anything differs, recording it and its resources.
    private func apply(_ deployment: StackDeployment, deployer: StackDeployer, collector: EventCollector) async throws
        -> StageBootstrapResult.StackResult
    {
        let change = try await deployer.plan(deployment)
        let name = deployment.stackName
        if options.dryRun { return Self.dryRunResult(name, change) }
        if case .none = change {
            let rowId = try await recorder.confirm(stack: name)
            try await recorder.recordResources(try await deployer.resources(stackName: name), stack: name, stackRowId: rowId)
            return .init(stack: name, action: .unchanged, detail: nil)
        }
        let existed: Bool = if case .create = change { false } else { true }
        let (outcome, rowId): (StackOutcome, Int64?)
        do {
            (outcome, rowId) = try await recorder.around(stack: name, existed: existed) { try await deployer.deploy(deployment) }
        } catch {
            try? await recorder.record(events: collector.drain())
            throw error
        }
        try await recorder.record(events: collector.drain())
        try await recorder.recordResources(try await deployer.resources(stackName: name), stack: name, stackRowId: rowId)
        let action: StageBootstrapResult.Action
        switch outcome.kind {
        case .created: action = .created
        case .updated: action = .updated
        default: action = .unchanged
        }
        return .init(stack: name, action: action, detail: outcome.warnings.isEmpty ? nil : outcome.warnings.joined(separator: "; "))
    }

    static func dryRunResult(_ name: String, _ change: StackChange) -> StageBootstrapResult.StackResult {
        switch change {
        case .none: return .init(stack: name, action: .unchanged, detail: nil)
        case .create: return .init(stack: name, action: .wouldCreate, detail: nil)
        case .update(let reasons): return .init(stack: name, action: .wouldUpdate, detail: reasons.map(\.description).joined(separator: "; "))
        case .recreate(let reason): return .init(stack: name, action: .wouldRecreate, detail: reason.description)
        case .blocked(let status): return .init(stack: name, action: .wouldUpdate, detail: "after the running operation (\(status.rawValue)) ends")
        }
    }
}

struct StageRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
