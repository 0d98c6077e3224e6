// How each template section maps onto CloudFormation's JSON keys. Empty optional sections are left out.
extension Template {
    var jsonNode: JSONNode {
        var root: [String: JSONNode] = [
            "AWSTemplateFormatVersion": .string(Template.formatVersion),
            "Resources": .object(resources.mapValues(\.jsonNode)),
        ]
        root["Description"] = description.map(JSONNode.string)
        if !metadata.isEmpty { root["Metadata"] = .object(metadata.mapValues(\.jsonNode)) }
        if !parameters.isEmpty { root["Parameters"] = .object(parameters.mapValues(\.jsonNode)) }
        if !mappings.isEmpty {
            root["Mappings"] = .object(mappings.mapValues { .object($0.mapValues { .object($0.mapValues(\.jsonNode)) }) })
        }
        if !conditions.isEmpty { root["Conditions"] = .object(conditions.mapValues(\.jsonNode)) }
        if !rules.isEmpty { root["Rules"] = .object(rules.mapValues(\.jsonNode)) }
        if !outputs.isEmpty { root["Outputs"] = .object(outputs.mapValues(\.jsonNode)) }
        return .object(root)
    }
}

extension Parameter {
    var jsonNode: JSONNode {
        var node: [String: JSONNode] = ["Type": .string(type.rawValue)]
        node["Default"] = `default`.map(JSONNode.string)
        node["Description"] = description.map(JSONNode.string)
        node["AllowedPattern"] = allowedPattern.map(JSONNode.string)
        node["AllowedValues"] = allowedValues.map { .array($0.map(JSONNode.string)) }
        node["ConstraintDescription"] = constraintDescription.map(JSONNode.string)
        if noEcho { node["NoEcho"] = .bool(true) }
        node["MinLength"] = minLength.map(JSONNode.int)
        node["MaxLength"] = maxLength.map(JSONNode.int)
        node["MinValue"] = minValue.map(JSONNode.int)
        node["MaxValue"] = maxValue.map(JSONNode.int)
        return .object(node)
    }
}

extension Resource {
    var jsonNode: JSONNode {
        var node: [String: JSONNode] = ["Type": .string(type)]
        if !properties.isEmpty { node["Properties"] = .object(properties.mapValues(\.jsonNode)) }
        node["Condition"] = condition.map(JSONNode.string)
        if !dependsOn.isEmpty { node["DependsOn"] = .array(dependsOn.map(JSONNode.string)) }
        node["DeletionPolicy"] = deletionPolicy.map { .string($0.rawValue) }
        node["UpdateReplacePolicy"] = updateReplacePolicy.map { .string($0.rawValue) }
        if !metadata.isEmpty { node["Metadata"] = .object(metadata.mapValues(\.jsonNode)) }
        return .object(node)
    }
}

extension Output {
    var jsonNode: JSONNode {
        var node: [String: JSONNode] = ["Value": value.jsonNode]
        node["Description"] = description.map(JSONNode.string)
        node["Export"] = exportName.map { .object(["Name": $0.jsonNode]) }
        node["Condition"] = condition.map(JSONNode.string)
        return .object(node)
    }
}

extension Rule {
    var jsonNode: JSONNode {
        var node: [String: JSONNode] = [
            "Assertions": .array(assertions.map { assertion in
                var item: [String: JSONNode] = ["Assert": assertion.assert.jsonNode]
                item["AssertDescription"] = assertion.description.map(JSONNode.string)
                return .object(item)
            }),
        ]
        node["RuleCondition"] = ruleCondition?.jsonNode
        return .object(node)
    }
}
