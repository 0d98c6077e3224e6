/// A value in a CloudFormation template: a JSON literal or an intrinsic function.
///
/// Literals convert implicitly, so templates read close to the JSON they render to:
/// ```swift
/// let name: CFNValue = .sub("cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}")
/// let block: CFNValue = ["BlockPublicAcls": true, "Days": 30, "Rules": [name, .noValue]]
/// ```
/// Each intrinsic renders to exactly one CloudFormation JSON form (see `TemplateRenderer`).
public indirect enum CFNValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([CFNValue])
    case object([String: CFNValue])

    /// `{"Ref": name}`: a parameter, a resource or a pseudo parameter (`AWS::Region`, …).
    case ref(String)
    /// `{"Fn::GetAtt": [resource, attribute]}`.
    case getAtt(String, String)
    /// `{"Fn::Sub": text}`, or `{"Fn::Sub": [text, variables]}` when `variables` is not empty.
    case sub(String, variables: [String: CFNValue] = [:])
    /// `{"Fn::Join": [delimiter, list]}`; `list` is an array or a list-valued intrinsic.
    case join(String, CFNValue)
    /// `{"Fn::If": [condition, whenTrue, whenFalse]}`.
    case `if`(String, CFNValue, CFNValue)
    /// `{"Fn::Equals": [lhs, rhs]}`.
    case equals(CFNValue, CFNValue)
    /// `{"Fn::Not": [condition]}`.
    case not(CFNValue)
    /// `{"Fn::And": [conditions…]}`.
    case and([CFNValue])
    /// `{"Fn::Or": [conditions…]}`.
    case or([CFNValue])
    /// `{"Fn::Select": [index, list]}`.
    case select(CFNValue, CFNValue)
    /// `{"Fn::Split": [delimiter, source]}`.
    case split(String, CFNValue)
    /// `{"Fn::ImportValue": exportName}`.
    case importValue(CFNValue)
    /// `{"Fn::FindInMap": [mapName, topLevelKey, secondLevelKey]}`.
    case findInMap(String, CFNValue, CFNValue)
    /// `{"Fn::Base64": value}`.
    case base64(CFNValue)
    /// `{"Fn::GetAZs": region}`; `""` means the stack's region.
    case getAZs(CFNValue)
    /// `{"Condition": name}`: a named condition used inside another condition.
    case condition(String)
}

// MARK: - Pseudo parameters

extension CFNValue {
    /// `{"Ref": "AWS::NoValue"}`: removes the property (or list element) it stands for.
    public static let noValue: CFNValue = .ref(PseudoParameter.noValue.rawValue)
    public static let accountId: CFNValue = .ref(PseudoParameter.accountId.rawValue)
    public static let region: CFNValue = .ref(PseudoParameter.region.rawValue)
    public static let partition: CFNValue = .ref(PseudoParameter.partition.rawValue)
    public static let urlSuffix: CFNValue = .ref(PseudoParameter.urlSuffix.rawValue)
    public static let stackName: CFNValue = .ref(PseudoParameter.stackName.rawValue)
    public static let stackId: CFNValue = .ref(PseudoParameter.stackId.rawValue)
    public static let notificationARNs: CFNValue = .ref(PseudoParameter.notificationARNs.rawValue)

    /// `{"Ref": parameter.rawValue}` for a pseudo parameter.
    public static func ref(_ parameter: PseudoParameter) -> CFNValue {
        .ref(parameter.rawValue)
    }
}

// MARK: - Literals

extension CFNValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension CFNValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension CFNValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension CFNValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: CFNValue...) { self = .array(elements) }
}

extension CFNValue: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as in a JSON object.
    public init(dictionaryLiteral elements: (String, CFNValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
