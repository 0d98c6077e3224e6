import AWSServices
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

extension PromoteWorkflow {
    /// Every check, in the order of the type's comment, with reads only: flags and config, accounts, project,
    /// package, gate, prod confirmation (not for a dry run), the target's bootstrap, and what it serves now.
    func prepare() async throws -> PromotionPlan {
        var problems = options.problems
        guard let templateStage = ProjectTemplateOptions.Stage(rawValue: options.target.rawValue) else {
            throw PromoteError("--to \(options.target.rawValue): promote deploys to dev, preprod or prod")
        }
        if options.project.range(of: ProjectIdentity.namePattern, options: .regularExpression) == nil {
            problems.append("--project '\(options.project)' is not a SageMaker project name")
        }
        let dev = topology[.dev]
        let target = topology[options.target]
        if case .explicit(let arn) = options.package, let account = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first,
            account.count == 12, account != dev.account
        {
            problems.append(
                "--model-package '\(arn)' is in account \(account), but the project's model registry is in dev's account \(dev.account); "
                    + "promote serves a package of the project's own group")
        }
        guard problems.isEmpty else { throw PromoteError(problems) }
        let config = try EndpointStageConfig.load(deployApp: deployApp, stage: options.target.rawValue)

        var stages = [dev]
        if target.stage != .dev { stages.append(target) }
        if let previous = PromotionGate.previous(options.target), previous != .dev { stages.append(topology[previous]) }
        let stageSessions = try stages.map { ($0, try sessions.session(for: $0)) }
        let arns = try await AccountCheck.verify(stageSessions)
        let byStage = Dictionary(stageSessions.map { ($0.0.stage, $0.1) }, uniquingKeysWith: { first, _ in first })
        let session = { (stage: Stage) in byStage[stage]! }

        // A promotion refused here leaves no ledger behind: without a ledger file the project is looked up in SSM only,
        // and the file is created once every check has passed.
        let existingLedger = ledgerExists() ? try openLedger() : nil
        let identity = try await ProjectLookup.identity(
            name: options.project, ledger: try existingLedger ?? LedgerDatabase.inMemory(), dev: session(.dev))
        let group = ProjectNames(projectName: identity.name, projectId: identity.id, account: dev.account, region: dev.region).modelPackageGroup
        let selection = try await PackageSelection.choose(options.package, group: group, approve: options.approve, sageMaker: session(.dev).sageMaker)
        let packageArn = selection.package.arn
        try await PromotionGate.check(target: options.target, packageArn: packageArn, skipGate: options.skipGate) { stage in
            try await Self.livePackage(project: identity.name, stage: stage, session: session(stage))
        }
        if !options.dryRun { try ProdConfirmation.confirm(target: target, yes: options.yes, isInteractive: isInteractive, ask: ask) }

        let bootstrap = BootstrapNames(
            qualifier: topology.qualifier, account: target.account, region: target.region, partition: Partition.of(region: target.region))
        // The deploy and cfn-exec roles come with the bootstrap; without it AssumeRole would fail mid-run.
        if try await session(options.target).ssm.getParameter(name: bootstrap.versionParameter) == nil {
            throw PromoteError(
                "\(target.stage.rawValue) (account \(target.account), \(target.region)) is not bootstrapped for qualifier \(topology.qualifier): "
                    + "no SSM parameter \(bootstrap.versionParameter); run `mlopsctl bootstrap --stage \(target.stage.rawValue)` first")
        }
        let regional = try await regionalModel(selection.package, project: identity.name, target: target, session: session)
        let endpointOptions = EndpointTemplateOptions(
            projectName: identity.name, projectId: identity.id, stage: templateStage, modelPackageArn: packageArn,
            instanceType: config.instanceType, initialInstanceCount: config.initialInstanceCount, variantName: config.variantName,
            dataCapture: config.dataCapture, containers: regional?.containers)
        let names = endpointOptions.names
        let deployment = StackDeployment(
            stackName: names.stackName, template: .body(EndpointTemplate.renderer.render(EndpointTemplate.make(endpointOptions))),
            parameters: [EndpointTemplate.ParameterName.modelPackageArn.rawValue: packageArn],
            tags: topology.bootstrap.tags.merging(EndpointTemplate.tags(endpointOptions)) { $1 },
            roleARN: bootstrap.cloudFormationExecutionRoleARN)
        let previouslyLive = try await Self.livePackage(project: identity.name, stage: options.target, session: session(options.target))
        let ledger = try existingLedger ?? (options.dryRun ? LedgerDatabase.inMemory() : openLedger())
        return PromotionPlan(
            target: target, ledger: ledger, sessions: byStage, callers: arns, identity: identity, selection: selection, names: names,
            bootstrap: bootstrap, deployment: deployment, regional: regional, previouslyLive: previouslyLive,
            skippedGateReason: options.skipGate ? options.reason : nil)
    }

    /// For a target in another region than the package: the regional containers and the copies they need (nil otherwise).
    func regionalModel(_ package: ModelPackage, project: String, target: StageConfig, session: (Stage) -> AWSSession) async throws
        -> RegionalModel?
    {
        let packageRegion = package.arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(3).first.map(String.init)
        guard let packageRegion, packageRegion != target.region else { return nil }
        let targetSession = session(target.stage)
        let stack = try await targetSession.cloudFormation.describeStack(topology.bootstrap.stackName)
        guard let stack, stack.status.isUsable, let bucket = stack.outputValues[BootstrapTemplate.OutputName.bucketName.rawValue] else {
            throw PromoteError(
                "\(target.stage.rawValue) (account \(target.account), \(target.region)) has no \(topology.bootstrap.stackName) stack with a "
                    + "staging bucket for the model data copied from \(packageRegion); run `mlopsctl bootstrap --stage \(target.stage.rawValue)` first")
        }
        let dev = topology[.dev]
        return try await RegionalModel.plan(
            package: package, project: project, source: targetSession.inRegion(packageRegion), target: targetSession,
            targetAccount: target.account, stagingBucket: bucket,
            registries: { account, region in
                // The dev account's registry is read with dev's credentials; any other with the target's (it must pull).
                account == dev.account && account != target.account ? session(.dev).inRegion(region) : targetSession.inRegion(region)
            })
    }
}
