import Foundation

/// Checks a template before any AWS call and reports every problem at once (not just the first):
/// references (`Ref`, `Fn::GetAtt`, `${X}` in `Fn::Sub`) to undeclared names, undeclared conditions and
/// mappings, unknown `DependsOn`, parameter defaults violating their own constraints, logical id format,
/// section sizes and the rendered size against the `TemplateBody` limit.
public struct TemplateValidator: Sendable {
    /// CloudFormation's limit for a template passed inline as `TemplateBody`.
    public static let templateBodyLimit = 51_200

    /// The largest rendered body accepted, in bytes.
    public var maximumBodyBytes: Int
    /// The renderer whose output is measured (the one the deployer sends).
    public var renderer: TemplateRenderer

    public init(maximumBodyBytes: Int = TemplateValidator.templateBodyLimit, renderer: TemplateRenderer = TemplateRenderer()) {
        self.maximumBodyBytes = maximumBodyBytes
        self.renderer = renderer
    }

    /// Every problem in `template`, ordered by section and then by logical id.
    public func problems(in template: Template) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        problems += logicalIDProblems(template)
        problems += parameterProblems(template)
        problems += ReferenceChecker(template: template).problems()
        let bytes = renderer.data(template).count
        if bytes > maximumBodyBytes {
            problems.append(TemplateProblem(location: "template", kind: .templateTooLarge(bytes: bytes, limit: maximumBodyBytes)))
        }
        return problems
    }

    /// Throws all problems of `template` together.
    /// - Throws: `TemplateValidationError` naming `name` when there is any problem.
    public func validate(_ template: Template, name: String = "template") throws {
        let found = problems(in: template)
        if !found.isEmpty { throw TemplateValidationError(template: name, problems: found) }
    }

    // MARK: - Logical ids and section sizes

    static let sectionLimits: [(section: String, limit: Int)] = [("Parameters", 200), ("Resources", 500), ("Outputs", 200), ("Mappings", 200)]

    private func logicalIDProblems(_ template: Template) -> [TemplateProblem] {
        let sections: [(String, [String])] = [
            ("Parameters", Array(template.parameters.keys)), ("Mappings", Array(template.mappings.keys)),
            ("Conditions", Array(template.conditions.keys)), ("Rules", Array(template.rules.keys)),
            ("Resources", Array(template.resources.keys)), ("Outputs", Array(template.outputs.keys)),
        ]
        var problems: [TemplateProblem] = []
        for (section, names) in sections {
            for name in names.sorted() where !Self.isValidLogicalID(name) {
                problems.append(TemplateProblem(location: "\(section).\(name)", kind: .invalidLogicalID(name)))
            }
            if let limit = Self.sectionLimits.first(where: { $0.section == section })?.limit, names.count > limit {
                problems.append(TemplateProblem(location: section, kind: .tooManyEntries(count: names.count, limit: limit)))
            }
        }
        return problems
    }

    /// 1–255 ASCII letters and digits.
    public static func isValidLogicalID(_ name: String) -> Bool {
        (1...255).contains(name.utf8.count)
            && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    // MARK: - Parameter defaults

    private func parameterProblems(_ template: Template) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for name in template.parameters.keys.sorted() {
            let parameter = template.parameters[name]!
            let location = "Parameters.\(name).Default"
            var pattern: NSRegularExpression?
            if let allowedPattern = parameter.allowedPattern {
                pattern = try? NSRegularExpression(pattern: "^(?:\(allowedPattern))$")
                if pattern == nil {
                    problems.append(TemplateProblem(location: "Parameters.\(name).AllowedPattern", kind: .invalidAllowedPattern(allowedPattern)))
                }
            }
            guard let value = parameter.default else { continue }
            // List parameters apply their constraints to each element.
            let elements = parameter.type.isList ? value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [value]
            for element in elements {
                // A NoEcho default may be a secret: never repeat it in a message.
                let shown = parameter.noEcho ? "****" : element
                if let pattern, let allowedPattern = parameter.allowedPattern, !Self.matches(pattern, element) {
                    problems.append(TemplateProblem(location: location, kind: .defaultDoesNotMatchPattern(value: shown, pattern: allowedPattern)))
                }
                if let allowed = parameter.allowedValues, !allowed.contains(element) {
                    problems.append(TemplateProblem(location: location, kind: .defaultNotAllowed(value: shown, allowed: allowed)))
                }
            }
        }
        return problems
    }

    private static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
