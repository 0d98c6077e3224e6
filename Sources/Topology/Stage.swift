/// One of the four accounts of the platform. The order of `allCases` is the order stages are listed,
/// deployed and promoted through: governance first, prod last.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case governance
    case dev
    case preprod
    case prod

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The name used for stage keys in the topology file (same values as `Stage`).
public typealias StageName = Stage
