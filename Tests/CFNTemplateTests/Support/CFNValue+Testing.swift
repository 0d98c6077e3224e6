@testable import CFNTemplate

/// Navigation helpers for asserting on template structure.
extension CFNValue {
    subscript(key: String) -> CFNValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var items: [CFNValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The text of a variable-free `Fn::Sub`.
    var subText: String? {
        if case .sub(let text, let variables) = self, variables.isEmpty { return text }
        return nil
    }

    /// The name of the enum case, e.g. `getAtt`.
    var caseName: String {
        let label = Mirror(reflecting: self).children.first?.label
        return label ?? String(describing: self)
    }
}

/// Resolves `${Name}` in a `Fn::Sub` string from `values` (what CloudFormation does with parameters and
/// pseudo parameters); names without a value stay as they are.
func substitute(_ text: String, _ values: [String: String]) -> String {
    var result = text
    for (name, value) in values {
        result = result.replacingOccurrences(of: "${\(name)}", with: value)
    }
    return result
}
