import AWSServices
import Assets
import CFNTemplate
import Deployer
import Foundation
import Ledger
import Topology

/// `mlopsctl launch-project`: a SageMaker project from the published catalog, either through SageMaker
/// CreateProject (Service Catalog provisions the product; needs Studio) or by deploying the project template
/// directly as a stack in dev (accounts without Studio, and the local emulator). Everything it creates is
/// recorded in the ledger under the project's name, so teardown can empty and remove it.
public struct LaunchProjectWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions
    public let identity: ProjectIdentity
    public let via: ProjectSettings.Via
    public let openLedger: @Sendable () throws -> LedgerDatabase
    /// Whether the ledger file exists: a dry run reads it only then (opening would create it).
    public let ledgerExists: @Sendable () -> Bool
    public let lockTimeout: Duration
    public let arguments: [String]
    public let display: any StackProgressSink
    /// How long to wait for SageMaker to provision the project.
    public let provisioningTimeout: Duration
    public let sleep: @Sendable (Duration) async throws -> Void

    public init(
        topology: Topology, sessions: StageSessions, identity: ProjectIdentity, via: ProjectSettings.Via? = nil,
        openLedger: @escaping @Sendable () throws -> LedgerDatabase, ledgerExists: @escaping @Sendable () -> Bool = { true },
        lockTimeout: Duration = .seconds(30), arguments: [String] = [],
        display: any StackProgressSink = SilentProgressSink(), provisioningTimeout: Duration = .seconds(3600),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.topology = topology
        self.sessions = sessions
        self.identity = identity
        self.via = via ?? topology.project.via
        self.openLedger = openLedger
        self.ledgerExists = ledgerExists
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.display = display
        self.provisioningTimeout = provisioningTimeout
        self.sleep = sleep
    }

    /// The stack name of a directly deployed project: `mlops-project-<name>-<id>` (≤128, CloudFormation's limit).
    public static func stackName(_ identity: ProjectIdentity) -> String { "mlops-project-\(identity.name)-\(identity.id)" }

    public func run() async throws -> LaunchProjectResult {
        let (session, arns, catalog) = try await checkInputs()
        let dev = topology[.dev]
        let seed = try await seedLocations(session)
        let ledger = try openLedger()
        let request = LockRequest.current(command: "launch-project", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = arns[.dev] { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            let recorder = LedgerRecorder(ledger: ledger, runId: lock.runId, stage: dev)
            switch via {
            case .cloudformation:
                // A launch of this name that was killed or failed (or done) is resumed with its id, under the lock.
                let rows = try await ledger.resources(filter: ResourceFilter(kind: .stack, project: identity.name))
                let identity = try identity.resumed(from: rows)
                return try await deployDirectly(identity, session: session, recorder: recorder, seed: seed)
            case .sagemaker:
                return try await createThroughSageMaker(session: session, recorder: recorder, catalog: catalog)
            }
        }
    }

    /// Every check both a launch and its dry run make first: the name and id, dev's account, the published catalog.
    func checkInputs() async throws -> (session: AWSSession, arns: [Stage: String], catalog: StackDescription) {
        let dev = topology[.dev]
        var problems = identity.problems
        let names = ProjectNames(
            projectName: identity.name, projectId: identity.id, account: dev.account, region: dev.region,
            partition: Partition.of(region: dev.region))
        if problems.isEmpty { problems += names.validationProblems() }
        guard problems.isEmpty else { throw CatalogInputError(problems: problems) }

        let session = try sessions.session(for: dev)
        let arns = try await AccountCheck.verify([(dev, session)])
        let catalogStack = PublishCatalogWorkflow.stackName(qualifier: topology.qualifier)
        let catalog = try await session.cloudFormation.describeStack(catalogStack)
        guard let catalog, catalog.status.isUsable else {
            // The stack's name holds the qualifier, and it lives in dev's account and region: a catalog published with
            // another topology (qualifier, dev account or region) is not found here.
            let found = catalog.map { "stack \(catalogStack) is \($0.status.rawValue)" }
                ?? "no stack \(catalogStack) (the topology's qualifier is \(topology.qualifier))"
            throw CatalogInputError(problems: [
                "the catalog is not published in dev (\(dev.account), \(dev.region)): \(found); run `mlopsctl publish-catalog` "
                    + "with this topology first",
            ])
        }
        return (session, arns, catalog)
    }

    /// The project stack a direct launch deploys.
    func projectDeployment(_ identity: ProjectIdentity, seed: (bucket: String, build: String, deploy: String)) throws -> StackDeployment {
        let options = CatalogPlan.projectOptions(topology: topology, seedBucket: seed.bucket, buildKey: seed.build, deployKey: seed.deploy)
        let body = ProjectTemplate.renderer.render(try ProjectTemplate.make(options))
        return StackDeployment(
            stackName: Self.stackName(identity), template: .body(body),
            parameters: [ProjectTemplate.ParameterName.projectName.rawValue: identity.name, ProjectTemplate.ParameterName.projectId.rawValue: identity.id],
            tags: topology.bootstrap.tags.merging([ProjectTemplate.projectNameTag: identity.name, ProjectTemplate.projectIdTag: identity.id]) { $1 })
    }

    /// The seed code the catalog published, from its SSM parameters.
    func seedLocations(_ session: AWSSession) async throws -> (bucket: String, build: String, deploy: String) {
        var values: [String] = []
        for name in ["/mlops/code/seed_bucket", "/mlops/code/build", "/mlops/code/deploy"] {
            guard let value = try await session.ssm.getParameter(name: name)?.value else {
                throw CatalogInputError(problems: ["SSM parameter \(name) is missing in dev; run `mlopsctl publish-catalog` again"])
            }
            values.append(value)
        }
        return (values[0], values[1], values[2])
    }

    private func deployDirectly(
        _ identity: ProjectIdentity, session: AWSSession, recorder: LedgerRecorder, seed: (bucket: String, build: String, deploy: String)
    ) async throws -> LaunchProjectResult {
        let dev = topology[.dev]
        let stackName = Self.stackName(identity)
        let deployment = try projectDeployment(identity, seed: seed)
        let applier = StackApplier(session: session, recorder: recorder, display: display, dryRun: false)
        // The outputs as the deployment's last read of the stack returned them (its final DescribeStacks).
        let (result, deployed) = try await applier.applyDescribed(deployment, project: identity.name)
        let outputs = deployed?.outputValues ?? [:]
        // What was changed by hand (a deleted bucket, a trust policy): put back before the seed code is copied into it.
        let repairs = try await DriftRepairer(session: session, account: dev.account, region: dev.region)
            .repair(stackName: stackName, dryRun: false, known: applier.deployed[stackName])

        // With an S3 source the pipelines read the seed code from the project's source bucket.
        var uploads: [String] = []
        if topology.project.source == .s3, let sourceBucket = outputs[ProjectTemplate.OutputName.sourceBucket.rawValue] {
            for key in [seed.build, seed.deploy] {
                try await recorder.recordObject(bucket: sourceBucket, key: key, project: identity.name) {
                    guard try await session.s3.headObject(bucket: sourceBucket, key: key) == nil else { return }
                    guard let object = try await session.s3.getObject(bucket: seed.bucket, key: key) else {
                        throw CatalogInputError(problems: ["seed object s3://\(seed.bucket)/\(key) is missing; run `mlopsctl publish-catalog` again"])
                    }
                    _ = try await session.s3.putObject(bucket: sourceBucket, key: key, body: object.body, contentType: "application/zip")
                }
                uploads.append("s3://\(sourceBucket)/\(key)")
            }
        }
        return LaunchProjectResult(
            name: identity.name, id: identity.id, via: via.rawValue, account: dev.account, region: dev.region, stack: stackName,
            stackAction: result.action.rawValue, outputs: outputs, sourceUploads: uploads, repairs: repairs)
    }

    private func createThroughSageMaker(session: AWSSession, recorder: LedgerRecorder, catalog: StackDescription) async throws
        -> LaunchProjectResult
    {
        let dev = topology[.dev]
        let product = try await CatalogProduct.read(catalog: catalog, session: session, topology: topology)
        let physicalId = Self.sageMakerPhysicalId(identity)
        let existing = try await existingSageMakerProject(session: session, ledger: recorder.ledger)
        let request = CreateSageMakerProjectRequest(
            projectName: identity.name, projectDescription: "Launched by mlopsctl",
            provisioning: ServiceCatalogProvisioning(productId: product.productId, provisioningArtifactId: product.artifact.id))
        let row = try await recorder.ledger?.plan(
            recorder.intent(.provisionedProduct, physicalId, stack: nil, project: identity.name), runId: recorder.runId)
        let projectId: String
        if let existing {
            projectId = existing.id
        } else {
            do {
                projectId = try await session.sageMaker.createProject(request).id
            } catch {
                if let id = row?.id { _ = try? await recorder.ledger?.settle(id, status: .failed, detail: String(describing: error)) }
                throw error
            }
        }
        // Wait for Service Catalog to provision the product.
        let deadline = ContinuousClock.now + provisioningTimeout
        var delay = Duration.seconds(5)
        while true {
            let project = try await session.sageMaker.describeProject(name: identity.name)
            if project?.status == .createCompleted {
                if let id = row?.id { try await recorder.ledger?.settle(id, status: .present, detail: project?.provisionedProduct?.id) }
                let stackName = project?.provisionedProduct?.id.map { "SC-\(dev.account)-\($0)" }
                var repairs: [String] = []
                if let stackName, try await session.cloudFormation.describeStack(stackName) != nil {
                    let rowId = try await recorder.confirm(stack: stackName, project: identity.name, createdForUs: true)
                    let resources = try await StackDeployer(cloudFormation: session.cloudFormation).resources(stackName: stackName)
                    try await recorder.recordResources(resources, stack: stackName, stackRowId: rowId, project: identity.name)
                    if existing != nil {
                        repairs = try await DriftRepairer(session: session, account: dev.account, region: dev.region).repair(stackName: stackName, dryRun: false)
                    }
                }
                return LaunchProjectResult(
                    name: identity.name, id: projectId, via: via.rawValue, account: dev.account, region: dev.region, stack: stackName,
                    stackAction: existing == nil ? "created" : "unchanged", outputs: [:], sourceUploads: [], repairs: repairs)
            }
            if project?.status != .createFailed, ContinuousClock.now > deadline {
                // Not a failure: the project may still complete. The row stays planned, so the ledger and a re-run know of it.
                throw CatalogInputError(problems: [
                    "SageMaker is still creating project \(identity.name) (\(project?.status.rawValue ?? "not found yet")) after waiting "
                        + "\(provisioningTimeout.components.seconds) s; see its Service Catalog provisioned product "
                        + "\(project?.provisionedProduct?.id ?? "(none yet)"), then run `mlopsctl launch-project` again",
                ])
            }
            if project?.status == .createFailed {
                let message = project?.provisionedProduct?.statusMessage ?? "status \(project?.status.rawValue ?? "unknown")"
                if let id = row?.id { _ = try? await recorder.ledger?.settle(id, status: .failed, detail: message) }
                throw CatalogInputError(problems: ["SageMaker could not create project \(identity.name): \(message)"])
            }
            try await sleep(delay)
            delay = min(delay * 2, .seconds(30))
        }
    }

    /// The ledger's physical id of a project SageMaker created.
    static func sageMakerPhysicalId(_ identity: ProjectIdentity) -> String { "sagemaker-project/\(identity.name)" }

    /// The SageMaker project of this name, if any; refused unless the ledger holds it (a launch killed or failed after
    /// CreateProject took effect, resumed by waiting for it).
    func existingSageMakerProject(session: AWSSession, ledger: LedgerDatabase?) async throws -> SageMakerProject? {
        guard let existing = try await session.sageMaker.describeProject(name: identity.name) else { return nil }
        let recorded = try await ledger?.resources(filter: ResourceFilter(kind: .provisionedProduct, project: identity.name))
        guard recorded?.contains(where: { $0.physicalId == Self.sageMakerPhysicalId(identity) && $0.status != .deleted }) == true else {
            throw CatalogInputError(problems: ["a SageMaker project named \(identity.name) already exists (\(existing.id), \(existing.status.rawValue))"])
        }
        return existing
    }
}
