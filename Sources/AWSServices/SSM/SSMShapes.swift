import Foundation

/// `String`, `StringList` or `SecureString`.
public enum SSMParameterType: String, Sendable, Equatable, Codable, CaseIterable {
    case string = "String"
    case stringList = "StringList"
    case secureString = "SecureString"
}

/// A parameter as GetParameter returns it. `description` leaves the value out: SecureString values
/// are secrets, and plain ones have no business in logs either.
public struct SSMParameter: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var type: SSMParameterType
    /// Decrypted when requested with decryption (the default).
    public var value: String
    public var version: Int
    public var lastModifiedDate: Date?
    public var arn: String?
    public var dataType: String?

    public init(
        name: String, type: SSMParameterType, value: String, version: Int, lastModifiedDate: Date? = nil, arn: String? = nil,
        dataType: String? = nil
    ) {
        self.name = name
        self.type = type
        self.value = value
        self.version = version
        self.lastModifiedDate = lastModifiedDate
        self.arn = arn
        self.dataType = dataType
    }

    public var description: String { "SSMParameter(name: \(name), type: \(type.rawValue), version: \(version), value: <redacted>)" }
}

// MARK: - Wire shapes (JSON 1.1 member names)

struct GetParameterInput: Encodable {
    var Name: String
    var WithDecryption: Bool
}

struct GetParameterOutput: Decodable {
    struct Parameter: Decodable {
        var Name: String
        var `Type`: SSMParameterType
        var Value: String
        var Version: Int
        var LastModifiedDate: Date?
        var ARN: String?
        var DataType: String?
    }
    var Parameter: Parameter
}

struct PutParameterInput: Encodable {
    var Name: String
    var Description: String?
    var Value: String
    var `Type`: SSMParameterType
    var Overwrite: Bool?
}

struct PutParameterOutput: Decodable {
    var Version: Int
}

struct DeleteParameterInput: Encodable {
    var Name: String
}
