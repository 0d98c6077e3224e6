/// What refresh found when it compared one resource with what mlopsctl deployed.
public enum DriftClass: String, Codable, Sendable, CaseIterable {
    /// It exists and every setting mlopsctl checks matches.
    case inSync = "in sync"
    /// It exists, but a setting differs from what the stack's template (or mlopsctl's last deployment) says.
    case changed
    /// Deleted outside mlopsctl.
    case gone
    /// A read was refused; `permission` names the IAM action the credentials lack.
    case unreadable
    /// mlopsctl has no read for this kind of resource (`note` says why); counted, never drift.
    case unchecked

    /// Drift is something to act on: exit status 2.
    public var isDrift: Bool { self == .changed || self == .gone }
}

/// One setting that differs: what the template says and what AWS has now, as short text.
public struct DriftDifference: Codable, Sendable, Equatable {
    public var field: String
    public var expected: String
    public var live: String

    public init(field: String, expected: String, live: String) {
        self.field = field
        self.expected = expected
        self.live = live
    }

    public var summary: String { "\(field): \(live) (expected: \(expected))" }
}

/// A resource's class with its evidence, and the repairs that would bring it back to what mlopsctl deployed.
public struct DriftVerdict: Sendable, Equatable {
    public var drift: DriftClass
    public var differences: [DriftDifference] = []
    /// For `unreadable`: the IAM action that was denied.
    public var permission: String?
    /// Why it is gone or unchecked, in a few words.
    public var note: String?
    /// What a verb that owns the resource does to undo the drift (empty when it cannot).
    public var repairs: [DriftRepair] = []

    public static let inSync = DriftVerdict(drift: .inSync)

    public static func gone(_ note: String? = nil, repairs: [DriftRepair] = []) -> DriftVerdict {
        DriftVerdict(drift: .gone, note: note, repairs: repairs)
    }

    public static func unchecked(_ note: String) -> DriftVerdict {
        DriftVerdict(drift: .unchecked, note: note)
    }

    public static func unreadable(_ permission: String, _ note: String? = nil) -> DriftVerdict {
        DriftVerdict(drift: .unreadable, permission: permission, note: note)
    }

    /// `changed` with `differences`, or `in sync` when there are none.
    public static func compared(_ differences: [DriftDifference], repairs: [DriftRepair] = []) -> DriftVerdict {
        differences.isEmpty ? .inSync : DriftVerdict(drift: .changed, differences: differences, repairs: repairs)
    }
}
