import Ledger

extension ResourceGraph {
    /// Graphviz DOT: a cluster per account (stage, account id, regions) holding an account node, its stacks and their
    /// resources; dashed edges for trust. Roles are hexagons; anything not `present` says its status.
    var dot: String {
        var lines = [
            "// \(Self.summary(self))",
            "digraph ledger {",
            "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.15, ranksep=0.4];",
            "  node [shape=box, fontname=\"Helvetica\", fontsize=9, height=0.3];",
            "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.6];",
        ]
        for account in accounts {
            lines.append("  subgraph cluster_\(account.id) {")
            lines.append("    label=\(Self.quoted(Self.accountTitle(account, separator: "\n")));")
            lines.append("    style=rounded;")
            lines.append("    \(account.id) [label=\(Self.quoted("account \(account.account)")), shape=folder];")
            for stack in account.stacks {
                lines.append("    \(stack.id) [label=\(Self.quoted(Self.stackLabel(stack, separator: "\n"))), shape=box3d\(Self.style(stack.status))];")
                for item in stack.items { lines.append("    " + Self.node(item)) }
            }
            for item in account.loose { lines.append("    " + Self.node(item)) }
            lines.append("  }")
        }
        for account in accounts {
            for stack in account.stacks {
                lines.append("  \(account.id) -> \(stack.id);")
                for item in stack.items { lines.append("  \(stack.id) -> \(item.id);") }
            }
            for item in account.loose { lines.append("  \(account.id) -> \(item.id);") }
        }
        for edge in trust {
            lines.append("  \(edge.truster) -> \(edge.trusted) [label=\"trusts\", style=dashed, color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", constraint=false];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func node(_ item: Item) -> String {
        let shape = item.kind == .iamRole ? "hexagon" : "box"
        return "\(item.id) [label=\(quoted(itemLabel(item, separator: "\n"))), shape=\(shape)\(style(item.status))];"
    }

    private static func style(_ status: ResourceStatus?) -> String {
        switch status {
        case .present, nil: return ""
        case .deleted: return ", style=dotted, color=gray50, fontcolor=gray50"
        case .failed: return ", color=red3"
        default: return ", style=dashed"
        }
    }

    /// A DOT string: quotes and backslashes escaped, `\n` written as DOT's centred line break.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
