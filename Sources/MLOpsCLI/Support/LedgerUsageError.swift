/// A bad value for a ledger option: one line naming the option, the value and every allowed value.
struct LedgerUsageError: Error, CustomStringConvertible {
    let option: String
    let value: String
    let allowed: [String]

    var description: String {
        "unknown \(option) '\(value)'; allowed: \(allowed.joined(separator: ", "))"
    }

    /// Parses `value` as one of `T`'s cases, or fails naming them all.
    static func parse<T: RawRepresentable & CaseIterable>(_ value: String?, option: String, as type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let value else { return nil }
        guard let parsed = T(rawValue: value) else { throw LedgerUsageError(option: option, value: value, allowed: T.allCases.map(\.rawValue)) }
        return parsed
    }
}
