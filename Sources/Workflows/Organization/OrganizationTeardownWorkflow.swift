import AWSServices
import AWSWire
import CFNTemplate
import Foundation
import Ledger
import Topology

/// `mlopsctl teardown --bootstrap --org`: deletes what `bootstrap --org` recorded, and nothing else. Per stage role,
/// concurrently: the bootstrap stack set's instances (one StackSets operation; per-account failures are reported and
/// the rest goes on), then the execution policy's, then each stack set once it is empty; then, in every member account
/// whose instance is gone, the retained staging bucket is emptied (all versions) and deleted, through the access role,
/// after checking with STS that the session really is in that account. Resumable: a re-run picks up what is left.
public struct OrganizationTeardownWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions
    public let stages: Set<String>
    public let openLedger: @Sendable () throws -> LedgerDatabase
    public let lockTimeout: Duration
    public let arguments: [String]
    public let progress: @Sendable (String) -> Void
    /// Member accounts worked on at once when deleting retained resources.
    public var memberConcurrency = 8
    private let memberSessions = CheckedMemberSessions()

    public init(
        topology: Topology, sessions: StageSessions, stages: Set<String>, openLedger: @escaping @Sendable () throws -> LedgerDatabase,
        lockTimeout: Duration = .seconds(30), arguments: [String] = [], progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.topology = topology
        self.sessions = sessions
        self.stages = stages
        self.openLedger = openLedger
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.progress = progress
    }

    public func plan() async throws -> OrganizationTeardownPlan {
        guard topology.organization != nil else { throw OrganizationInputError.noOrganizationSection }
        return try await OrganizationTeardownPlan.read(try openLedger(), stages: stages)
    }

    public func run(_ plan: OrganizationTeardownPlan) async throws -> OrganizationTeardownReport {
        guard let settings = topology.organization else { throw OrganizationInputError.noOrganizationSection }
        let access = try await OrganizationAccess.connect(settings, sessions: sessions)
        let foreign = plan.stackSets.filter { $0.adminAccount != access.callerAccount || $0.region != access.region }
        if let first = foreign.first {
            throw OrganizationInputError.problems([
                "organization.profile: the ledger's stack set \(first.name) lives in account \(first.adminAccount) (\(first.region)), but profile "
                    + "'\(settings.profile)' reaches \(access.callerAccount) (\(access.region)); use the profile that created it",
            ])
        }
        let ledger = try openLedger()
        let request = LockRequest.current(command: "teardown --org", arguments: arguments, environment: sessions.environment.values)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            try await ledger.setOperator(runId: lock.runId, arn: access.callerArn)
            let runner = StackSetOperationRunner(cloudFormation: access.session.cloudFormation, callAs: access.callAs, progress: progress)
            let roles = Dictionary(grouping: plan.stackSets, by: \.stage)
            let reports = await withTaskGroup(of: OrganizationTeardownReport.self) { group in
                for stage in Set(plan.stages) {
                    group.addTask {
                        var report = OrganizationTeardownReport()
                        let remaining = await deleteStackSets(roles[stage] ?? [], access: access, runner: runner, ledger: ledger, runId: lock.runId, into: &report)
                        let retained = plan.retained.filter { $0.stage == stage && !remaining.contains(StackInstanceKey(account: $0.account, region: $0.region)) }
                        for entry in plan.retained where entry.stage == stage && !retained.contains(entry) {
                            report.left.append(.init(stage: stage, account: entry.account, region: entry.region, what: "bucket \(entry.physicalId)",
                                                     outcome: "left", reason: "its bootstrap instance is still there"))
                        }
                        await deleteRetained(retained, access: access, ledger: ledger, into: &report)
                        return report
                    }
                }
                var merged = OrganizationTeardownReport()
                for await report in group {
                    merged.deleted += report.deleted
                    merged.left += report.left
                }
                return merged
            }
            return reports
        }
    }

    /// Deletes each stack set's instances, then the stack set. Returns the instances still there (their accounts keep
    /// what they retain).
    private func deleteStackSets(
        _ entries: [OrganizationTeardownPlan.StackSetEntry], access: OrganizationAccess, runner: StackSetOperationRunner, ledger: LedgerDatabase,
        runId: Int64, into report: inout OrganizationTeardownReport
    ) async -> Set<StackInstanceKey> {
        var remaining: Set<StackInstanceKey> = []
        let cloudFormation = access.session.cloudFormation
        for entry in entries {
            let key = StackSetKey(adminAccount: entry.adminAccount, region: entry.region, name: entry.name)
            do {
                var live = try await instances(entry.name, access)
                if !live.isEmpty && entry.name.hasSuffix("-\(StackSetSpec.Kind.bootstrap.rawValue)") {
                    // CloudFormation cannot delete an image repository that holds images: they go first, as the per-account teardown does.
                    await forEachMember(live.map { StackInstanceKey(account: $0.account, region: $0.region) }) { place in
                        await emptyImageRepository(place, access: access)
                    }
                }
                if !live.isEmpty {
                    // At most 50 OUs per operation (as for CreateStackInstances): one delete operation per batch of OUs.
                    let unitOf = Dictionary(live.map { ($0.account, $0.organizationalUnitId ?? access.rootId) }) { first, _ in first }
                    var failures: [StackInstanceFailure] = []
                    for units in Array(Set(unitOf.values)).sorted().batches(of: StackSetApplier.unitsPerOperation) {
                        let accounts = unitOf.filter { units.contains($0.value) }.keys.sorted()
                        let doomed = live.filter { accounts.contains($0.account) }
                        let regions = Array(Set(doomed.map(\.region))).sorted()
                        let outcome = try await runner.run(entry.name, action: "delete \(doomed.count) instance(s)", total: doomed.count) { operationId in
                            try await cloudFormation.deleteStackInstances(
                                StackInstancesRequest(
                                    stackSetName: entry.name,
                                    deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: units, accounts: accounts, accountFilterType: .intersection),
                                    regions: regions, operationPreferences: StackSetApplier.preferences(access.settings), callAs: access.callAs,
                                    operationId: operationId),
                                retainStacks: false)
                        }
                        failures += outcome.failures
                    }
                    let reasons = Dictionary(failures.map { ($0.key, $0.reason) }) { first, _ in first }
                    live = try await instances(entry.name, access)
                    _ = try await ledger.syncStackInstances(key, observed: live.map(OrganizationLedgerRecorder.observation), runId: runId)
                    for instance in live {
                        let place = StackInstanceKey(account: instance.account, region: instance.region)
                        remaining.insert(place)
                        report.left.append(.init(
                            stage: entry.stage, account: instance.account, region: instance.region, what: "stack instance of \(entry.name)", outcome: "left",
                            reason: reasons[place] ?? instance.statusReason ?? "still \(instance.status.rawValue.lowercased()) after the delete operation"))
                    }
                }
                guard live.isEmpty else {
                    report.left.append(.init(stage: entry.stage, account: entry.adminAccount, region: entry.region, what: "stack set \(entry.name)",
                                             outcome: "left", reason: "\(live.count) instance(s) could not be deleted"))
                    continue
                }
                try await cloudFormation.deleteStackSet(entry.name, callAs: access.callAs)
                _ = try await ledger.syncStackInstances(key, observed: [], runId: runId)
                _ = try await ledger.recordStackSet(key, stage: entry.stage, stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "deleted", runId: runId)
                report.deleted.append(.init(stage: entry.stage, account: entry.adminAccount, region: entry.region, what: "stack set \(entry.name)",
                                            outcome: "deleted", reason: nil))
                progress("deleted stack set \(entry.name)")
            } catch {
                report.left.append(.init(stage: entry.stage, account: entry.adminAccount, region: entry.region, what: "stack set \(entry.name)",
                                         outcome: "left", reason: String(describing: error)))
                // What is left of it is unknown: keep every member's retained resources.
                remaining.formUnion((try? await ledger.stackInstances(key).filter { $0.status != "DELETED" }.map {
                    StackInstanceKey(account: $0.account, region: $0.region)
                }) ?? [])
            }
        }
        return remaining
    }

    private func instances(_ name: String, _ access: OrganizationAccess) async throws -> [StackInstanceSummary] {
        var live: [StackInstanceSummary] = []
        for try await instance in access.session.cloudFormation.stackInstances(name, callAs: access.callAs) { live.append(instance) }
        return live
    }

    /// Runs `body` for each place, `memberConcurrency` at once.
    private func forEachMember(_ places: [StackInstanceKey], _ body: @escaping @Sendable (StackInstanceKey) async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var next = places.makeIterator()
            for _ in 0..<memberConcurrency { if let place = next.next() { group.addTask { await body(place) } } }
            while await group.next() != nil {
                if let place = next.next() { group.addTask { await body(place) } }
            }
        }
    }

    /// Deletes the images of the member's container-assets repository, after checking the session's account. Failures are
    /// only reported: the instance deletion then fails there with CloudFormation's own reason.
    private func emptyImageRepository(_ place: StackInstanceKey, access: OrganizationAccess) async {
        do {
            let (session, reached) = try await memberSessions.session(place, access: access)
            guard reached == place.account else {
                return progress("\(place): role \(access.accessRoleArn(place.account)) reached account \(reached); its images were left")
            }
            let names = BootstrapNames(qualifier: topology.qualifier, account: place.account, region: place.region, partition: access.partition)
            let runner = TeardownStepRunner(session: session, ledger: try openLedger(), sleep: { try await Task.sleep(for: $0) }, progress: progress)
            try await runner.deleteImages(names.containerAssetsRepository)
        } catch {
            progress("\(place): could not delete the container-asset images: \(error)")
        }
    }

    /// Empties and deletes each retained bucket in its member account, `memberConcurrency` accounts at once, each
    /// account's identity checked first.
    private func deleteRetained(
        _ entries: [OrganizationTeardownPlan.RetainedEntry], access: OrganizationAccess, ledger: LedgerDatabase, into report: inout OrganizationTeardownReport
    ) async {
        let outcomes = await withTaskGroup(of: OrganizationTeardownReport.Entry.self) { group in
            var results: [OrganizationTeardownReport.Entry] = []
            var next = entries.makeIterator()
            func start(_ entry: OrganizationTeardownPlan.RetainedEntry) {
                group.addTask { await deleteBucket(entry, access: access, ledger: ledger) }
            }
            for _ in 0..<memberConcurrency { if let entry = next.next() { start(entry) } }
            while let done = await group.next() {
                results.append(done)
                if let entry = next.next() { start(entry) }
            }
            return results
        }
        for outcome in outcomes {
            if outcome.outcome == "deleted" { report.deleted.append(outcome) } else { report.left.append(outcome) }
        }
    }

    private func deleteBucket(_ entry: OrganizationTeardownPlan.RetainedEntry, access: OrganizationAccess, ledger: LedgerDatabase) async
        -> OrganizationTeardownReport.Entry
    {
        let what = "bucket \(entry.physicalId)"
        do {
            let (session, reached) = try await memberSessions.session(StackInstanceKey(account: entry.account, region: entry.region), access: access)
            guard reached == entry.account else {
                return .init(stage: entry.stage, account: entry.account, region: entry.region, what: what, outcome: "left",
                             reason: "role \(access.accessRoleArn(entry.account)) reached account \(reached); nothing was deleted there")
            }
            try await ledger.settle(entry.id, status: .deleting)
            let runner = TeardownStepRunner(session: session, ledger: ledger, sleep: { try await Task.sleep(for: $0) }, progress: progress)
            try await runner.deleteBucket(entry.physicalId)
            try await ledger.settle(entry.id, status: .deleted)
            return .init(stage: entry.stage, account: entry.account, region: entry.region, what: what, outcome: "deleted", reason: nil)
        } catch {
            _ = try? await ledger.settle(entry.id, status: .failed, detail: String(String(describing: error).prefix(500)))
            return .init(stage: entry.stage, account: entry.account, region: entry.region, what: what, outcome: "left", reason: String(describing: error))
        }
    }
}
