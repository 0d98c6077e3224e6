import AWSServices
import Deployer
import Foundation
import Ledger
import Topology

/// `mlopsctl bootstrap`: CDK-compatible bootstrap stacks with the topology's trust graph and least-privilege
/// execution policies, in every selected stage at once. Order of business: validate every input, resolve every
/// profile, confirm every account (no mutating call until all three passed), take the ledger lock, review every
/// stage concurrently (an update gets a CloudFormation change set), show the plan, then apply the stages
/// concurrently; a failing stage does not stop the others. If any update would replace or delete a stateful
/// resource and `allowReplace` is off, no stage is applied and every change set is deleted.
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
    /// Shown the plan (`would-*` results with every resource change) after the review, before anything is applied.
    public let showPlan: @Sendable ([StageBootstrapResult]) -> Void
    /// nil: this release's bootstrap template. Tests pass another release's to stand for an upgrade.
    public var bootstrapTemplateBody: String?

    public init(
        topology: Topology, options: BootstrapOptions, sessions: StageSessions, openLedger: @escaping @Sendable () throws -> LedgerDatabase,
        lockTimeout: Duration = .seconds(30),
        arguments: [String] = [], display: @escaping @Sendable (StageConfig) -> any StackProgressSink = { _ in SilentProgressSink() },
        showPlan: @escaping @Sendable ([StageBootstrapResult]) -> Void = { _ in }
    ) {
        self.showPlan = showPlan
        self.topology = topology
        self.options = options
        self.sessions = sessions
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.display = display
    }

    public func run() async throws -> [StageBootstrapResult] {
        let specs = try BootstrapPlanner(topology: topology, options: options, bootstrapBody: bootstrapTemplateBody).specs()
        let stageSessions = try resolveSessions(specs)
        let arns = try await AccountCheck.verify(zip(specs.map(\.stage), stageSessions).map { ($0, $1) })
        guard !options.dryRun else {
            let stagers = bootstrappers(specs, stageSessions, ledger: nil, runId: 0)
            let reviews = await review(stagers)
            // A dry run leaves nothing behind: the change sets were only made to read CloudFormation's plan.
            var planned = reviews.map { $0.planned(allowReplace: options.allowReplace) }
            for (index, (stager, review)) in zip(stagers, reviews).enumerated() {
                planned[index].warnings += await stager.discard(review.stacks)
                if planned[index].error == nil { await stager.repairDrift(review.stacks.map(\.stackName), into: &planned[index]) }
            }
            return planned
        }
        let ledger = try openLedger()
        let request = LockRequest.current(command: "bootstrap", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            if let arn = specs.first.flatMap({ arns[$0.stage.stage] }) { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            let stagers = bootstrappers(specs, stageSessions, ledger: ledger, runId: lock.runId)
            let reviews = await review(stagers)
            showPlan(reviews.map { $0.planned(allowReplace: options.allowReplace) })
            if !options.allowReplace && reviews.contains(where: { !$0.destructiveChanges.isEmpty }) {
                throw BootstrapFailure(results: await refuse(reviews, stagers))
            }
            let results = await apply(reviews, stagers)
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

    private func bootstrappers(_ specs: [StageBootstrapSpec], _ sessions: [AWSSession], ledger: LedgerDatabase?, runId: Int64)
        -> [StageBootstrapper]
    {
        zip(specs, sessions).map { spec, session in
            let recorder = LedgerRecorder(ledger: ledger, runId: runId, stage: spec.stage)
            return StageBootstrapper(spec: spec, session: session, recorder: recorder, display: display(spec.stage), options: options)
        }
    }

    /// Every stage's review, concurrently, in the order of `stagers`.
    private func review(_ stagers: [StageBootstrapper]) async -> [StageBootstrapper.Review] {
        await withTaskGroup(of: (Int, StageBootstrapper.Review).self) { group in
            for (index, stager) in stagers.enumerated() { group.addTask { (index, await stager.review()) } }
            var reviews: [(Int, StageBootstrapper.Review)] = []
            for await review in group { reviews.append(review) }
            return reviews.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Every stage's reviewed stacks applied, stages concurrently; results in topology order.
    private func apply(_ reviews: [StageBootstrapper.Review], _ stagers: [StageBootstrapper]) async -> [StageBootstrapResult] {
        await withTaskGroup(of: StageBootstrapResult.self) { group in
            for (review, stager) in zip(reviews, stagers) { group.addTask { await stager.apply(review) } }
            var results: [StageBootstrapResult] = []
            for await result in group { results.append(result) }
            return results.sorted { Stage(rawValue: $0.stage)! < Stage(rawValue: $1.stage)! }
        }
    }

    /// The results of a run whose plan was refused: every change set deleted, the destructive stacks `refused`, the
    /// other stacks that would have changed `not-applied`.
    private func refuse(_ reviews: [StageBootstrapper.Review], _ stagers: [StageBootstrapper]) async -> [StageBootstrapResult] {
        var results: [StageBootstrapResult] = []
        for (review, stager) in zip(reviews, stagers) {
            var result = review.result
            result.warnings += await stager.discard(review.stacks)
            for stack in review.stacks {
                var line = StackApplier.dryRunResult(stack.stackName, stack.change)
                line.changes = stack.resourceChanges
                let destructive = stack.destructiveChanges
                if !destructive.isEmpty {
                    line.action = .refused
                    line.detail = "would replace or delete " + destructive.map(\.summary).joined(separator: "; ")
                } else if line.action != .unchanged {
                    line.action = .notApplied
                    line.detail = "not applied: another stack's update was refused"
                }
                result.stacks.append(line)
            }
            if result.error == nil, !review.destructiveChanges.isEmpty {
                result.error = ReplacementRefusal(review.destructiveChanges).description
            } else if result.error == nil, result.stacks.contains(where: { $0.action == .notApplied }) {
                result.error = "not applied: an update in another stage was refused (see its plan); nothing was changed"
            }
            results.append(result)
        }
        return results
    }
}

/// Why bootstrap changed nothing: updates would replace or delete stateful resources, and --allow-replace was not given.
struct ReplacementRefusal: CustomStringConvertible {
    let changes: [PlannedResourceChange]

    init(_ changes: [PlannedResourceChange]) {
        self.changes = changes
    }

    var description: String {
        let count = changes.count == 1 ? "1 stateful resource" : "\(changes.count) stateful resources"
        return "refused: the update would replace or delete \(count), losing what it holds ("
            + changes.map(\.summary).joined(separator: "; ") + "); nothing was changed in any stage; "
            + "keep the resource's replacement properties as deployed, or pass --allow-replace to replace it anyway"
    }
}

/// Some stage failed; carries every stage's result so the CLI can still print the summary.
public struct BootstrapFailure: Error, CustomStringConvertible, Sendable {
    public let results: [StageBootstrapResult]
    public var description: String {
        results.compactMap { result in result.error.map { "\(result.stage): \($0)" } }.joined(separator: "; ")
    }
}
