/// Renders a topology as the YAML a person would write (the `mlopsctl init` output). Only the keys that
/// differ from the defaults are written, so the file stays short, except `project`, which is always written: how
/// projects are launched is a choice the reader should see. Reading it back gives the same topology.
/// The `organization` section is not written (`init` does not ask for it).
public enum TopologyWriter {
    public static func yaml(for topology: Topology, header: String? = nil) -> String {
        var lines: [String] = []
        if let header { lines += header.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" } }
        lines.append("version: \(topology.version)")
        let commonRegion = topology.region ?? mostCommonRegion(topology)
        lines.append("region: \(commonRegion)")
        lines.append("qualifier: \(topology.qualifier)")
        lines.append("stages:")
        for stage in topology.stages {
            var fields = "account: \"\(stage.account)\", profile: \(quotedIfNeeded(stage.profile))"
            if stage.region != commonRegion { fields += ", region: \(stage.region)" }
            lines.append("  \(stage.stage.rawValue):".padding(toLength: 14, withPad: " ", startingAt: 0) + "{ \(fields) }")
        }
        if topology.trust != Topology.defaultTrust {
            lines.append("trust:")
            for stage in Stage.allCases where topology.trust[stage] != Topology.defaultTrust[stage] {
                lines.append("  \(stage.rawValue): [\((topology.trust[stage] ?? []).map(\.rawValue).joined(separator: ", "))]")
            }
        }
        lines += executionPolicyLines(topology.executionPolicies)
        lines += bootstrapLines(topology.bootstrap)
        lines += catalogLines(topology.catalog)
        lines.append("project: { source: \(topology.project.source.rawValue), via: \(topology.project.via.rawValue) }")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func executionPolicyLines(_ policies: [Stage: [ExecutionPolicy]]) -> [String] {
        guard !policies.isEmpty else { return [] }
        var lines = ["executionPolicies:"]
        for stage in Stage.allCases {
            guard let list = policies[stage], !list.isEmpty else { continue }
            lines.append("  \(stage.rawValue): [\(list.map { quoted($0.description) }.joined(separator: ", "))]")
        }
        return lines
    }

    private static func bootstrapLines(_ settings: BootstrapSettings) -> [String] {
        guard settings != BootstrapSettings() else { return [] }
        var lines = ["bootstrap:"]
        if settings.stackName != BootstrapSettings.defaultStackName { lines.append("  stackName: \(settings.stackName)") }
        if let protection = settings.terminationProtection { lines.append("  terminationProtection: \(protection)") }
        if !settings.tags.isEmpty {
            lines.append("  tags:")
            for (key, value) in settings.tags.sorted(by: { $0.key < $1.key }) { lines.append("    \(quoted(key)): \(quoted(value))") }
        }
        return lines
    }

    private static func catalogLines(_ settings: CatalogSettings) -> [String] {
        let defaults = CatalogSettings()
        let fields: [(String, String, String)] = [
            ("portfolioName", settings.portfolioName, defaults.portfolioName), ("portfolioOwner", settings.portfolioOwner, defaults.portfolioOwner),
            ("productName", settings.productName, defaults.productName), ("productVersion", settings.productVersion, defaults.productVersion),
        ]
        let changed = fields.filter { $0.1 != $0.2 }
        guard !changed.isEmpty else { return [] }
        return ["catalog:"] + changed.map { "  \($0.0): \(quoted($0.1))" }
    }

    /// Always double-quoted (names with spaces, versions such as 2.0 that YAML would read as numbers).
    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func mostCommonRegion(_ topology: Topology) -> String {
        let counts = Dictionary(grouping: topology.stages.map(\.region), by: { $0 }).mapValues(\.count)
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
    }

    /// Profile names may hold characters YAML treats specially (`:`, `#`, leading `-`); quote those.
    private static func quotedIfNeeded(_ value: String) -> String {
        let plain = value.range(of: #"^[A-Za-z0-9_][A-Za-z0-9_.@/+-]*$"#, options: .regularExpression) != nil
        return plain ? value : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
