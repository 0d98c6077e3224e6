import Foundation

/// HTTP headers as ordered `(name, value)` pairs. Order and spelling are kept as given (SigV4 and
/// logs read them back), while lookups ignore case as HTTP requires.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (name: String, value: String)

    public private(set) var pairs: [Element]

    public init(_ pairs: [Element] = []) {
        self.pairs = pairs
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        pairs.first { Self.same($0.name, name) }?.value
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        pairs.filter { Self.same($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        pairs.contains { Self.same($0.name, name) }
    }

    /// Replaces every value of `name` with one value.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        pairs.append((name: name, value: value))
    }

    /// Adds a value, keeping earlier ones (repeated headers).
    public mutating func add(_ name: String, _ value: String) {
        pairs.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        pairs.removeAll { Self.same($0.name, name) }
    }

    public var count: Int { pairs.count }

    public func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        a.caseInsensitiveCompare(b) == .orderedSame
    }
}
