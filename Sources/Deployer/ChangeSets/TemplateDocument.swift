import Foundation

/// A JSON template body as plain values, for comparing two versions of a template without the CFNTemplate model.
/// YAML bodies are not read (nil): callers then rely on CloudFormation's own answer alone.
public struct TemplateDocument: Sendable {
    public indirect enum Value: Equatable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([String: Value])
    }

    public let resources: [String: [String: Value]]
    public let parameters: Set<String>
    public let conditions: [String: Value]

    public init?(jsonBody: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonBody.utf8)) as? [String: Any],
            case .object(let root) = Value(object)
        else { return nil }
        var resources: [String: [String: Value]] = [:]
        if case .object(let declared) = root["Resources"] ?? .null {
            for (id, resource) in declared {
                if case .object(let members) = resource { resources[id] = members }
            }
        }
        self.resources = resources
        if case .object(let declared) = root["Parameters"] ?? .null { parameters = Set(declared.keys) } else { parameters = [] }
        if case .object(let declared) = root["Conditions"] ?? .null { conditions = declared } else { conditions = [:] }
    }

    public func type(of logicalId: String) -> String? {
        if case .string(let type) = resources[logicalId]?["Type"] ?? .null { return type }
        return nil
    }

    public func property(_ name: String, of logicalId: String) -> Value? {
        guard case .object(let properties) = resources[logicalId]?["Properties"] ?? .null else { return nil }
        return properties[name]
    }

    func condition(of logicalId: String) -> String? {
        if case .string(let name) = resources[logicalId]?["Condition"] ?? .null { return name }
        return nil
    }

    /// The template parameters `value` depends on: `Ref`s, `${Name}` in `Fn::Sub`, and the parameters of the
    /// conditions it names (`Fn::If`, `Condition`), followed transitively.
    func parametersReferenced(by value: Value) -> Set<String> {
        var found: Set<String> = []
        var visitedConditions: Set<String> = []
        collect(value, into: &found, visitedConditions: &visitedConditions)
        return found
    }

    func parametersReferenced(byCondition name: String) -> Set<String> {
        parametersReferenced(by: .object(["Condition": .string(name)]))
    }

    private func collect(_ value: Value, into found: inout Set<String>, visitedConditions: inout Set<String>) {
        switch value {
        case .array(let items):
            for item in items { collect(item, into: &found, visitedConditions: &visitedConditions) }
        case .object(let members):
            if members.count == 1, case .string(let name) = members["Ref"] ?? .null, parameters.contains(name) { found.insert(name) }
            if case .string(let text) = members["Fn::Sub"] ?? .null { found.formUnion(subVariables(text)) }
            if case .array(let items) = members["Fn::Sub"] ?? .null, case .string(let text) = items.first ?? .null {
                found.formUnion(subVariables(text))
            }
            var conditionNames: [String] = []
            if case .string(let name) = members["Condition"] ?? .null { conditionNames.append(name) }
            if case .array(let items) = members["Fn::If"] ?? .null, case .string(let name) = items.first ?? .null { conditionNames.append(name) }
            for name in conditionNames where visitedConditions.insert(name).inserted {
                if let condition = conditions[name] { collect(condition, into: &found, visitedConditions: &visitedConditions) }
            }
            for member in members.values { collect(member, into: &found, visitedConditions: &visitedConditions) }
        default:
            break
        }
    }

    /// `${Name}` in a `Fn::Sub` string that name a template parameter (not `${!Literal}`, not `${Res.Attr}`).
    private func subVariables(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let name = String(rest[..<close])
            if parameters.contains(name) { names.insert(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension TemplateDocument.Value {
    /// From `JSONSerialization` output, where booleans are NSNumbers of type `c` (JSON has no other char numbers).
    public init(_ any: Any) {
        switch any {
        case let text as String: self = .string(text)
        case let number as NSNumber:
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let items as [Any]: self = .array(items.map(Self.init))
        case let members as [String: Any]: self = .object(members.mapValues(Self.init))
        default: self = .null
        }
    }
}
