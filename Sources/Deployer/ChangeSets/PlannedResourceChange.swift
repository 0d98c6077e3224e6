import AWSServices
import Foundation

/// One line of a stack's plan: a resource, what happens to it, and whether that would replace or delete
/// something stateful. Built from CloudFormation's change set and the template comparison together.
public struct PlannedResourceChange: Sendable, Equatable, Codable {
    public var logicalId: String
    public var resourceType: String
    /// `Add`, `Modify`, `Remove` (or another `ChangeAction` CloudFormation reports).
    public var action: String
    /// CloudFormation's `Replacement` for a Modify: `True`, `False`, `Conditional`; nil when it gave none.
    public var replacement: String?
    /// Why it would be replaced or deleted: the properties CloudFormation says need recreation, and what the
    /// template comparison found.
    public var reasons: [String]
    public var stateful: Bool

    public init(
        logicalId: String, resourceType: String, action: String, replacement: String? = nil, reasons: [String] = [], stateful: Bool? = nil
    ) {
        self.logicalId = logicalId
        self.resourceType = resourceType
        self.action = action
        self.replacement = replacement
        self.reasons = reasons
        self.stateful = stateful ?? StatefulResources.isStateful(resourceType)
    }

    /// Replaced (CloudFormation says True or Conditional, or the template comparison found a reason) or removed.
    public var replacesOrRemoves: Bool {
        action == "Remove" || replacement == "True" || replacement == "Conditional" || (action == "Modify" && !reasons.isEmpty)
    }

    /// A stateful resource that would be replaced or removed: the update is refused without `--allow-replace`.
    public var isDestructive: Bool { stateful && replacesOrRemoves }

    /// `yes`, `conditional`, `no`, or `-` (not applicable or not reported).
    public var replacementText: String {
        switch (action, replacement) {
        case ("Remove", _): "deleted"
        case (_, "True"): "yes"
        case (_, "Conditional"): "conditional"
        case ("Modify", _) where !reasons.isEmpty: "yes"
        case (_, "False"): "no"
        default: "-"
        }
    }

    /// `StagingBucket (AWS::S3::Bucket): replaced: BucketName changes (a replacement property)`.
    public var summary: String {
        let what = action == "Remove" || replacementText == "deleted" ? "deleted" : replacement == "Conditional" ? "may be replaced" : "replaced"
        return "\(logicalId) (\(resourceType)): \(what)" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    }

    /// The plan of a change set: its resource changes, merged with the template comparison's findings (a finding on
    /// a resource the change set does not list becomes a line of its own), in logical id order.
    static func merge(_ changes: [ResourceChange], _ findings: [TemplateReplacementCheck.Finding]) -> [PlannedResourceChange] {
        var planned: [String: PlannedResourceChange] = [:]
        for change in changes {
            // The details say which properties force it, when CloudFormation's verdict is a replacement.
            let replaced = change.replacement == "True" || change.replacement == "Conditional"
            let recreated = change.details.filter { replaced && ($0.requiresRecreation == "Always" || $0.requiresRecreation == "Conditionally") }
                .compactMap { detail -> String? in
                    guard let name = detail.name ?? detail.attribute else { return nil }
                    let cause = detail.causingEntity.map { " (through \($0))" } ?? ""
                    return "\(name) requires \(detail.requiresRecreation == "Always" ? "replacement" : "a possible replacement")\(cause)"
                }
            planned[change.logicalResourceId] = PlannedResourceChange(
                logicalId: change.logicalResourceId, resourceType: change.resourceType, action: change.action, replacement: change.replacement,
                reasons: recreated)
        }
        for finding in findings {
            var line = planned[finding.logicalId]
                ?? PlannedResourceChange(logicalId: finding.logicalId, resourceType: finding.resourceType, action: finding.action)
            if finding.action == "Remove" && line.action != "Remove" && planned[finding.logicalId] == nil { line.action = "Remove" }
            if !line.reasons.contains(finding.reason) { line.reasons.append(finding.reason) }
            planned[finding.logicalId] = line
        }
        return planned.keys.sorted().map { planned[$0]! }
    }
}
