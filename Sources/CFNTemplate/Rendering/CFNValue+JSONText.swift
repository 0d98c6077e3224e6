import Foundation

extension CFNValue {
    /// The compact JSON text of a literal document (sorted keys, no whitespace), for properties that
    /// take JSON as a string, such as an ECR `LifecyclePolicyText`.
    /// - Precondition: `document` holds no intrinsic function (a programming error in a built-in template).
    public static func jsonText(_ document: CFNValue) -> String {
        precondition(document.isLiteral, "jsonText needs a literal document; use subJSON for one with references")
        return TemplateRenderer(style: .compact).render(document)
    }

    /// `Fn::Sub` over the compact JSON text of `document`: a JSON *string* whose `${…}` references
    /// CloudFormation resolves. Inside the document, `.ref(X)` becomes `${X}`, `.getAtt(R, A)` becomes
    /// `${R.A}` and a variable-free `.sub` is inlined, so documents can be written with the usual helpers.
    ///
    /// Used for KMS key policies: the emulator (moto) breaks on an object-valued `KeyPolicy`, while AWS
    /// and cfn-lint accept a string as well.
    /// - Precondition: no other intrinsic appears in `document`.
    public static func subJSON(_ document: CFNValue) -> CFNValue {
        .sub(jsonText(document.inliningReferences()))
    }

    /// Whether the value is plain JSON (no intrinsic anywhere).
    public var isLiteral: Bool {
        switch self {
        case .string, .int, .bool: return true
        case .array(let items): return items.allSatisfy(\.isLiteral)
        case .object(let members): return members.values.allSatisfy(\.isLiteral)
        default: return false
        }
    }

    private func inliningReferences() -> CFNValue {
        switch self {
        case .string, .int, .bool: return self
        case .array(let items): return .array(items.map { $0.inliningReferences() })
        case .object(let members): return .object(members.mapValues { $0.inliningReferences() })
        case .ref(let name): return .string("${\(name)}")
        case .getAtt(let resource, let attribute): return .string("${\(resource).\(attribute)}")
        case .sub(let text, let variables) where variables.isEmpty: return .string(text)
        default: preconditionFailure("subJSON can inline only Ref, GetAtt and Sub without variables, not \(self)")
        }
    }
}

/// A JSON text that cannot become a template value.
public struct JSONValueError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What was being read, e.g. `policies/execution-dev.json`.
    public var source: String
    public var reason: String

    public var description: String {
        "\(source): \(reason); fix the JSON (objects, arrays, strings, integers and booleans only)"
    }
}

extension CFNValue {
    /// Reads JSON text into literal values. With `substitutingVariables`, every string containing `${`
    /// becomes `.sub(string)`, so `${AWS::AccountId}` and friends resolve when the template is deployed.
    /// - Throws: `JSONValueError` naming `source` for malformed JSON, `null` or fractional numbers.
    public init(json: String, source: String, substitutingVariables: Bool = false) throws {
        let literal: LiteralJSON
        do {
            literal = try JSONDecoder().decode(LiteralJSON.self, from: Data(json.utf8))
        } catch let error as JSONValueError {
            throw JSONValueError(source: source, reason: error.reason)
        } catch {
            throw JSONValueError(source: source, reason: "not valid JSON")
        }
        self = literal.value(substitutingVariables: substitutingVariables)
    }
}

/// Decodes any JSON document; the order of attempts matters (Bool before Int: `true` is no number).
private enum LiteralJSON: Decodable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([LiteralJSON])
    case object([String: LiteralJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            throw JSONValueError(source: "", reason: "null is not allowed at \(Self.path(decoder.codingPath))")
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try Self.attempt({ try container.decode([LiteralJSON].self) }) {
            self = .array(items)
        } else if let members = try Self.attempt({ try container.decode([String: LiteralJSON].self) }) {
            self = .object(members)
        } else {
            throw JSONValueError(source: "", reason: "a fractional number at \(Self.path(decoder.codingPath))")
        }
    }

    /// nil when the value has another shape; a problem found deeper inside is passed on unchanged.
    private static func attempt<T>(_ decode: () throws -> T) throws -> T? {
        do { return try decode() } catch let error as JSONValueError { throw error } catch { return nil }
    }

    func value(substitutingVariables: Bool) -> CFNValue {
        switch self {
        case .string(let text): return substitutingVariables && text.contains("${") ? .sub(text) : .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .array(let items): return .array(items.map { $0.value(substitutingVariables: substitutingVariables) })
        case .object(let members): return .object(members.mapValues { $0.value(substitutingVariables: substitutingVariables) })
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let parts = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
        return parts.isEmpty ? "the top level" : "$" + parts.joined()
    }
}
