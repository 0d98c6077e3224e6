/// One problem in an IAM policy document.
public struct PolicyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The document, e.g. `policies/execution-dev.json`.
    public var source: String
    /// Where in the document, e.g. `Statement[3].Action`.
    public var location: String
    /// What is wrong and how to fix it.
    public var message: String

    public var description: String { "\(source): \(location): \(message)" }
}

/// Checks execution policy documents: well-formed IAM JSON (Version 2012-10-17; every statement with
/// Effect, Action and Resource) and least privilege (no `*` action, no service-wide `service:*` grant,
/// no AdministratorAccess), within IAM's size limit for managed policies.
public enum PolicyDocumentLinter {
    /// IAM's limit for a managed policy document, whitespace not counted.
    public static let maximumCharacters = 6_144

    /// Every problem in `json`; `source` names the document in messages.
    public static func problems(in json: String, source: String) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ location: String, _ message: String) {
            problems.append(PolicyProblem(source: source, location: location, message: message))
        }
        let size = json.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        if size > maximumCharacters {
            report("document", "\(size) characters without whitespace, over IAM's \(maximumCharacters); split or tighten it")
        }
        let document: CFNValue
        do {
            document = try CFNValue(json: json, source: source)
        } catch {
            report("document", "not valid JSON; fix the syntax")
            return problems
        }
        guard case .object(let members) = document else {
            report("document", "must be a JSON object with Version and Statement")
            return problems
        }
        if members["Version"] != "2012-10-17" {
            report("Version", "must be \"2012-10-17\" (the only version with policy variables)")
        }
        let statements: [CFNValue]
        switch members["Statement"] {
        case .array(let items) where !items.isEmpty: statements = items
        case .object: statements = [members["Statement"]!]
        default:
            report("Statement", "must be a non-empty list of statements")
            return problems
        }
        var sids: Set<String> = []
        for (index, statement) in statements.enumerated() {
            let location = "Statement[\(index)]"
            guard case .object(let fields) = statement else {
                report(location, "must be an object")
                continue
            }
            if case .string(let sid) = fields["Sid"], !sids.insert(sid).inserted {
                report("\(location).Sid", "\(sid) is used twice; give each statement its own Sid")
            }
            problems += statementProblems(fields, at: location, source: source)
        }
        if json.contains("AdministratorAccess") {
            report("document", "mentions AdministratorAccess; execution policies must not grant or attach it")
        }
        return problems
    }

    private static func statementProblems(_ fields: [String: CFNValue], at location: String, source: String) -> [PolicyProblem] {
        var messages: [(key: String, message: String)] = []
        let effect = fields["Effect"]
        if effect != "Allow" && effect != "Deny" { messages.append((".Effect", "must be Allow or Deny")) }
        if fields["NotAction"] != nil { messages.append((".NotAction", "is not allowed; list the actions under Action")) }
        if fields["NotResource"] != nil { messages.append((".NotResource", "is not allowed; list the resources under Resource")) }
        if strings(fields["Resource"])?.isEmpty ?? true {
            messages.append((".Resource", "must be a string or a non-empty list of strings"))
        }
        messages += actionMessages(fields["Action"], allow: effect == "Allow")
        return messages.map { PolicyProblem(source: source, location: location + $0.key, message: $0.message) }
    }

    private static func actionMessages(_ value: CFNValue?, allow: Bool) -> [(key: String, message: String)] {
        guard let actions = strings(value), !actions.isEmpty else {
            return [(".Action", "must be a string or a non-empty list of strings")]
        }
        var messages: [(key: String, message: String)] = []
        for action in actions {
            if action == "*" {
                messages.append((".Action", "\"*\" grants every action; list the actions needed"))
                continue
            }
            let parts = action.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, isServicePrefix(parts[0]), isActionPattern(parts[1]) else {
                messages.append((".Action", "\(action) is not of the form service:Action; fix it"))
                continue
            }
            if allow, parts[1] == "*" {
                messages.append((".Action", "\(action) grants the whole service; list the actions needed"))
            }
        }
        return messages
    }

    private static func strings(_ value: CFNValue?) -> [String]? {
        switch value {
        case .string(let text): return [text]
        case .array(let items):
            let texts = items.compactMap { item -> String? in if case .string(let text) = item { return text } else { return nil } }
            return texts.count == items.count ? texts : nil
        default: return nil
        }
    }

    private static func isServicePrefix(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func isActionPattern(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "*"
        }
    }
}
