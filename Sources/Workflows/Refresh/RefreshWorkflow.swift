import AWSServices
import Foundation
import Ledger
import Topology

/// `mlopsctl refresh`: reads what really exists for every live row of the ledger (the right account checked first,
/// reads only, stacks read concurrently with a bound) and classes each row in sync, changed, gone, unreadable or
/// unchecked. `apply` then marks the gone rows deletedOutOfBand (kept as history, never removed).
public struct RefreshWorkflow: Sendable {
    public struct Options: Sendable {
        /// Only these stages (empty: all).
        public var stages: Set<Stage> = []
        public var project: String?
        /// Stacks read at once.
        public var concurrency = 4
        /// Also run CloudFormation's own drift detection on each stack (DetectStackDrift: not a read; AWS only).
        public var cloudFormationDrift = false

        public init(stages: Set<Stage> = [], project: String? = nil, concurrency: Int = 4, cloudFormationDrift: Bool = false) {
            self.stages = stages
            self.project = project
            self.concurrency = concurrency
            self.cloudFormationDrift = cloudFormationDrift
        }
    }

    let topology: Topology
    let sessions: StageSessions
    let ledger: LedgerDatabase
    let options: Options

    public init(topology: Topology, sessions: StageSessions, ledger: LedgerDatabase, options: Options) {
        self.topology = topology
        self.sessions = sessions
        self.ledger = ledger
        self.options = options
    }

    /// The statuses of rows that should exist in AWS.
    static let liveStatuses: Set<Ledger.ResourceStatus> = [.present, .retained]

    /// The live rows refresh looks at, in ledger order.
    public func rows() async throws -> [TrackedResource] {
        try await ledger.resources(filter: ResourceFilter(project: options.project)).filter { row in
            Self.liveStatuses.contains(row.status) && (options.stages.isEmpty || Stage(rawValue: row.stage).map(options.stages.contains) == true)
        }
    }

    public func run() async throws -> RefreshReport {
        let rows = try await rows()
        guard !rows.isEmpty else { return RefreshReport(findings: []) }
        let (checked, caller) = try await checkedStages(of: rows)
        let intents = try await ledger.stackIntents()

        // One inspection per stack (a stack row and the rows of its resources share it); other rows are read alone.
        var stacks: [StackKey: Int64?] = [:]
        for row in rows where checked[row.stage] != nil {
            if let name = row.stack ?? (row.kind == .stack ? row.physicalId : nil) {
                let key = StackKey(stage: row.stage, region: row.region, name: name)
                if row.kind == .stack { stacks[key] = row.id } else if stacks[key] == nil { stacks[key] = .some(nil) }
            }
        }
        let keys = stacks.keys.sorted()
        let stackRows = stacks
        let inspections = try await boundedMap(keys, limit: options.concurrency) { key in
            let stage = checked[key.stage]!
            let session = try sessions.session(for: stage, region: key.region)
            let intended = stackRows[key]!.flatMap { intents[$0] }
            var inspector = StackInspector(session: session, account: stage.account, region: key.region)
            if options.cloudFormationDrift { inspector.driftDetector = CloudFormationDriftDetector(cloudFormation: session.cloudFormation) }
            return try await inspector.inspect(stackName: key.name, intent: intended)
        }
        let byStack = Dictionary(uniqueKeysWithValues: zip(keys, inspections))

        let loose = rows.filter { checked[$0.stage] != nil && $0.stack == nil && $0.kind != .stack }
        let looseVerdicts = try await boundedMap(loose, limit: options.concurrency * 2) { row in
            try await looseVerdict(row, session: try sessions.session(for: checked[row.stage]!, region: row.region))
        }
        let byLooseRow = Dictionary(uniqueKeysWithValues: zip(loose.map(\.id), looseVerdicts))

        let findings = rows.map { row -> RefreshFinding in
            guard checked[row.stage] != nil else {
                return RefreshFinding(row: row, verdict: .unchecked("the topology's stage \(row.stage) is not in account \(row.account) any more"))
            }
            if let verdict = byLooseRow[row.id] { return RefreshFinding(row: row, verdict: verdict) }
            let name = row.stack ?? row.physicalId ?? ""
            guard let inspection = byStack[StackKey(stage: row.stage, region: row.region, name: name)] else {
                return RefreshFinding(row: row, verdict: .unchecked("not read"))
            }
            if row.kind == .stack && row.physicalId == name { return RefreshFinding(row: row, verdict: inspection.stack) }
            if inspection.stack.drift == .gone { return RefreshFinding(row: row, verdict: .gone("deleted with its stack \(name)")) }
            if let id = row.physicalId, let verdict = inspection.resources[id] { return RefreshFinding(row: row, verdict: verdict) }
            if let logical = row.logicalId, !inspection.logicalIds.contains(logical) {
                // Not a CloudFormation resource: what mlopsctl records beside a stack (a promotion).
                return RefreshFinding(row: row, verdict: .unchecked("mlopsctl's own record of stack \(name), not a resource in it"))
            }
            return RefreshFinding(row: row, verdict: .gone("no longer part of stack \(name)"))
        }
        var report = RefreshReport(findings: findings)
        report.operatorArn = caller
        return report
    }

