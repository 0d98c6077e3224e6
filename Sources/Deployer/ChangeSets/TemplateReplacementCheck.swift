import Foundation

/// The second line of the replacement guard: compares the deployed template (GetTemplate) with the new one for
/// stateful resources, so a replacement is caught even where CloudFormation's change set says nothing about it
/// (emulators leave `Replacement` out) and whatever CloudFormation's answer. Finds, per stateful resource of the
/// deployed template: its removal, a changed `Type`, a changed replacement property (`StatefulResources`), a
/// replacement property or `Condition` that depends on a parameter whose value changes.
struct TemplateReplacementCheck {
    struct Finding: Equatable {
        var logicalId: String
        var resourceType: String
        /// `Remove` or `Modify`.
        var action: String
        var reason: String
    }

    let deployed: TemplateDocument
    let proposed: TemplateDocument
    /// The parameters whose value differs between the deployed stack and the new deployment.
    let changedParameters: Set<String>

    func findings() -> [Finding] {
        var findings: [Finding] = []
        for logicalId in deployed.resources.keys.sorted() {
            guard let type = deployed.type(of: logicalId), StatefulResources.isStateful(type) else { continue }
            let add = { (action: String, reason: String) in
                findings.append(Finding(logicalId: logicalId, resourceType: type, action: action, reason: reason))
            }
            guard proposed.resources[logicalId] != nil else {
                add("Remove", "no longer in the template")
                continue
            }
            if let newType = proposed.type(of: logicalId), newType != type {
                add("Remove", "its type changes to \(newType)")
                continue
            }
            for property in StatefulResources.replacementProperties[type] ?? [] {
                let before = deployed.property(property, of: logicalId)
                let after = proposed.property(property, of: logicalId)
                if before != after {
                    add("Modify", "\(property) changes (a replacement property)")
                } else if let after, let parameter = proposed.parametersReferenced(by: after).intersection(changedParameters).sorted().first {
                    add("Modify", "\(property) depends on parameter \(parameter), whose value changes")
                }
            }
            if let condition = proposed.condition(of: logicalId) ?? deployed.condition(of: logicalId) {
                let parameters = proposed.parametersReferenced(byCondition: condition).union(deployed.parametersReferenced(byCondition: condition))
                if let parameter = parameters.intersection(changedParameters).sorted().first {
                    add("Remove", "its condition \(condition) depends on parameter \(parameter), whose value changes (it may be deleted)")
                } else if proposed.condition(of: logicalId) != deployed.condition(of: logicalId) {
                    add("Remove", "its condition changes (it may be deleted)")
                }
            }
        }
        return findings
    }
}
