/// Plain JSON, the intermediate form between typed template values and text.
enum JSONNode: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONNode])
    case object([String: JSONNode])
}

extension CFNValue {
    /// The exact CloudFormation JSON form of this value.
    var jsonNode: JSONNode {
        switch self {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .array(let items): return .array(items.map(\.jsonNode))
        case .object(let members): return .object(members.mapValues(\.jsonNode))
        case .ref(let name): return .object(["Ref": .string(name)])
        case .getAtt(let resource, let attribute):
            return Self.function("Fn::GetAtt", .array([.string(resource), .string(attribute)]))
        case .sub(let text, let variables):
            if variables.isEmpty { return Self.function("Fn::Sub", .string(text)) }
            return Self.function("Fn::Sub", .array([.string(text), .object(variables.mapValues(\.jsonNode))]))
        case .join(let delimiter, let list):
            return Self.function("Fn::Join", .array([.string(delimiter), list.jsonNode]))
        case .if(let condition, let whenTrue, let whenFalse):
            return Self.function("Fn::If", .array([.string(condition), whenTrue.jsonNode, whenFalse.jsonNode]))
        case .equals(let lhs, let rhs):
            return Self.function("Fn::Equals", .array([lhs.jsonNode, rhs.jsonNode]))
        case .not(let condition):
            return Self.function("Fn::Not", .array([condition.jsonNode]))
        case .and(let conditions):
            return Self.function("Fn::And", .array(conditions.map(\.jsonNode)))
        case .or(let conditions):
            return Self.function("Fn::Or", .array(conditions.map(\.jsonNode)))
        case .select(let index, let list):
            return Self.function("Fn::Select", .array([index.jsonNode, list.jsonNode]))
        case .split(let delimiter, let source):
            return Self.function("Fn::Split", .array([.string(delimiter), source.jsonNode]))
        case .importValue(let name):
            return Self.function("Fn::ImportValue", name.jsonNode)
        case .findInMap(let map, let topKey, let secondKey):
            return Self.function("Fn::FindInMap", .array([.string(map), topKey.jsonNode, secondKey.jsonNode]))
        case .base64(let value):
            return Self.function("Fn::Base64", value.jsonNode)
        case .getAZs(let region):
            return Self.function("Fn::GetAZs", region.jsonNode)
        case .condition(let name):
            return .object(["Condition": .string(name)])
        }
    }

    private static func function(_ name: String, _ argument: JSONNode) -> JSONNode {
        .object([name: argument])
    }
}
