/// One thing wrong with a template, with where it is (`Resources.Bucket.Properties.BucketName`).
public struct TemplateProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `Ref` to a name that is no parameter, resource or pseudo parameter.
        case undefinedReference(String)
        /// `Fn::GetAtt` (or `${R.Attr}` in `Fn::Sub`) on a name that is no resource.
        case undefinedGetAttResource(String, attribute: String)
        /// `${X}` in `Fn::Sub` naming no variable, parameter, resource or pseudo parameter.
        case undefinedSubVariable(String)
        /// A condition name (`Condition:`, `Fn::If`, `{"Condition": …}`) not declared in `Conditions`.
        case undefinedCondition(String)
        /// `Fn::FindInMap` on a map not declared in `Mappings`.
        case undefinedMapping(String)
        /// `DependsOn` naming no resource.
        case unknownDependency(String)
        /// A parameter default that does not match the parameter's `AllowedPattern`.
        case defaultDoesNotMatchPattern(value: String, pattern: String)
        /// A parameter default outside the parameter's `AllowedValues`.
        case defaultNotAllowed(value: String, allowed: [String])
        /// An `AllowedPattern` that is no valid regular expression.
        case invalidAllowedPattern(String)
        /// A logical id that is not 1–255 ASCII letters and digits.
        case invalidLogicalID(String)
        /// A rendered body over the `TemplateBody` limit.
        case templateTooLarge(bytes: Int, limit: Int)
        /// More entries in a section than CloudFormation accepts.
        case tooManyEntries(count: Int, limit: Int)
    }

    /// A dotted key path into the template, e.g. `Outputs.BucketName.Value`.
    public var location: String
    public var kind: Kind

    public init(location: String, kind: Kind) {
        self.location = location
        self.kind = kind
    }

    public var description: String {
        "\(location): \(message)"
    }

    private var message: String {
        switch kind {
        case .undefinedReference(let name):
            return "Ref \(name) names no parameter, resource or pseudo parameter; declare it or fix the name"
        case .undefinedGetAttResource(let name, let attribute):
            return "GetAtt \(name).\(attribute) names no resource; declare the resource or fix the name"
        case .undefinedSubVariable(let name):
            return "Fn::Sub variable ${\(name)} names no variable, parameter, resource or pseudo parameter; "
                + "declare it, fix the name, or write ${!\(name)} for a literal"
        case .undefinedCondition(let name):
            return "condition \(name) is not declared in Conditions; declare it or fix the name"
        case .undefinedMapping(let name):
            return "Fn::FindInMap map \(name) is not declared in Mappings; declare it or fix the name"
        case .unknownDependency(let name):
            return "DependsOn \(name) names no resource; remove it or fix the name"
        case .defaultDoesNotMatchPattern(let value, let pattern):
            return "default \"\(value)\" does not match AllowedPattern \(pattern); change the default or the pattern"
        case .defaultNotAllowed(let value, let allowed):
            return "default \"\(value)\" is not one of AllowedValues \(allowed.joined(separator: ", ")); change the default or the list"
        case .invalidAllowedPattern(let pattern):
            return "AllowedPattern \(pattern) is not a valid regular expression; fix the pattern"
        case .invalidLogicalID(let name):
            return "logical id \"\(name)\" must be 1-255 ASCII letters and digits; rename it"
        case .templateTooLarge(let bytes, let limit):
            return "the rendered template is \(bytes) bytes, over the \(limit)-byte TemplateBody limit; "
                + "shrink it or upload it to S3 and pass TemplateURL"
        case .tooManyEntries(let count, let limit):
            return "\(count) entries, over CloudFormation's limit of \(limit); split the stack"
        }
    }
}

/// All problems of one template, thrown by `TemplateValidator.validate(_:name:)`.
public struct TemplateValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's name in messages, e.g. `bootstrap template`.
    public var template: String
    /// Every problem found, in a stable order.
    public var problems: [TemplateProblem]

    public init(template: String, problems: [TemplateProblem]) {
        self.template = template
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(template) has \(count): " + problems.map(\.description).joined(separator: "; ")
    }
}
