import Foundation

/// JSON coding as AWS JSON protocols expect it: timestamps are epoch seconds on the way out and
/// accepted as numbers or strings (any `AWSTimestamp` form) on the way in.
public enum AWSJSON {
    /// Sorted keys so bodies are reproducible; slashes unescaped (ARNs and paths stay readable).
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(value)
    }

    /// Decodes `type`; an empty body is read as `{}` (some operations answer 200 with nothing).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return AWSTimestamp.date(epochSeconds: seconds) }
            let text = try container.decode(String.self)
            guard let date = AWSTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unrecognised timestamp \"\(text)\"")
            }
            return date
        }
        let isBlank = data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return try decoder.decode(type, from: isBlank ? Data("{}".utf8) : data)
    }
}

/// The input of an operation that takes no parameters: encodes as `{}`.
public struct EmptyInput: Encodable, Sendable {
    public init() {}
}

/// The output of an operation whose response body is ignored.
public struct EmptyOutput: Decodable, Sendable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
}
