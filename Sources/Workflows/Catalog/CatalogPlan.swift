import Assets
import CFNTemplate
import Foundation
import Topology

/// What `publish-catalog` puts in dev, computed without AWS: the seed-code zips, the project template
/// that points at them, and the catalog template options (less what only AWS knows).
struct CatalogPlan: Sendable {
    let buildAsset: Asset
    let deployAsset: Asset
    let projectTemplate: Asset
    let projectOptions: ProjectTemplateOptions

    static func make(topology: Topology, seedCode: SeedCodeLocation, stagingBucket: String) throws -> CatalogPlan {
        let apps = try seedCode.appTrees()
        let build = try Asset.zipping(apps["build_app"]!, name: "build_app")
        let deploy = try Asset.zipping(apps["deploy_app"]!, name: "deploy_app")
        let options = projectOptions(topology: topology, seedBucket: stagingBucket, buildKey: build.key, deployKey: deploy.key)
        let problems = options.validationProblems()
        guard problems.isEmpty else { throw CatalogInputError(problems: problems) }
        let body = ProjectTemplate.renderer.render(try ProjectTemplate.make(options))
        return CatalogPlan(
            buildAsset: build, deployAsset: deploy, projectTemplate: Asset(name: "project-template", data: Data(body.utf8), fileExtension: "json"),
            projectOptions: options)
    }

    static func projectOptions(topology: Topology, seedBucket: String, buildKey: String, deployKey: String) -> ProjectTemplateOptions {
        func environment(_ stage: Stage) -> ProjectTemplateOptions.Environment {
            ProjectTemplateOptions.Environment(account: topology[stage].account, region: topology[stage].region)
        }
        return ProjectTemplateOptions(
            qualifier: topology.qualifier, dev: environment(.dev), preprod: environment(.preprod), prod: environment(.prod),
            seedBucket: seedBucket, buildKey: buildKey, deployKey: deployKey,
            source: topology.project.source == .s3 ? .s3 : .codeCommit, partition: Partition.of(region: topology[.dev].region))
    }

    func catalogOptions(topology: Topology, stagingBucket: String, leadRoleArn: String, published: [ProductVersion]) throws
        -> CatalogTemplateOptions
    {
        let dev = topology[.dev]
        let suffix = dev.region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let version = ProductVersion(
            name: topology.catalog.productVersion,
            templateURL: ProductVersion.s3URL(bucket: stagingBucket, key: projectTemplate.key, region: dev.region, urlSuffix: suffix),
            description: "Published by mlopsctl; template sha256 \(projectTemplate.sha256.prefix(12))")
        var stages: [String: StageTarget] = [:]
        for stage in topology.stages { stages[stage.stage.rawValue] = StageTarget(account: stage.account, region: stage.region) }
        let base = CatalogTemplateOptions(
            qualifier: topology.qualifier, portfolioDisplayName: topology.catalog.portfolioName,
            portfolioProviderName: topology.catalog.portfolioOwner, productName: topology.catalog.productName,
            productOwner: topology.catalog.portfolioOwner, versions: published, leadRoleArn: leadRoleArn, seedBucket: stagingBucket,
            buildCodeKey: buildAsset.key, deployCodeKey: deployAsset.key, stages: stages)
        do {
            return try base.appending(version)
        } catch {
            throw CatalogInputError(problems: [
                "catalog.productVersion '\(version.name)' is already published with other content; set a new catalog.productVersion "
                    + "in the topology to publish this seed code and template",
            ])
        }
    }
}
