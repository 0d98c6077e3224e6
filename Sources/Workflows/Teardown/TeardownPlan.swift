import Ledger

/// The ordered deletions of one teardown, built from the ledger alone.
public struct TeardownPlan: Sendable, Equatable {
    /// One unit of work: a stack with the rows it holds, a SageMaker project with the Service Catalog stack it
    /// provisioned, or one resource outside any stack.
    public struct Step: Sendable, Equatable {
        public var layer: TeardownScope.Layer
        /// The stack row, the SageMaker project row (`sagemaker-project/<name>`), or the standalone resource.
        public var target: TrackedResource
        /// For a stack (or a project's provisioned stack): the resources it holds (buckets emptied first, ECR
        /// images removed first, keys scheduled).
        public var members: [TrackedResource]
        /// Uploaded objects (`bucket/key`) that go with a bucket of this step.
        public var objects: [TrackedResource]
        /// For a SageMaker project: the stack Service Catalog provisioned for it (`SC-<account>-<pp-id>`), which
        /// DeleteProject removes; nil when the ledger has no row for it.
        public var provisionedStack: TrackedResource? = nil

        public var stage: String { target.stage }
        public var account: String { target.account }
        public var isStack: Bool { target.kind == .stack }
        /// A project launched through SageMaker: deleted with DeleteProject, which terminates its provisioned product.
        public var isSageMakerProject: Bool { TeardownPlan.isSageMakerProject(target) }
        /// Every row the step settles.
        public var rows: [TrackedResource] { [target] + (provisionedStack.map { [$0] } ?? []) + members + objects }
        /// The same rows, the stacks last: the order they are settled in once the step is done.
        var rowsTargetLast: [TrackedResource] { members + objects + (provisionedStack.map { [$0] } ?? []) + [target] }
    }

    /// The ledger's physical id prefix of a project launched through SageMaker (`sagemaker-project/<name>`).
    static let sageMakerProjectPrefix = "sagemaker-project/"

    static func isSageMakerProject(_ row: TrackedResource) -> Bool {
        row.kind == .provisionedProduct && (row.physicalId ?? "").hasPrefix(sageMakerProjectPrefix)
    }

