import Foundation
import Yams

/// The optional sections: `trust`, `executionPolicies` and `bootstrap`.
extension TopologyDocumentReader {
    /// `trust: { stage: [stage, …] }`; a listed stage replaces its default, so `prod: []` removes prod's trust.
    mutating func readTrust(_ document: Node.Mapping) -> [Stage: [Stage]] {
        var trust = Topology.defaultTrust
        guard let node = document["trust"], let entries = mapping(node, at: "trust") else { return trust }
        for (key, value) in entries {
            guard let name = key.scalar?.string else { continue }
            let path = "trust.\(name)"
            guard let stage = stageNamed(name, at: path, node: key) else { continue }
            guard let list = value.sequence else {
                report(path, "expected a list of stages (e.g. [dev, governance]), got \(describe(value))", value)
                continue
            }
            var trusted: [Stage] = []
            for item in list {
                guard let itemName = string(item, at: path), let other = stageNamed(itemName, at: path, node: item) else { continue }
                if other == stage {
                    report(path, "a stage always trusts its own account; remove \(itemName) from its list", item)
                } else if trusted.contains(other) {
                    report(path, "\(itemName) is listed twice", item)
                } else {
                    trusted.append(other)
                }
            }
            trust[stage] = trusted
        }
        return trust
    }

    /// `executionPolicies: { stage: [ARN or ./file.json, …] }`.
    mutating func readExecutionPolicies(_ document: Node.Mapping, baseDirectory: String?) -> [Stage: [ExecutionPolicy]] {
        var policies: [Stage: [ExecutionPolicy]] = [:]
        guard let node = document["executionPolicies"], let entries = mapping(node, at: "executionPolicies") else { return policies }
        for (key, value) in entries {
            guard let name = key.scalar?.string else { continue }
            let path = "executionPolicies.\(name)"
            guard let stage = stageNamed(name, at: path, node: key) else { continue }
            guard let list = value.sequence, !list.isEmpty else {
                report(path, "expected a non-empty list of policy ARNs or .json files; omit the stage to use the shipped policy", value)
                continue
            }
            var stagePolicies: [ExecutionPolicy] = []
            for item in list {
                guard let text = string(item, at: path) else { continue }
                if let policy = executionPolicy(text, at: path, node: item, baseDirectory: baseDirectory) { stagePolicies.append(policy) }
            }
            policies[stage] = stagePolicies
        }
        return policies
    }

    private mutating func executionPolicy(_ text: String, at path: String, node: Node, baseDirectory: String?) -> ExecutionPolicy? {
        if text.hasPrefix("arn:") {
            if text.range(of: #"^arn:aws[a-z-]*:iam::(aws|\d{12}):policy/[\w+=,.@/-]{1,512}$"#, options: .regularExpression) == nil {
                report(path, "\(TopologyFormats.quoted(text)) is not an IAM managed policy ARN (arn:aws:iam::ACCOUNT|aws:policy/NAME)", node)
                return nil
            }
            return .managed(arn: text)
        }
        guard text.hasSuffix(".json") else {
            report(path, "\(TopologyFormats.quoted(text)) is neither a policy ARN nor a .json policy file", node)
            return nil
        }
        let resolved = text.hasPrefix("/") ? text : URL(fileURLWithPath: baseDirectory ?? FileManager.default.currentDirectoryPath)
            .appendingPathComponent(text).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            report(path, "policy file \(resolved) not found; paths are relative to the topology file", node)
            return nil
        }
        return .document(path: resolved)
    }

    /// `bootstrap: { stackName, terminationProtection, tags }`.
    mutating func readBootstrap(_ document: Node.Mapping) -> BootstrapSettings {
        var settings = BootstrapSettings()
        guard let node = document["bootstrap"], let fields = mapping(node, at: "bootstrap") else { return settings }
        checkKeys(of: fields, at: "bootstrap", known: TopologyKeys.bootstrap)
        if let nameNode = fields["stackName"], let name = string(nameNode, at: "bootstrap.stackName") {
            if name.range(of: #"^[A-Za-z][A-Za-z0-9-]{0,127}$"#, options: .regularExpression) == nil {
                report("bootstrap.stackName", "\(TopologyFormats.quoted(name)) is not a valid stack name (a letter, then letters, digits, hyphens; ≤128)", nameNode)
            } else {
                settings.stackName = name
            }
        }
        if let protectionNode = fields["terminationProtection"] {
            if let value = protectionNode.bool, protectionNode.scalar?.style == .plain {
                settings.terminationProtection = value
            } else {
                report("bootstrap.terminationProtection", "expected true or false, got \(describe(protectionNode))", protectionNode)
            }
        }
        if let tagsNode = fields["tags"], let tags = mapping(tagsNode, at: "bootstrap.tags") {
            for (key, value) in tags {
                guard let tagKey = key.scalar?.string, let tagValue = string(value, at: "bootstrap.tags.\(key.scalar?.string ?? "?")") else { continue }
                let tagPath = "bootstrap.tags.\(tagKey)"
                if tagKey.isEmpty || tagKey.count > 128 || tagKey.lowercased().hasPrefix("aws:") {
                    report(tagPath, "tag keys are 1 to 128 characters and may not start with aws:", key)
                } else if tagValue.count > 256 {
                    report(tagPath, "tag values are at most 256 characters", value)
                } else {
                    settings.tags[tagKey] = tagValue
                }
            }
            if tags.count > 50 { report("bootstrap.tags", "at most 50 tags", tagsNode) }
        }
        return settings
    }

    private mutating func stageNamed(_ name: String, at path: String, node: Node) -> Stage? {
        if let stage = Stage(rawValue: name) { return stage }
        let hint = EditDistance.hint(for: name, among: Stage.allCases.map(\.rawValue))
        report(path, "unknown stage \(TopologyFormats.quoted(name))\(hint); the stages are \(Self.stageList)", node)
        return nil
    }
}
