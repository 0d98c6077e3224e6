import Deployer
import Foundation

/// Reading resolved template values (refresh compares them with what AWS answers).
extension TemplateDocument.Value {
    /// As `JSONSerialization` would have produced it (for comparison and for sending back as JSON text).
    var foundationObject: Any {
        switch self {
        case .string(let text): text
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? Int(number) as Any : number as Any
        case .bool(let flag): flag
        case .null: NSNull()
        case .array(let items): items.map(\.foundationObject)
        case .object(let members): members.mapValues(\.foundationObject)
        }
    }

    /// Sorted-key JSON text.
    var jsonText: String? {
        guard let data = try? JSONSerialization.data(withJSONObject: foundationObject, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string(let text) where text.lowercased() == "true" || text.lowercased() == "false": text.lowercased() == "true"
        default: nil
        }
    }

    subscript(key: String) -> TemplateDocument.Value? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var items: [TemplateDocument.Value]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
