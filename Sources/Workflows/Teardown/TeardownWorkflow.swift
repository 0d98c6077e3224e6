import AWSServices
import Deployer
import Foundation
import Ledger

/// `mlopsctl teardown`: deletes what mlopsctl created, as the ledger records it, in dependency order.
///
/// `plan()` reads the ledger and builds the ordered steps; `run(confirmedProd:)` takes the ledger lock,
/// rebuilds the plan (the ledger may have moved since it was shown), checks each account with STS before
/// touching it, and then runs the steps, writing `deleting` before and `deleted` / `failed` / `retained`
/// after each one, so an interrupted teardown resumes where it stopped.
public struct TeardownWorkflow: Sendable {
    public let scope: TeardownScope
    /// The catalog stack's name (`mlopsctl-<qualifier>-catalog`), which tells catalog rows from bootstrap rows.
    public let catalogStack: String
    public let openLedger: @Sendable () throws -> LedgerDatabase
    /// The AWS session of a stage (by name); each step uses it in the region its ledger row records.
    public let session: @Sendable (String) throws -> AWSSession
    /// Stage names whose resources need the account id confirmed.
    public let prodStages: Set<String>
    public let lockTimeout: Duration
    public let arguments: [String]
    public let environment: [String: String]
    /// One line per step, as it happens.
    public let progress: @Sendable (String) -> Void
    /// Waits of the stack deletions (injected in tests).
    public let sleep: @Sendable (Duration) async throws -> Void
    /// How long to wait for Service Catalog to delete a SageMaker project's stack before deleting it directly.
    public let provisionedStackTimeout: Duration

    public init(
        scope: TeardownScope, catalogStack: String, openLedger: @escaping @Sendable () throws -> LedgerDatabase,
        session: @escaping @Sendable (String) throws -> AWSSession, prodStages: Set<String> = ["prod"], lockTimeout: Duration = .seconds(30),
        arguments: [String] = [], environment: [String: String] = [:], progress: @escaping @Sendable (String) -> Void = { _ in },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        provisionedStackTimeout: Duration = .seconds(1800)
    ) {
        self.scope = scope
        self.catalogStack = catalogStack
        self.openLedger = openLedger
        self.session = session
        self.prodStages = prodStages
        self.lockTimeout = lockTimeout
        self.arguments = arguments
        self.environment = environment
        self.progress = progress
        self.sleep = sleep
        self.provisionedStackTimeout = provisionedStackTimeout
    }

    /// The plan, from the ledger alone.
    public func plan() async throws -> TeardownPlan {
        let rows = try await openLedger().resources()
        try TeardownDependencies.check(rows: rows, scope: scope, catalogStack: catalogStack)
        return TeardownPlan.build(from: rows, scope: scope, catalogStack: catalogStack)
    }

    /// A prod account the plan deletes in was not confirmed.
    public struct ProdNotConfirmed: Error, CustomStringConvertible {
        public let accounts: [String]
        public var description: String {
            "the teardown deletes resources in prod account \(accounts.joined(separator: ", ")); confirm with --confirm-prod \(accounts[0]) (or type it when asked)"
        }
    }

    /// Runs the teardown. - Parameter confirmedProd: prod account ids the user confirmed.
    public func run(confirmedProd: Set<String>) async throws -> TeardownReport {
        let ledger = try openLedger()
        let request = LockRequest.current(command: "teardown", arguments: arguments, environment: environment)
        return try await ledger.withLock(request, timeout: lockTimeout) { lock in
            let rows = try await ledger.resources()
            try TeardownDependencies.check(rows: rows, scope: scope, catalogStack: catalogStack)
            let plan = TeardownPlan.build(from: rows, scope: scope, catalogStack: catalogStack)
            guard plan.prodConfirmed(by: confirmedProd, prodStages: prodStages) else {
                throw ProdNotConfirmed(accounts: plan.prodAccounts(prodStages: prodStages).filter { !confirmedProd.contains($0) })
            }
            var report = TeardownReport()
            let sessions = await checkAccounts(plan, ledger: ledger, runId: lock.runId, report: &report)
            for (row, reason) in plan.retained {
                if row.status != .retained { try await ledger.settle(row.id!, status: .retained, detail: reason) }
                report.retained.append(.init(row, reason: reason))
            }
            for step in plan.steps {
                guard let session = sessions[step.stage] else {
                    report.left += step.rows.map { .init($0, reason: "account check failed for \(step.stage); nothing deleted there") }
                    continue
                }
                // Each row says where it lives: a stage's account is reached in the region the ledger recorded.
                let runner = TeardownStepRunner(
                    session: session.inRegion(step.target.region), ledger: ledger, sleep: sleep, progress: progress, provisionedStackTimeout: provisionedStackTimeout)
                await runner.run(step, report: &report)
            }
            return report
        }
    }

    /// The session of each stage whose credentials reach the ledger's account; the others are reported.
    func checkAccounts(_ plan: TeardownPlan, ledger: LedgerDatabase, runId: Int64, report: inout TeardownReport) async -> [String: AWSSession] {
        var sessions: [String: AWSSession] = [:]
        for (stage, account) in plan.accounts.sorted(by: { $0.key < $1.key }) {
            do {
                let session = try session(stage)
                let identity = try await session.sts.getCallerIdentity()
                guard identity.account == account else {
                    report.accountProblems.append(
                        "\(stage): profile '\(session.profileName)' reaches account \(identity.account), but the ledger's resources are in "
                            + "account \(account); nothing was deleted in \(account). Use credentials for account \(account)")
                    continue
                }
                try? await ledger.setOperator(runId: runId, arn: identity.arn)
                sessions[stage] = session
            } catch {
                report.accountProblems.append("\(stage): cannot confirm account \(account): \(error); nothing was deleted in \(account)")
            }
        }
        return sessions
    }
}
