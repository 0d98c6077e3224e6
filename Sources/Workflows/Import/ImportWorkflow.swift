import AWSServices
import Assets
import Foundation
import Ledger
import Topology

/// `mlopsctl import`: adopts a stack mlopsctl did not create (a CDK bootstrap stack made by `cdk bootstrap` or the
/// seed's cdk-account-setup.sh, or the seed's catalog stack) after checking it is one, recording it and everything in
/// it as `adopted`. Nothing in AWS changes; teardown then keeps it unless `--include-adopted`.
public struct ImportWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions
    public let stage: Stage
    public let stackName: String
    public let dryRun: Bool
    public let openLedger: @Sendable () throws -> LedgerDatabase
    /// False when there is no ledger yet: a dry run then reads none (and creates none).
    public let ledgerExists: @Sendable () -> Bool
    public let lockTimeout: Duration
    public let arguments: [String]

    public init(
        topology: Topology, sessions: StageSessions, stage: Stage, stackName: String, dryRun: Bool,
        openLedger: @escaping @Sendable () throws -> LedgerDatabase, ledgerExists: @escaping @Sendable () -> Bool = { true },
        lockTimeout: Duration = .seconds(30), arguments: [String] = []
    ) {
        self.ledgerExists = ledgerExists
        self.topology = topology
        self.sessions = sessions
        self.stage = stage
        self.stackName = stackName
        self.dryRun = dryRun
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
    }

    /// What `import` did.
    public struct Result: Sendable, Codable, Equatable {
        public var stage: String
        public var account: String
        public var region: String
        public var stack: String
        public var kind: ImportedStack
        /// `adopted`, `would-adopt` (dry run) or `already-tracked` (the ledger has it: nothing recorded).
        public var action: String
        /// The ledger row of the stack (nil in a dry run).
        public var ledgerRow: Int64?
        /// The resources recorded with it.
        public var resources: Int
        /// For a CDK bootstrap stack, its BootstrapVersion output.
        public var bootstrapVersion: String?
    }

    public func run() async throws -> Result {
        guard topology.stages.contains(where: { $0.stage == stage }) else {
            throw ImportRefusal("the topology has no stage \(stage.rawValue)")
        }
        let config = topology[stage]
        let session = try sessions.session(for: config)
        let arns = try await AccountCheck.verify([(config, session)])
        guard let stack = try await session.cloudFormation.describeStack(stackName), stack.status != .deleteComplete else {
            throw ImportRefusal("there is no stack \(stackName) in \(stage.rawValue) (\(config.account), \(config.region)); check --stack and --stage")
        }
        let resources = try await session.cloudFormation.listAllStackResources(stackName: stack.stackId).filter { !$0.isGhost }
        let kind = try ImportedStack.recognise(stack, resources: resources, qualifier: topology.qualifier, stage: stage.rawValue)
        var result = Result(
            stage: stage.rawValue, account: config.account, region: config.region, stack: stackName, kind: kind, action: "would-adopt",
            ledgerRow: nil, resources: resources.filter { !($0.physicalResourceId ?? "").isEmpty }.count,
            bootstrapVersion: stack.outputValues["BootstrapVersion"])
        if dryRun {
            // The ledger (opened read-only by the caller) says whether the import would record anything.
            if ledgerExists(), let known = try await LedgerRecorder(ledger: try openLedger(), runId: 0, stage: config).stackRow(stackName),
                known.status != .deletedOutOfBand
            {
                result.action = "already-tracked"
                result.ledgerRow = known.id
            }
            return result
        }

        let ledger = try openLedger()
        let request = LockRequest.current(command: "import", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = arns[stage] { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            let recorder = LedgerRecorder(ledger: ledger, runId: lock.runId, stage: config)
            if let known = try await recorder.stackRow(stackName), known.status != .deletedOutOfBand {
                result.action = "already-tracked"
                result.ledgerRow = known.id
                return result
            }
            let rowId = try await recorder.confirm(stack: stackName)
            try await recorder.recordResources(resources, stack: stackName, stackRowId: rowId, ownership: .adopted)
            // Refresh compares it from now on with what it was when adopted: tags, template, parameters.
            let body = try await session.cloudFormation.getTemplate(stackName: stack.stackId, stage: .original)
            try await recorder.recordIntent(stackRowId: rowId, StackIntent(
                tags: stack.tagValues, templateSha256: Asset.hexDigest(Data(body.utf8)),
                parameters: Dictionary(stack.parameters.compactMap { p in p.value.map { (p.key, $0) } }, uniquingKeysWith: { a, _ in a })))
            result.action = "adopted"
            result.ledgerRow = rowId
            return result
        }
    }
}