    /// `--apply`: the gone rows become deletedOutOfBand, under the ledger lock as a run of its own. Returns their ids.
    public func record(_ report: RefreshReport, lock request: LockRequest) async throws -> [Int64] {
        let gone = report.findings.filter { $0.verdict.drift == .gone }.compactMap(\.row.id)
        guard !gone.isEmpty else { return [] }
        let stamp = Date().formatted(.iso8601)
        return try await ledger.withLock(request) { lock in
            if let arn = report.operatorArn { try await ledger.setOperator(runId: lock.runId, arn: arn) }
            for id in gone {
                try await ledger.settle(id, status: .deletedOutOfBand, detail: "found deleted outside mlopsctl by refresh on \(stamp)")
            }
            return gone
        }
    }

    /// The stages the rows belong to, their credentials checked against the accounts the rows were recorded in. A
    /// stage whose account changed in the topology is left out (its rows are unchecked); any failure to confirm an
    /// account stops the run before anything is read.
    /// - Returns: the checked stages by name, and the caller ARN behind the first one's credentials.
    private func checkedStages(of rows: [TrackedResource]) async throws -> (stages: [String: StageConfig], caller: String?) {
        var wanted: [String: StageConfig] = [:]
        for row in rows {
            guard let stage = Stage(rawValue: row.stage), topology.stages.contains(where: { $0.stage == stage }) else { continue }
            let config = topology[stage]
            if config.account == row.account { wanted[row.stage] = config }
        }
        let pairs = try wanted.values.sorted { $0.stage < $1.stage }.map { ($0, try sessions.session(for: $0)) }
        let arns = try await AccountCheck.verify(pairs)
        return (wanted, pairs.first.flatMap { arns[$0.0.stage] })
    }

    /// A row outside any stack: an uploaded object (HeadObject); anything else is unchecked.
    private func looseVerdict(_ row: TrackedResource, session: AWSSession) async throws -> DriftVerdict {
        guard row.kind == .objectPrefix, let id = row.physicalId, let slash = id.firstIndex(of: "/") else {
            return .unchecked("mlopsctl does not read \(row.kind.rawValue) resources outside a stack")
        }
        let bucket = String(id[..<slash]), key = String(id[id.index(after: slash)...])
        do {
            let head = try await ReadDenied.guarding("s3:GetObject") { try await session.s3.headObject(bucket: bucket, key: key) }
            return head == nil ? .gone("object deleted") : .inSync
        } catch let denied as ReadDenied {
            return .unreadable(denied.action)
        }
    }
}

/// A stack by where it lives.
struct StackKey: Hashable, Comparable, Sendable {
    let stage: String
    let region: String
    let name: String

    static func < (a: StackKey, b: StackKey) -> Bool { (a.stage, a.region, a.name) < (b.stage, b.region, b.name) }
}
