import Ledger

/// The ordered deletions of one teardown, built from the ledger alone.
public struct TeardownPlan: Sendable, Equatable {
    /// One unit of work: a stack with the rows it holds, or one resource outside any stack.
    public struct Step: Sendable, Equatable {
        public var layer: TeardownScope.Layer
        /// The stack row, or the standalone resource.
        public var target: TrackedResource
        /// For a stack: the resources it holds (buckets emptied first, ECR images removed first, keys scheduled after).
        public var members: [TrackedResource]
        /// Uploaded objects (`bucket/key`) that go with a bucket of this step.
        public var objects: [TrackedResource]

        public var stage: String { target.stage }
        public var account: String { target.account }
        public var isStack: Bool { target.kind == .stack }
        /// Every row the step settles.
        public var rows: [TrackedResource] { [target] + members + objects }
    }

    public var steps: [Step]
    /// Rows in scope teardown leaves alone, with why (adopted: mlopsctl did not create them).
    public var retained: [(resource: TrackedResource, reason: String)]
    /// Account of each stage that has something to delete.
    public var accounts: [String: String]

    public static func == (lhs: TeardownPlan, rhs: TeardownPlan) -> Bool {
        lhs.steps == rhs.steps && lhs.accounts == rhs.accounts
            && lhs.retained.map(\.resource) == rhs.retained.map(\.resource) && lhs.retained.map(\.reason) == rhs.retained.map(\.reason)
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// The prod accounts the plan deletes in (each needs its id typed, or `--confirm-prod`).
    public func prodAccounts(prodStages: Set<String> = ["prod"]) -> [String] {
        Array(Set(steps.filter { prodStages.contains($0.stage) }.map(\.account))).sorted()
    }

    /// Whether `confirmed` (ids typed or given with `--confirm-prod`) covers every prod account of the plan.
    public func prodConfirmed(by confirmed: Set<String>, prodStages: Set<String> = ["prod"]) -> Bool {
        prodAccounts(prodStages: prodStages).allSatisfy(confirmed.contains)
    }

    /// Statuses teardown acts on: anything that may still exist.
    static let liveStatuses: Set<ResourceStatus> = [.present, .planned, .failed, .deleting]

    /// Builds the plan: rows in `scope` that may exist, adopted ones (and everything in an adopted stack) set
    /// aside as retained, the rest grouped by stack and ordered projects → catalog → bootstrap, and within a
    /// layer and stage, stacks in reverse creation order (a later stack may depend on an earlier one).
    public static func build(from rows: [TrackedResource], scope: TeardownScope, catalogStack: String) -> TeardownPlan {
        let live = rows.filter { liveStatuses.contains($0.status) && scope.includes($0, catalogStack: catalogStack) }
        let adoptedStacks = Set(live.filter { $0.kind == .stack && $0.ownership == .adopted }.compactMap(\.physicalId))
        var retained: [(TrackedResource, String)] = []
        var owned: [TrackedResource] = []
        for row in live {
            if row.ownership == .adopted {
                retained.append((row, "adopted: mlopsctl did not create it"))
            } else if let stack = row.stack, row.kind != .stack, adoptedStacks.contains(stack) {
                retained.append((row, "in adopted stack \(stack): mlopsctl did not create it"))
            } else {
                owned.append(row)
            }
        }
        let stackRows = owned.filter { $0.kind == .stack }
        let stackKeys = Set(stackRows.map { key($0.account, $0.region, $0.physicalId ?? "") })
        var members: [String: [TrackedResource]] = [:]
        var standalone: [TrackedResource] = []
        var objects: [TrackedResource] = []
        for row in owned where row.kind != .stack {
            if row.kind == .objectPrefix {
                objects.append(row)
            } else if let stack = row.stack, stackKeys.contains(key(row.account, row.region, stack)) {
                members[key(row.account, row.region, stack), default: []].append(row)
            } else {
                standalone.append(row)
            }
        }
        var steps = stackRows.map { row in
            Step(layer: TeardownScope.layer(of: row, catalogStack: catalogStack), target: row,
                 members: members[key(row.account, row.region, row.physicalId ?? "")] ?? [], objects: [])
        }
        steps += standalone.map { Step(layer: TeardownScope.layer(of: $0, catalogStack: catalogStack), target: $0, members: [], objects: []) }
        // Objects go with their bucket when the plan deletes it; otherwise they are a step of their own.
        for object in objects {
            let bucket = String((object.physicalId ?? "").prefix { $0 != "/" })
            if let index = steps.firstIndex(where: { step in
                step.rows.contains { $0.kind == .bucket && $0.physicalId == bucket && $0.account == object.account }
            }) {
                steps[index].objects.append(object)
            } else {
                steps.append(Step(layer: TeardownScope.layer(of: object, catalogStack: catalogStack), target: object, members: [], objects: []))
            }
        }
        steps.sort(by: order)
        var accounts: [String: String] = [:]
        for step in steps { accounts[step.stage] = step.account }
        return TeardownPlan(steps: steps, retained: retained.sorted { ($0.0.id ?? 0) < ($1.0.id ?? 0) }, accounts: accounts)
    }

    private static func key(_ account: String, _ region: String, _ stack: String) -> String { "\(account)|\(region)|\(stack)" }

    /// Layer first; then standalone objects before stacks (their buckets may be deleted with a stack), stacks
    /// newest first, and other standalone resources last.
    static func order(_ a: Step, _ b: Step) -> Bool {
        if a.layer != b.layer { return a.layer < b.layer }
        func rank(_ s: Step) -> Int { s.target.kind == .objectPrefix ? 0 : s.isStack ? 1 : 2 }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if a.target.createdAt != b.target.createdAt { return a.target.createdAt > b.target.createdAt }
        return (a.target.id ?? 0) > (b.target.id ?? 0)
    }
}
