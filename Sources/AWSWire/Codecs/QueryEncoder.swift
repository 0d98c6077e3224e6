import Foundation

/// Encodes an `Encodable` input into query-protocol parameters, using the coding keys as wire
/// names: nested structures become `Outer.Inner`, arrays `Name.member.N` (an empty array `Name=`),
/// `[String: String]` maps `Name.entry.N.key/value`, booleans `true`/`false`, dates ISO 8601.
/// Nil optionals are left out.
public struct QueryEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> QueryParameters {
        let sink = QueryParameterSink()
        try value.encode(to: QueryParameterEncoder(sink: sink, prefix: nil, codingPath: []))
        return QueryParameters(sink.pairs)
    }
}

/// Collects pairs while one `encode` call runs; never escapes it.
private final class QueryParameterSink {
    var pairs: [(String, String)] = []
}

private struct QueryParameterEncoder: Encoder {
    let sink: QueryParameterSink
    let prefix: String?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func name(_ key: String) -> String {
        prefix.map { "\($0).\(key)" } ?? key
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedQueryContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedQueryContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleQueryContainer(encoder: self)
    }

    /// Writes one value at `name`: scalars directly, everything else through a nested encoder.
    func write(_ value: some Encodable, at name: String, path: [any CodingKey]) throws {
        if let scalar = Self.scalar(value) {
            sink.pairs.append((name, scalar))
        } else if let map = value as? [String: String] {
            for (index, key) in map.keys.sorted().enumerated() {
                sink.pairs.append(("\(name).entry.\(index + 1).key", key))
                sink.pairs.append(("\(name).entry.\(index + 1).value", map[key]!))
            }
        } else {
            try value.encode(to: QueryParameterEncoder(sink: sink, prefix: name, codingPath: path))
        }
    }

    static func scalar(_ value: Any) -> String? {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool ? "true" : "false"
        case let date as Date: return AWSTimestamp.iso8601String(date)
        case let int as Int: return String(int)
        case let int as Int64: return String(int)
        case let int as Int32: return String(int)
        case let int as UInt: return String(int)
        case let double as Double: return String(double)
        case let float as Float: return String(float)
        case let url as URL: return url.absoluteString
        default: return nil
        }
    }
}

private struct KeyedQueryContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: QueryParameterEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil(forKey key: Key) throws {}

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.write(value, at: encoder.name(key.stringValue), path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        QueryParameterEncoder(sink: encoder.sink, prefix: encoder.name(key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        QueryParameterEncoder(sink: encoder.sink, prefix: encoder.name(key.stringValue), codingPath: codingPath + [key])
            .unkeyedContainer()
    }

    func superEncoder() -> any Encoder { encoder }
    func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

/// `prefix.member.N`; an array that ends up with no elements still writes `prefix=`.
private final class UnkeyedQueryContainer: UnkeyedEncodingContainer {
    let encoder: QueryParameterEncoder
    private(set) var count = 0
    var codingPath: [any CodingKey] { encoder.codingPath }

    init(encoder: QueryParameterEncoder) {
        self.encoder = encoder
        // Recorded now and removed by the first element, because containers have no "finished" callback.
        placeholderIndex = encoder.sink.pairs.count
        encoder.sink.pairs.append((encoder.prefix ?? "", ""))
    }

    private var placeholderIndex: Int?

    private func nextName() -> String {
        if let index = placeholderIndex {
            encoder.sink.pairs.remove(at: index)
            placeholderIndex = nil
        }
        count += 1
        return encoder.name("member.\(count)")
    }

    func encodeNil() throws {}

    func encode<T: Encodable>(_ value: T) throws {
        let name = nextName()
        try encoder.write(value, at: name, path: codingPath)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        QueryParameterEncoder(sink: encoder.sink, prefix: nextName(), codingPath: codingPath).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        QueryParameterEncoder(sink: encoder.sink, prefix: nextName(), codingPath: codingPath).unkeyedContainer()
    }

    func superEncoder() -> any Encoder { encoder }
}

private struct SingleQueryContainer: SingleValueEncodingContainer {
    let encoder: QueryParameterEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil() throws {}

    func encode<T: Encodable>(_ value: T) throws {
        guard let name = encoder.prefix else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "query input must be a structure"))
        }
        try encoder.write(value, at: name, path: codingPath)
    }
}
