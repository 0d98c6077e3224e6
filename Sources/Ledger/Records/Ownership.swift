import GRDB

/// Whether mlopsctl created a resource or found it already present and took it over.
public enum Ownership: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case created
    case adopted
}
