import Ledger
import Topology

/// What `mlopsctl ledger graph` draws, built from ledger rows only: one box per account (per stage it serves), the
/// stacks mlopsctl recorded there with the resources each holds, and the trust between accounts.
///
/// Trust is what each bootstrap run recorded on its stack's row (`TrackedResource.trustedAccounts`: the stack's
/// TrustedAccounts parameter). A ledger written before mlopsctl kept it falls back to the seed's default graph
/// (`Topology.defaultTrust`) between the accounts whose bootstrap the ledger holds. Everything is sorted, and node ids
/// are given in that order, so one ledger always gives one text.
struct ResourceGraph: Equatable, Sendable {
    /// One stage's account and what mlopsctl recorded in it.
    struct Account: Equatable, Sendable {
        var id: String
        var stage: String
        var account: String
        /// Every region the ledger has rows for in this account and stage, sorted.
        var regions: [String]
        var stacks: [Stack]
        /// Resources outside any stack (objects mlopsctl uploaded, for example).
        var loose: [Item]
        /// The ledger holds this account's CDK bootstrap (its deploy role or its version parameter).
        var isBootstrapped: Bool
        /// The accounts its bootstrap stack trusts, as recorded; nil when no run recorded them.
        var recordedTrust: [String]? = nil
    }

    struct Stack: Equatable, Sendable {
        var id: String
        var name: String
        var region: String
        /// Nil when the ledger has rows inside the stack but no row for the stack itself.
        var status: ResourceStatus?
        var project: String?
        var items: [Item]
    }

    struct Item: Equatable, Sendable {
        var id: String
        var kind: ResourceKind
        var name: String
        var region: String
        var status: ResourceStatus
    }

    /// `truster` trusts `trusted`: the trusted account may deploy into the truster's account through its CDK roles.
    struct Trust: Equatable, Sendable {
        var truster: String
        var trusted: String
    }

    var accounts: [Account]
    var trust: [Trust]

    var stackCount: Int { accounts.reduce(0) { $0 + $1.stacks.count } }
    var itemCount: Int { accounts.reduce(0) { $0 + $1.loose.count + $1.stacks.reduce(0) { $0 + $1.items.count } } }

    /// - Parameter includeDeleted: keep rows whose status is `deleted` (left out by default: they are history).
    init(resources: [TrackedResource], includeDeleted: Bool = false) {
        let rows = resources.filter { includeDeleted || $0.status != .deleted }
        let byAccount = Dictionary(grouping: rows) { AccountKey(stage: $0.stage, account: $0.account) }
        var accounts: [Account] = []
        var stackNumber = 0
        var itemNumber = 0
        for (index, key) in byAccount.keys.sorted().enumerated() {
            let accountRows = byAccount[key]!
            // A stack row names itself in `stack`; any other row (a nested stack included) lives in the stack it names.
            let stackRows = accountRows.filter { $0.kind == .stack && $0.stack == $0.physicalId }
            let contained = accountRows.filter { !($0.kind == .stack && $0.stack == $0.physicalId) }
            var stackKeys = Set(stackRows.map { StackKey(region: $0.region, name: $0.physicalId ?? "") })
            for row in contained { if let stack = row.stack { stackKeys.insert(StackKey(region: row.region, name: stack)) } }
            var stacks: [Stack] = []
            for stackKey in stackKeys.sorted() {
                stackNumber += 1
                let own = stackRows.filter { $0.region == stackKey.region && $0.physicalId == stackKey.name }.max { Self.isOlder($0, $1) }
                let items = contained.filter { $0.region == stackKey.region && $0.stack == stackKey.name }
                stacks.append(Stack(
                    id: "s\(stackNumber)", name: stackKey.name, region: stackKey.region, status: own?.status, project: own?.project,
                    items: Self.items(items, numbering: &itemNumber)))
            }
            let loose = Self.items(contained.filter { $0.stack == nil }, numbering: &itemNumber)
            accounts.append(Account(
                id: "a\(index + 1)", stage: key.stage, account: key.account, regions: Set(accountRows.map(\.region)).sorted(),
                stacks: stacks, loose: loose, isBootstrapped: accountRows.contains(where: Self.marksBootstrap),
                recordedTrust: accountRows.filter { $0.status == .present }.compactMap(\.trustedAccounts).first))
        }
        self.accounts = accounts
        self.trust = accounts.contains { $0.recordedTrust != nil } ? Self.recordedTrust(between: accounts) : Self.defaultTrust(between: accounts)
    }

