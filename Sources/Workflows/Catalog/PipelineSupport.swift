import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

/// The cross-region support stacks of the catalog: one per region other than dev's that preprod or prod deploy to,
/// in dev's account, shared by every project (their deploy pipelines name the buckets and key aliases). Deployed and
/// recorded like any stack of dev, in its own region; `teardown --catalog` removes them with the catalog.
struct PipelineSupport: Sendable {
    let options: ProjectTemplateOptions
    let catalogStack: String
    let tags: [String: String]

    func deployment(region: String) -> StackDeployment {
        let names = options.supportNames(region)
        let template = PipelineSupportTemplate.make(names, readers: options.supportReaders(region))
        return StackDeployment(
            stackName: PipelineSupportNames.stackName(catalogStack: catalogStack, region: region), template: .body(TemplateRenderer().render(template)),
            tags: tags)
    }

    /// Plans (dry run) or deploys every support stack, the regions concurrently.
    func apply(dev: StageConfig, session: AWSSession, ledger: LedgerDatabase?, runId: Int64, display: any StackProgressSink, dryRun: Bool)
        async throws -> [PublishCatalogResult.SupportStack]
    {
        try await withThrowingTaskGroup(of: PublishCatalogResult.SupportStack.self) { group in
            for region in options.supportRegions {
                group.addTask {
                    var stage = dev
                    stage.region = region
                    let applier = StackApplier(
                        session: session.inRegion(region), recorder: LedgerRecorder(ledger: ledger, runId: runId, stage: stage), display: display,
                        dryRun: dryRun)
                    let result = try await applier.apply(deployment(region: region))
                    return .init(region: region, bucket: options.supportNames(region).bucket, stack: result)
                }
            }
            var results: [PublishCatalogResult.SupportStack] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.region < $1.region }
        }
    }
}
