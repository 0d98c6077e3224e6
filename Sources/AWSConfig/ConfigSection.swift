import Foundation

/// The value of one key in a shared config section.
public enum ProfileValue: Sendable, Equatable {
    /// `key = value`, possibly continued on indented lines (joined with `\n`).
    case value(String)
    /// `key =` followed by indented `name = value` lines, e.g. `s3 =\n  addressing_style = path`.
    /// Sub-property names keep their case, as in botocore and smithy-rs.
    case subProperties([String: String])
}

/// A named section of a shared config file: a profile, an `[sso-session NAME]` or a `[services NAME]` section.
/// Keys are lower-cased by the parser, so lookups use lower-case names.
public struct ConfigSection: Sendable, Equatable {
    public var name: String
    public var properties: [String: ProfileValue]

    public init(name: String, properties: [String: ProfileValue] = [:]) {
        self.name = name
        self.properties = properties
    }

    /// Convenience for plain `key = value` sections (tests, programmatic configs).
    public init(name: String, values: [String: String]) {
        self.init(name: name, properties: values.mapValues { .value($0) })
    }

    /// The plain value of `key`; nil when absent or when the key holds sub-properties.
    public subscript(_ key: String) -> String? {
        guard case .value(let value)? = properties[key.lowercased()] else { return nil }
        return value
    }

    /// The sub-properties of `key`; nil when absent or when the key holds a plain value.
    public func subProperties(_ key: String) -> [String: String]? {
        guard case .subProperties(let values)? = properties[key.lowercased()] else { return nil }
        return values
    }

    /// True when `key` is present with any kind of value.
    public func contains(_ key: String) -> Bool {
        properties[key.lowercased()] != nil
    }
}

/// A profile is a config section named by `[profile NAME]`, `[default]` or a credentials-file `[NAME]`.
public typealias Profile = ConfigSection
