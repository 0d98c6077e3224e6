extension ResourceGraph {
    /// The first line of either format: what is drawn, and where trust comes from.
    static func summary(_ graph: ResourceGraph) -> String {
        "mlopsctl ledger graph: \(graph.accounts.count) accounts, \(graph.stackCount) stacks, \(graph.itemCount) resources; "
            + (graph.accounts.contains { $0.recordedTrust != nil }
                ? "trust edges: as each bootstrap recorded them"
                : "trust edges: the seed's default graph between bootstrapped accounts (no bootstrap recorded its trust)")
    }

    static func accountTitle(_ account: Account, separator: String) -> String {
        [account.stage, account.account, account.regions.joined(separator: ", ")].joined(separator: separator)
    }

    static func stackLabel(_ stack: Stack, separator: String) -> String {
        var lines = ["stack \(stack.name)", stack.region]
        if let project = stack.project { lines.append("project \(project)") }
        if let status = stack.status, status != .present { lines.append("(\(status.rawValue))") }
        if stack.status == nil { lines.append("(no stack row)") }
        return lines.joined(separator: separator)
    }

    static func itemLabel(_ item: Item, separator: String) -> String {
        var lines = [item.kind.rawValue, item.name]
        if item.status != .present { lines.append("(\(item.status.rawValue))") }
        return lines.joined(separator: separator)
    }
}