    public var steps: [Step]
    /// Rows in scope teardown leaves alone, with why (adopted: mlopsctl did not create them).
    public var retained: [(resource: TrackedResource, reason: String)]
    /// Account of each stage that has something to delete.
    public var accounts: [String: String]
    /// Rows `refresh --apply` found deleted outside mlopsctl: already done, nothing to delete.
    public var goneOutOfBand: [TrackedResource] = []

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
        // An adopted row an earlier teardown kept (retained) is live again when --include-adopted asks for it.
        let live = rows.filter { row in
            (liveStatuses.contains(row.status) || (scope.includeAdopted && row.ownership == .adopted && row.status == .retained))
                && scope.includes(row, catalogStack: catalogStack)
        }
        let provisioned = provisionedStacks(in: live)
        // The stack Service Catalog provisioned for a project mlopsctl created is mlopsctl's, even where an older
        // launch-project recorded it as adopted (it had not seen the stack before).
        let provisionedIds = Set(provisioned.values.compactMap(\.id))
        // With --include-adopted, what mlopsctl adopted is deleted like what it created.
        let keepsAdopted = !scope.includeAdopted
        let adoptedStacks = Set(
            live.filter { keepsAdopted && $0.kind == .stack && $0.ownership == .adopted && !provisionedIds.contains($0.id ?? -1) }
                .compactMap(\.physicalId))
        var retained: [(TrackedResource, String)] = []
        var owned: [TrackedResource] = []
        for row in live {
            if keepsAdopted && row.ownership == .adopted && !provisionedIds.contains(row.id ?? -1) {
                retained.append((row, "adopted: mlopsctl did not create it (--include-adopted deletes it)"))
            } else if let stack = row.stack, row.kind != .stack, adoptedStacks.contains(stack) {
                retained.append((row, "in adopted stack \(stack): mlopsctl did not create it"))
            } else {
                owned.append(row)
            }
        }
        var stackRows = owned.filter { $0.kind == .stack }
        // Rows left live in a stack already settled deleted (a run killed between settles, by an older mlopsctl):
        // the stack's step runs again, finds the stack gone, and settles them.
        let liveStackKeys = Set(stackRows.map(StackKey.init(stack:)))
        let orphanedIn = Set(owned.compactMap { row in
            row.kind == .stack || row.kind == .objectPrefix ? nil : StackKey(holding: row)
        }).subtracting(liveStackKeys)
        stackRows += rows.filter { row in
            row.kind == .stack && row.status == .deleted && row.ownership == .created && scope.includes(row, catalogStack: catalogStack)
                && orphanedIn.contains(StackKey(stack: row))
        }
        let stackKeys = Set(stackRows.map(StackKey.init(stack:)))
        var members: [StackKey: [TrackedResource]] = [:]
        var standalone: [TrackedResource] = []
        var objects: [TrackedResource] = []
        for row in owned where row.kind != .stack {
            if row.kind == .objectPrefix {
                objects.append(row)
            } else if let stack = StackKey(holding: row), stackKeys.contains(stack) {
                members[stack, default: []].append(row)
            } else {
                standalone.append(row)
            }
        }
        var steps = stackRows.filter { !provisionedIds.contains($0.id ?? -1) }.map { row in
            Step(layer: TeardownScope.layer(of: row, catalogStack: catalogStack), target: row,
                 members: members[StackKey(stack: row)] ?? [], objects: [])
        }
        // A SageMaker project and its provisioned stack are one step: DeleteProject terminates the provisioned
        // product, which deletes the stack; deleting that stack directly would leave the product TAINTED.
        steps += standalone.map { row in
            let stack = row.id.flatMap { provisioned[$0] }
            return Step(
                layer: TeardownScope.layer(of: row, catalogStack: catalogStack), target: row,
                members: stack.map { members[StackKey(stack: $0)] ?? [] } ?? [], objects: [],
                provisionedStack: stack)
        }
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
        let gone = rows.filter { $0.status == .deletedOutOfBand && scope.includes($0, catalogStack: catalogStack) }
        return TeardownPlan(
            steps: steps, retained: retained.sorted { ($0.0.id ?? 0) < ($1.0.id ?? 0) }, accounts: accounts, goneOutOfBand: gone)
    }

    /// A stack is named uniquely only within its account and region.
    struct StackKey: Hashable {
        var account: String
        var region: String
        var name: String

        /// The key of a stack row.
        init(stack row: TrackedResource) {
            self.init(account: row.account, region: row.region, name: row.physicalId ?? "")
        }

        /// The key of the stack a resource row belongs to, if any.
        init?(holding row: TrackedResource) {
            guard let stack = row.stack else { return nil }
            self.init(account: row.account, region: row.region, name: stack)
        }

        init(account: String, region: String, name: String) {
            self.account = account
            self.region = region
            self.name = name
        }
    }

    /// The Service Catalog stack of each SageMaker project row (by row id). launch-project records the provisioned
    /// product id as the project row's detail, and the stack as `SC-<account>-<pp-id>` under the same project; where
    /// the detail is something else (a failed teardown's reason), the project's one `SC-<account>-` stack is it.
    static func provisionedStacks(in rows: [TrackedResource]) -> [Int64: TrackedResource] {
        var result: [Int64: TrackedResource] = [:]
        for project in rows where isSageMakerProject(project) && project.ownership == .created {
            guard let id = project.id, let name = project.project else { continue }
            let candidates = rows.filter {
                $0.kind == .stack && $0.project == name && $0.account == project.account && $0.region == project.region
                    && ($0.physicalId ?? "").hasPrefix("SC-\(project.account)-")
            }
            if let detail = project.detail, detail.hasPrefix("pp-"), let exact = candidates.first(where: { $0.physicalId == "SC-\(project.account)-\(detail)" }) {
                result[id] = exact
            } else if candidates.count == 1 {
                result[id] = candidates[0]
            }
        }
        return result
    }

    /// Layer first; then standalone objects before stacks (their buckets may be deleted with a stack), stacks and
    /// SageMaker projects newest first, and other standalone resources last.
    static func order(_ a: Step, _ b: Step) -> Bool {
        if a.layer != b.layer { return a.layer < b.layer }
        func rank(_ s: Step) -> Int { s.target.kind == .objectPrefix ? 0 : s.isStack || s.isSageMakerProject ? 1 : 2 }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if a.target.createdAt != b.target.createdAt { return a.target.createdAt > b.target.createdAt }
        return (a.target.id ?? 0) > (b.target.id ?? 0)
    }
}
