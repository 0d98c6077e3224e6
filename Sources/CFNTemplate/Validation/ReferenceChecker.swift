/// Walks every value of a template and reports names that point nowhere.
struct ReferenceChecker {
    let template: Template
    private let parameters: Set<String>
    private let resources: Set<String>
    private let conditions: Set<String>

    init(template: Template) {
        self.template = template
        self.parameters = Set(template.parameters.keys)
        self.resources = Set(template.resources.keys)
        self.conditions = Set(template.conditions.keys)
    }

    func problems() -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for name in template.conditions.keys.sorted() {
            check(template.conditions[name]!, at: "Conditions.\(name)", into: &problems)
        }
        for name in template.rules.keys.sorted() {
            let rule = template.rules[name]!
            if let condition = rule.ruleCondition { check(condition, at: "Rules.\(name).RuleCondition", into: &problems) }
            for (index, assertion) in rule.assertions.enumerated() {
                check(assertion.assert, at: "Rules.\(name).Assertions[\(index)].Assert", into: &problems)
            }
        }
        for name in template.mappings.keys.sorted() {
            for (key, values) in template.mappings[name]!.sorted(by: { $0.key < $1.key }) {
                for (second, value) in values.sorted(by: { $0.key < $1.key }) {
                    check(value, at: "Mappings.\(name).\(key).\(second)", into: &problems)
                }
            }
        }
        for name in template.resources.keys.sorted() {
            checkResource(name, template.resources[name]!, into: &problems)
        }
        for name in template.outputs.keys.sorted() {
            let output = template.outputs[name]!
            let location = "Outputs.\(name)"
            checkCondition(output.condition, at: "\(location).Condition", into: &problems)
            check(output.value, at: "\(location).Value", into: &problems)
            if let export = output.exportName { check(export, at: "\(location).Export.Name", into: &problems) }
        }
        return problems
    }

    private func checkResource(_ name: String, _ resource: Resource, into problems: inout [TemplateProblem]) {
        let location = "Resources.\(name)"
        checkCondition(resource.condition, at: "\(location).Condition", into: &problems)
        for dependency in resource.dependsOn where !resources.contains(dependency) {
            problems.append(TemplateProblem(location: "\(location).DependsOn", kind: .unknownDependency(dependency)))
        }
        for (key, value) in resource.properties.sorted(by: { $0.key < $1.key }) {
            check(value, at: "\(location).Properties.\(key)", into: &problems)
        }
        for (key, value) in resource.metadata.sorted(by: { $0.key < $1.key }) {
            check(value, at: "\(location).Metadata.\(key)", into: &problems)
        }
    }

    private func checkCondition(_ name: String?, at location: String, into problems: inout [TemplateProblem]) {
        if let name, !conditions.contains(name) {
            problems.append(TemplateProblem(location: location, kind: .undefinedCondition(name)))
        }
    }

    private func check(_ value: CFNValue, at location: String, into problems: inout [TemplateProblem]) {
        switch value {
        case .string, .int, .bool:
            return
        case .array(let items):
            for (index, item) in items.enumerated() { check(item, at: "\(location)[\(index)]", into: &problems) }
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) { check(member, at: "\(location).\(key)", into: &problems) }
        case .ref(let name):
            if !isReferenceable(name) { problems.append(TemplateProblem(location: location, kind: .undefinedReference(name))) }
        case .getAtt(let resource, let attribute):
            if !resources.contains(resource) {
                problems.append(TemplateProblem(location: location, kind: .undefinedGetAttResource(resource, attribute: attribute)))
            }
        case .sub(let text, let variables):
            checkSub(text, variables: variables, at: location, into: &problems)
        case .join(_, let list):
            check(list, at: "\(location).Fn::Join", into: &problems)
        case .if(let condition, let whenTrue, let whenFalse):
            checkCondition(condition, at: "\(location).Fn::If", into: &problems)
            check(whenTrue, at: "\(location).Fn::If[1]", into: &problems)
            check(whenFalse, at: "\(location).Fn::If[2]", into: &problems)
        case .equals(let lhs, let rhs):
            check(lhs, at: "\(location).Fn::Equals[0]", into: &problems)
            check(rhs, at: "\(location).Fn::Equals[1]", into: &problems)
        case .not(let condition):
            check(condition, at: "\(location).Fn::Not", into: &problems)
        case .and(let conditions):
            for (index, item) in conditions.enumerated() { check(item, at: "\(location).Fn::And[\(index)]", into: &problems) }
        case .or(let conditions):
            for (index, item) in conditions.enumerated() { check(item, at: "\(location).Fn::Or[\(index)]", into: &problems) }
        case .select(let index, let list):
            check(index, at: "\(location).Fn::Select[0]", into: &problems)
            check(list, at: "\(location).Fn::Select[1]", into: &problems)
        case .split(_, let source):
            check(source, at: "\(location).Fn::Split", into: &problems)
        case .importValue(let name):
            check(name, at: "\(location).Fn::ImportValue", into: &problems)
        case .findInMap(let map, let topKey, let secondKey):
            if template.mappings[map] == nil {
                problems.append(TemplateProblem(location: "\(location).Fn::FindInMap", kind: .undefinedMapping(map)))
            }
            check(topKey, at: "\(location).Fn::FindInMap[1]", into: &problems)
            check(secondKey, at: "\(location).Fn::FindInMap[2]", into: &problems)
        case .base64(let inner):
            check(inner, at: "\(location).Fn::Base64", into: &problems)
        case .getAZs(let region):
            check(region, at: "\(location).Fn::GetAZs", into: &problems)
        case .condition(let name):
            checkCondition(name, at: "\(location).Condition", into: &problems)
        }
    }

    private func isReferenceable(_ name: String) -> Bool {
        parameters.contains(name) || resources.contains(name) || PseudoParameter.names.contains(name)
    }

    private func checkSub(_ text: String, variables: [String: CFNValue], at location: String, into problems: inout [TemplateProblem]) {
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) {
            check(value, at: "\(location).Fn::Sub[1].\(key)", into: &problems)
        }
        for name in Self.subVariables(in: text) where variables[name] == nil && !isReferenceable(name) {
            // `${Resource.Attribute}` is the GetAtt form; parameters and pseudo parameters have no dots… except `AWS::`.
            if let dot = name.firstIndex(of: "."), resources.contains(String(name[..<dot])) { continue }
            problems.append(TemplateProblem(location: location, kind: .undefinedSubVariable(name)))
        }
    }

    /// The names inside `${…}` in a `Fn::Sub` string, skipping the `${!Literal}` escape.
    static func subVariables(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            let name = rest[..<end]
            rest = rest[rest.index(after: end)...]
            if !name.hasPrefix("!") { names.append(String(name)) }
        }
        return names
    }
}