    /// The trust each bootstrap recorded, to every box of the trusted account (stages may share one); none to itself.
    private static func recordedTrust(between accounts: [Account]) -> [Trust] {
        var edges: [Trust] = []
        for truster in accounts {
            for trustedAccount in truster.recordedTrust ?? [] {
                for trusted in accounts where trusted.account == trustedAccount && trusted.account != truster.account {
                    edges.append(Trust(truster: truster.id, trusted: trusted.id))
                }
            }
        }
        return edges
    }

    /// The seed's trust graph between the bootstrapped accounts; none to an account itself (stages may share one).
    private static func defaultTrust(between accounts: [Account]) -> [Trust] {
        let bootstrapped = accounts.filter(\.isBootstrapped)
        var edges: [Trust] = []
        for truster in bootstrapped {
            guard let stage = Stage(rawValue: truster.stage) else { continue }
            for trustedStage in Topology.defaultTrust[stage] ?? [] {
                for trusted in bootstrapped where trusted.stage == trustedStage.rawValue && trusted.account != truster.account {
                    edges.append(Trust(truster: truster.id, trusted: trusted.id))
                }
            }
        }
        return edges
    }

    /// The CDK bootstrap's own marks: its deploy role `cdk-<qualifier>-deploy-role-…` or `/cdk-bootstrap/<qualifier>/version`.
    private static func marksBootstrap(_ row: TrackedResource) -> Bool {
        guard let name = row.physicalId else { return false }
        switch row.kind {
        case .iamRole: return name.hasPrefix("cdk-") && name.contains("-deploy-role-")
        case .ssmParameter: return name.hasPrefix("/cdk-bootstrap/") && name.hasSuffix("/version")
        default: return false
        }
    }

    private static func items(_ rows: [TrackedResource], numbering: inout Int) -> [Item] {
        let sorted = rows.map { row in
            Item(id: "", kind: row.kind, name: row.physicalId ?? row.logicalId ?? "row \(row.id ?? 0)", region: row.region, status: row.status)
        }.sorted { ($0.kind.rawValue, $0.name, $0.region, $0.status.rawValue) < ($1.kind.rawValue, $1.name, $1.region, $1.status.rawValue) }
        return sorted.map { item in
            numbering += 1
            var numbered = item
            numbered.id = "r\(numbering)"
            return numbered
        }
    }

    private static func isOlder(_ lhs: TrackedResource, _ rhs: TrackedResource) -> Bool {
        (lhs.updatedAt, lhs.id ?? 0) < (rhs.updatedAt, rhs.id ?? 0)
    }

    /// Accounts sort by stage (governance, dev, preprod, prod, then any other name), then account id.
    private struct AccountKey: Hashable, Comparable {
        var stage: String
        var account: String

        static func < (lhs: AccountKey, rhs: AccountKey) -> Bool {
            (lhs.stageRank, lhs.stage, lhs.account) < (rhs.stageRank, rhs.stage, rhs.account)
        }

        private var stageRank: Int { Stage(rawValue: stage).flatMap { Stage.allCases.firstIndex(of: $0) } ?? Stage.allCases.count }
    }

    private struct StackKey: Hashable, Comparable {
        var region: String
        var name: String

        static func < (lhs: StackKey, rhs: StackKey) -> Bool { (lhs.region, lhs.name) < (rhs.region, rhs.name) }
    }
}
