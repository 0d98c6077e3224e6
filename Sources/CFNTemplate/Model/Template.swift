/// A whole CloudFormation template as typed values. Section dictionaries are keyed by logical id;
/// `TemplateRenderer` writes them with sorted keys, so insertion order never matters.
public struct Template: Sendable, Hashable {
    /// The only format version CloudFormation knows.
    public static let formatVersion = "2010-09-09"

    public var description: String?
    public var metadata: [String: CFNValue]
    public var parameters: [String: Parameter]
    /// `Mappings`: map name → top-level key → second-level key → value.
    public var mappings: [String: [String: [String: CFNValue]]]
    /// `Conditions`: condition name → condition function (`.equals`, `.not`, `.and`, `.or`, `.condition`).
    public var conditions: [String: CFNValue]
    public var rules: [String: Rule]
    public var resources: [String: Resource]
    public var outputs: [String: Output]

    public init(description: String? = nil,
                metadata: [String: CFNValue] = [:],
                parameters: [String: Parameter] = [:],
                mappings: [String: [String: [String: CFNValue]]] = [:],
                conditions: [String: CFNValue] = [:],
                rules: [String: Rule] = [:],
                resources: [String: Resource] = [:],
                outputs: [String: Output] = [:]) {
        self.description = description
        self.metadata = metadata
        self.parameters = parameters
        self.mappings = mappings
        self.conditions = conditions
        self.rules = rules
        self.resources = resources
        self.outputs = outputs
    }
}

/// A template rule (`Rules` section): assertions on parameter values checked before any change.
public struct Rule: Sendable, Hashable {
    public struct Assertion: Sendable, Hashable {
        public var assert: CFNValue
        public var description: String?

        public init(assert: CFNValue, description: String? = nil) {
            self.assert = assert
            self.description = description
        }
    }

    /// When set, the assertions apply only if this evaluates to true.
    public var ruleCondition: CFNValue?
    public var assertions: [Assertion]

    public init(ruleCondition: CFNValue? = nil, assertions: [Assertion]) {
        self.ruleCondition = ruleCondition
        self.assertions = assertions
    }
}
