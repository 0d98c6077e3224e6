import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

/// Everything a promotion found before changing anything: the accounts confirmed, the project, the package
/// allowed to be served, the stack to deploy and what the stage serves now.
struct PromotionPlan: Sendable {
    let target: StageConfig
    let ledger: LedgerDatabase
    /// The session of each stage involved (dev, the target, the gate's stage), its account confirmed.
    let sessions: [Stage: AWSSession]
    /// The caller ARN STS returned for each of those stages.
    let callers: [Stage: String]
    let identity: ProjectIdentity
    let selection: PackageSelection
    let names: EndpointNames
    let bootstrap: BootstrapNames
    let deployment: StackDeployment
    /// The containers and copies of a target in another region than the package; nil in the package's region.
    let regional: RegionalModel?
    /// The package the stage's endpoint stack serves now, if any.
    let previouslyLive: String?
    let skippedGateReason: String?

    var packageArn: String { selection.package.arn }

    func session(_ stage: Stage) -> AWSSession { sessions[stage]! }

    func result(stackAction: String, endpoint: String, endpointStatus: String) -> PromoteResult {
        PromoteResult(
            project: identity.name, projectId: identity.id, stage: target.stage.rawValue, account: target.account, region: target.region,
            packageArn: packageArn, packageVersion: selection.package.version, approved: false, stack: names.stackName,
            stackAction: stackAction, endpoint: endpoint, endpointStatus: endpointStatus, skippedGateReason: skippedGateReason,
            images: regional?.images ?? [])
    }
}
