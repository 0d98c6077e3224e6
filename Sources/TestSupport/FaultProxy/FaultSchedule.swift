import Foundation

/// Which fault, if any, the n-th request gets: a pure function of the seed and the request's index, so a seed
/// gives the same faults for the same order of requests (SplitMix64, as `Random` in many test harnesses).
public struct FaultSchedule: Sendable {
    public let seed: UInt64
    public let mix: FaultMix

    public init(seed: UInt64, mix: FaultMix) {
        self.seed = seed
        self.mix = mix
    }

    /// The fault for request `index` (1-based), nil to pass it on untouched.
    public func fault(forRequest index: Int) -> FaultKind? {
        let kinds = mix.drawable
        guard mix.rate > 0, !kinds.isEmpty else { return nil }
        let draw = Self.unit(Self.mix64(seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        guard draw < mix.rate else { return nil }
        // A second, independent draw picks the kind by weight.
        var pick = Self.unit(Self.mix64(draw.bitPattern ^ seed)) * kinds.reduce(0) { $0 + $1.1 }
        for (kind, weight) in kinds {
            if pick < weight { return kind }
            pick -= weight
        }
        return kinds.last?.0
    }

    /// SplitMix64's finaliser.
    public static func mix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) from the top 53 bits.
    static func unit(_ value: UInt64) -> Double {
        Double(value >> 11) / Double(1 << 53)
    }
}
