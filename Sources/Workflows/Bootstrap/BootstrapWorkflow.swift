import AWSServices
import Deployer
import Foundation
import Ledger
import Topology

/// `mlopsctl bootstrap`: CDK-compatible bootstrap stacks with the topology's trust graph and least-privilege
/// execution policies, in every selected stage at once. Order of business: validate every input, resolve every
/// profile, confirm every account (no mutating call until all three passed), take the ledger lock, then run the
/// stages concurrently; a failing stage does not stop the others.
public struct BootstrapWorkflow: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions
    public let sessions: StageSessions
    /// Opens the ledger; called only once every input and account check has passed, so bad input leaves no
    /// ledger file behind. Dry runs never call it.
    public let openLedger: @Sendable () throws -> LedgerDatabase
    public let lockTimeout: Duration
    public let arguments: [String]
    /// The progress display of each stage's stack operations.
    public let display: @Sendable (StageConfig) -> any StackProgressSink

    public init(
        topology: Topology, options: BootstrapOptions, sessions: StageSessions, openLedger: @escaping @Sendable () throws -> LedgerDatabase,
        lockTimeout: Duration = .seconds(30),
        arguments: [String] = [], display: @escaping @Sendable (StageConfig) -> any StackProgressSink = { _ in SilentProgressSink() }
    ) {
        self.topology = topology
        self.options = options
        self.sessions = sessions
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.display = display
    }

    public func run() async throws -> [StageBootstrapResult] {
        let specs = try BootstrapPlanner(topology: topology, options: options).specs()
        let stageSessions = try resolveSessions(specs)
        let arns = try await AccountCheck.verify(zip(specs.map(\.stage), stageSessions).map { ($0, $1) })
        guard !options.dryRun else {
            return await runStages(specs, stageSessions, ledger: nil, runId: 0)
        }
        let ledger = try openLedger()
        let request = LockRequest.current(command: "bootstrap", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = specs.first.flatMap({ arns[$0.stage.stage] }) { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            let results = await runStages(specs, stageSessions, ledger: ledger, runId: lock.runId)
            let failed = results.filter { !$0.succeeded }
            if !failed.isEmpty { throw BootstrapFailure(results: results) }
            return results
        }
    }

    /// Profiles of every selected stage, resolved without network calls; all problems at once.
    private func resolveSessions(_ specs: [StageBootstrapSpec]) throws -> [AWSSession] {
        var problems: [String] = []
        var resolved: [AWSSession] = []
        for spec in specs {
            do {
                resolved.append(try sessions.session(for: spec.stage))
            } catch {
                problems.append("\(spec.stage.stage.rawValue): \(error)")
            }
        }
        guard problems.isEmpty else { throw BootstrapInputError(problems: problems) }
        return resolved
    }

    private func runStages(_ specs: [StageBootstrapSpec], _ sessions: [AWSSession], ledger: LedgerDatabase?, runId: Int64) async
        -> [StageBootstrapResult]
    {
        await withTaskGroup(of: StageBootstrapResult.self) { group in
            for (spec, session) in zip(specs, sessions) {
                let recorder = LedgerRecorder(ledger: ledger, runId: runId, stage: spec.stage)
                let stager = StageBootstrapper(spec: spec, session: session, recorder: recorder, display: display(spec.stage), options: options)
                group.addTask { await stager.run() }
            }
            var results: [StageBootstrapResult] = []
            for await result in group { results.append(result) }
            return results.sorted { Stage(rawValue: $0.stage)! < Stage(rawValue: $1.stage)! }
        }
    }
}

/// Some stage failed; carries every stage's result so the CLI can still print the summary.
public struct BootstrapFailure: Error, CustomStringConvertible, Sendable {
    public let results: [StageBootstrapResult]
    public var description: String {
        results.compactMap { result in result.error.map { "\(result.stage): \($0)" } }.joined(separator: "; ")
    }
}
