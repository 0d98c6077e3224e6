import Ledger

extension ResourceGraph {
    /// A Mermaid flowchart of the same graph: a subgraph per account, `-.->` edges for trust.
    var mermaid: String {
        var lines = ["%% \(Self.summary(self))", "flowchart LR"]
        for account in accounts {
            lines.append("  subgraph \(account.id)_box [\(Self.mermaidText(Self.accountTitle(account, separator: " · ")))]")
            lines.append("    \(account.id)[/\(Self.mermaidText("account \(account.account)"))/]")
            for stack in account.stacks {
                lines.append("    \(stack.id)[\(Self.mermaidText(Self.stackLabel(stack, separator: "<br/>")))]")
                for item in stack.items { lines.append("    " + Self.mermaidNode(item)) }
            }
            for item in account.loose { lines.append("    " + Self.mermaidNode(item)) }
            lines.append("  end")
        }
        for account in accounts {
            for stack in account.stacks {
                lines.append("  \(account.id) --> \(stack.id)")
                for item in stack.items { lines.append("  \(stack.id) --> \(item.id)") }
            }
            for item in account.loose { lines.append("  \(account.id) --> \(item.id)") }
        }
        for edge in trust { lines.append("  \(edge.truster) -. trusts .-> \(edge.trusted)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidNode(_ item: Item) -> String {
        let label = mermaidText(itemLabel(item, separator: "<br/>"))
        return item.kind == .iamRole ? "\(item.id){{\(label)}}" : "\(item.id)[\(label)]"
    }

    /// A quoted Mermaid label; a double quote inside is written as its entity.
    static func mermaidText(_ text: String) -> String {
        "\"\(text.replacingOccurrences(of: "\"", with: "#quot;"))\""
    }
}
