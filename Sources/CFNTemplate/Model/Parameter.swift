/// A template parameter. `default` and `allowedValues` are strings, as CloudFormation passes them.
public struct Parameter: Sendable, Hashable {
    public var type: ParameterType
    public var `default`: String?
    public var description: String?
    /// A regular expression the whole value must match (CloudFormation anchors it).
    public var allowedPattern: String?
    public var allowedValues: [String]?
    public var constraintDescription: String?
    public var noEcho: Bool
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: Int?
    public var maxValue: Int?

    public init(type: ParameterType = .string,
                default: String? = nil,
                description: String? = nil,
                allowedPattern: String? = nil,
                allowedValues: [String]? = nil,
                constraintDescription: String? = nil,
                noEcho: Bool = false,
                minLength: Int? = nil,
                maxLength: Int? = nil,
                minValue: Int? = nil,
                maxValue: Int? = nil) {
        self.type = type
        self.default = `default`
        self.description = description
        self.allowedPattern = allowedPattern
        self.allowedValues = allowedValues
        self.constraintDescription = constraintDescription
        self.noEcho = noEcho
        self.minLength = minLength
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
    }
}

/// A parameter's `Type`, e.g. `String`, `CommaDelimitedList`, `AWS::SSM::Parameter::Value<String>`.
public struct ParameterType: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let string: ParameterType = "String"
    public static let number: ParameterType = "Number"
    public static let commaDelimitedList: ParameterType = "CommaDelimitedList"
    public static let numberList: ParameterType = "List<Number>"

    /// `AWS::SSM::Parameter::Value<valueType>`: the value is read from an SSM parameter named by the input.
    public static func ssmParameterValue(_ valueType: String = "String") -> ParameterType {
        ParameterType(rawValue: "AWS::SSM::Parameter::Value<\(valueType)>")
    }

    /// Whether values are comma-separated lists (each element is checked against the constraints).
    public var isList: Bool {
        rawValue == "CommaDelimitedList" || rawValue.hasPrefix("List<")
    }
}
