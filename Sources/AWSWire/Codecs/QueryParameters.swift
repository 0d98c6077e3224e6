import Foundation

/// The flattened parameters of a query-protocol request, in the order they were added (botocore
/// serialises members in model order; the order is kept so bodies are reproducible).
///
/// Lists follow the query protocol's `Name.member.N` form (1-based), maps `Name.entry.N.key/value`,
/// nested structures `Name.Member`. `Action` and `Version` are added by the client.
public struct QueryParameters: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: String)]

    public init() {
        pairs = []
    }

    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { (key: $0.0, value: $0.1) }
    }

    /// Adds `name=value`; a nil value is left out (an absent optional member).
    public mutating func set(_ name: String, _ value: String?) {
        guard let value else { return }
        pairs.append((key: name, value: value))
    }

    public mutating func set(_ name: String, _ value: Int?) {
        set(name, value.map(String.init))
    }

    /// Booleans are `true`/`false`, as botocore writes them.
    public mutating func set(_ name: String, _ value: Bool?) {
        set(name, value.map { $0 ? "true" : "false" })
    }

    /// Timestamps are ISO 8601 in UTC (`2026-11-29T00:39:00Z`, with fractional seconds when present).
    public mutating func set(_ name: String, _ value: Date?) {
        set(name, value.map(AWSTimestamp.iso8601String))
    }

    /// `name.member.1=a&name.member.2=b`. A present but empty list is sent as `name=` (botocore does
    /// this so an update can clear a list); nil leaves it out.
    public mutating func setList(_ name: String, _ values: [String]?) {
        setList(name, values) { params, prefix, value in params.set(prefix, value) }
    }

    /// A list of structures: `build` receives the member prefix (`Tags.member.1`) to append to.
    public mutating func setList<T>(_ name: String, _ items: [T]?, _ build: (inout QueryParameters, String, T) -> Void) {
        guard let items else { return }
        if items.isEmpty {
            pairs.append((key: name, value: ""))
            return
        }
        for (index, item) in items.enumerated() {
            build(&self, "\(name).member.\(index + 1)", item)
        }
    }

    /// `name.entry.N.key` / `name.entry.N.value`, entries sorted by key so bodies are reproducible.
    public mutating func setMap(_ name: String, _ map: [String: String]?) {
        guard let map else { return }
        for (index, key) in map.keys.sorted().enumerated() {
            pairs.append((key: "\(name).entry.\(index + 1).key", value: key))
            pairs.append((key: "\(name).entry.\(index + 1).value", value: map[key]!))
        }
    }

    /// Appends everything in `other` (e.g. parameters produced by `QueryEncoder`).
    public mutating func append(contentsOf other: QueryParameters) {
        pairs.append(contentsOf: other.pairs)
    }

    /// The value of the first `key`, for tests and logs.
    public subscript(_ key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The `application/x-www-form-urlencoded` body for `action`: `Action=…&Version=…&<pairs>`.
    public func formBody(action: String, version: String) -> String {
        PercentEncoding.formEncode([("Action", action), ("Version", version)] + pairs.map { ($0.key, $0.value) })
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.map(\.key) == rhs.pairs.map(\.key) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }
}
