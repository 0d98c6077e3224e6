import AWSServices
import Foundation
import Ledger
import Topology

/// `mlopsctl bootstrap --org`: one service-managed stack set per stage role and kind (execution policy, then bootstrap),
/// deployed by CloudFormation StackSets to every account of the role's OUs and account lists in every organization
/// region. Order of business: validate the topology, confirm the organization profile and the targets (read-only),
/// review every stack set (read-only), then, unless --dry-run, take the ledger lock and apply the roles concurrently;
/// a failing role does not stop the others. A re-run with nothing changed sends no mutating request; one that finds
/// new accounts (an OU grew, auto-deployment has not run or is off) adds exactly their instances.
public struct OrganizationBootstrapWorkflow: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions
    public let sessions: StageSessions
    public let openLedger: @Sendable () throws -> LedgerDatabase
    public let lockTimeout: Duration
    public let arguments: [String]
    public let progress: @Sendable (String) -> Void

    public init(
        topology: Topology, options: BootstrapOptions, sessions: StageSessions, openLedger: @escaping @Sendable () throws -> LedgerDatabase,
        lockTimeout: Duration = .seconds(30), arguments: [String] = [], progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.topology = topology
        self.options = options
        self.sessions = sessions
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.progress = progress
    }

    public func run() async throws -> OrganizationBootstrapReport {
        let plans = try OrganizationPlanner(topology: topology, options: options).plans()
        let settings = topology.organization!
        let access = try await OrganizationAccess.connect(settings, sessions: sessions)
        let stageAccounts = Dictionary(topology.stages.map { ($0.account, $0.stage) }) { first, _ in first }
        let resolution = try await OrganizationMemberResolver(access: access, stageAccounts: stageAccounts).resolve(plans.map(\.target))
        resolution.warnings.forEach(progress)
        let reviews = try await review(plans, access: access, members: resolution.members)
        var report = OrganizationBootstrapReport(
            organizationId: access.organization.id, callerArn: access.callerArn, region: access.region, regions: settings.regions,
            dryRun: options.dryRun, warnings: resolution.warnings, results: reviews.flatMap { $0.1.map { Self.planned($0, members: resolution.members) } })
        guard !options.dryRun else { return report }

        let ledger = try openLedger()
        let request = LockRequest.current(command: "bootstrap --org", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            try await ledger.setOperator(runId: lock.runId, arn: access.callerArn)
            let applier = StackSetApplier(
                access: access, runner: StackSetOperationRunner(cloudFormation: access.session.cloudFormation, callAs: access.callAs, progress: progress),
                settings: settings)
            let recorder = OrganizationLedgerRecorder(ledger: ledger, runId: lock.runId, access: access, qualifier: topology.qualifier)
            report.results = await withTaskGroup(of: [OrganizationBootstrapResult].self) { group in
                for (plan, stackSets) in reviews {
                    group.addTask {
                        await apply(plan, stackSets, applier: applier, recorder: recorder, members: resolution.members[plan.stage] ?? [])
                    }
                }
                var results: [OrganizationBootstrapResult] = []
                for await stage in group { results += stage }
                return results.sorted { ($0.stage, $0.kind) < ($1.stage, $1.kind) }
            }
            if report.results.contains(where: { !$0.succeeded }) { throw OrganizationBootstrapFailure(report: report) }
            return report
        }
    }

    /// Every role's stack sets described and their instances listed, roles concurrently; read-only.
    private func review(_ plans: [OrganizationRolePlan], access: OrganizationAccess, members: [Stage: [OrganizationMember]]) async throws
        -> [(OrganizationRolePlan, [StackSetReview])]
    {
        try await withThrowingTaskGroup(of: (Int, [StackSetReview]).self) { group in
            for (index, plan) in plans.enumerated() {
                group.addTask {
                    var reviews: [StackSetReview] = []
                    for spec in plan.stackSets {
                        let cloudFormation = access.session.cloudFormation
                        let existing = try await cloudFormation.describeStackSet(spec.name, callAs: access.callAs)
                        var live: [StackInstanceSummary] = []
                        if existing != nil {
                            for try await instance in cloudFormation.stackInstances(spec.name, callAs: access.callAs) { live.append(instance) }
                        }
                        reviews.append(StackSetReview(
                            spec: spec, existing: existing, live: live, members: members[plan.stage] ?? [], target: plan.target,
                            settings: access.settings))
                    }
                    return (index, reviews)
                }
            }
            var collected: [(Int, [StackSetReview])] = []
            for try await entry in group { collected.append(entry) }
            return collected.sorted { $0.0 < $1.0 }.map { (plans[$0.0], $0.1) }
        }
    }

    /// One role applied: its stack sets in order (the bootstrap's auto-deployment waits for the policy's), each recorded in
    /// the ledger with its instances as StackSets lists them afterwards. A failure stops the role, not the others.
    private func apply(
        _ plan: OrganizationRolePlan, _ reviews: [StackSetReview], applier: StackSetApplier, recorder: OrganizationLedgerRecorder,
        members: [OrganizationMember]
    ) async -> [OrganizationBootstrapResult] {
        var results: [OrganizationBootstrapResult] = []
        var dependsOn: [String] = []
        var failedBefore: String?
        for review in reviews {
            var result = Self.planned(review, members: [plan.stage: members])
            result.action = review.mutates ? result.action.replacingOccurrences(of: "would-", with: "") : "unchanged"
            if let failedBefore {
                result.action = "not-applied"
                result.error = "not applied: \(failedBefore) failed first"
                results.append(result)
                continue
            }
            do {
                let outcome = try await applier.apply(review, dependsOn: dependsOn)
                result.detail += outcome.operations
                result.failures = outcome.failures
                let recorded = try await recorder.record(review.spec, instances: try await liveInstances(review.spec, applier.access))
                result.instances = recorded.counts
                if let arn = recorded.arn { dependsOn = [arn] }
                if !result.succeeded { failedBefore = review.spec.name }
            } catch {
                result.error = String(describing: error)
                failedBefore = review.spec.name
            }
            results.append(result)
        }
        return results
    }

    private func liveInstances(_ spec: StackSetSpec, _ access: OrganizationAccess) async throws -> (StackSetDescription?, [StackInstanceSummary]) {
        let cloudFormation = access.session.cloudFormation
        let description = try await cloudFormation.describeStackSet(spec.name, callAs: access.callAs)
        var live: [StackInstanceSummary] = []
        for try await instance in cloudFormation.stackInstances(spec.name, callAs: access.callAs) { live.append(instance) }
        return (description, live)
    }

    /// The review as a result line: what would happen.
    static func planned(_ review: StackSetReview, members: [Stage: [OrganizationMember]]) -> OrganizationBootstrapResult {
        var detail = review.isCreate ? [] : review.changes
        if !review.newUnits.isEmpty { detail.append("deploy to " + review.newUnits.joined(separator: ", ")) }
        if !review.missing.isEmpty { detail.append("add \(review.missing.count) account(s): " + Self.sample(review.missing.map(\.account))) }
        if !review.outdated.isEmpty { detail.append("re-deploy \(review.outdated.count) outdated instance(s)") }
        if !review.extra.isEmpty { detail.append("\(review.extra.count) instance(s) outside the targets are left: " + Self.sample(review.extra.map(\.description))) }
        let action = review.isCreate ? "would-create" : review.changesStackSet ? "would-update" : review.mutates ? "would-add-instances" : "unchanged"
        return OrganizationBootstrapResult(
            stage: review.spec.stage.rawValue, stackSet: review.spec.name, kind: review.spec.kind.rawValue, action: action, detail: detail,
            members: members[review.spec.stage]?.count ?? 0, instances: StackInstanceCounts(summaries: review.live), failures: [],
            outsideTargets: review.extra, error: nil)
    }

    /// The first few items and how many more: plans over hundreds of accounts stay one line.
    static func sample(_ items: [String], limit: Int = 5) -> String {
        items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}

/// Some stack set failed; carries the whole report so the CLI still prints it.
public struct OrganizationBootstrapFailure: Error, CustomStringConvertible, Sendable {
    public let report: OrganizationBootstrapReport
    public var description: String {
        report.results.filter { !$0.succeeded }.map { result in
            "\(result.stackSet): " + (result.error ?? "\(result.failures.count) instance(s) failed, first \(result.failures.first.map { "\($0.key): \($0.reason)" } ?? "")")
        }.joined(separator: "; ")
    }
}

extension StackInstanceCounts {
    /// Counts of listed instances: FAILED and CANCELLED detailed statuses and INOPERABLE count as failed.
    init(summaries: [StackInstanceSummary]) {
        self.init()
        for summary in summaries { add(summary) }
    }
}
