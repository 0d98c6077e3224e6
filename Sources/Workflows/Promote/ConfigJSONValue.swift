import Foundation

/// A decoded JSON value that keeps booleans, numbers and strings apart (JSONSerialization's NSNumber does not),
/// so a config file can be checked key by key with errors that name the key.
enum ConfigJSONValue: Decodable, Equatable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case object([String: ConfigJSONValue])
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: ConfigJSONValue].self) {
            self = .object(value)
        } else {
            self = .other
        }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var object: [String: ConfigJSONValue]? { if case .object(let value) = self { value } else { nil } }
    /// The value when it is a whole number.
    var integer: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 1e9 else { return nil }
        return Int(value)
    }
}
