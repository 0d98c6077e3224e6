/// Renders a topology as the YAML a person would write (the `mlopsctl init` output). Only the keys that
/// differ from the defaults are written, so the file stays short; reading it back gives the same topology.
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
        return lines.joined(separator: "\n") + "\n"
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
