import Foundation

/// One element of a parsed XML document: local name (namespace prefixes dropped), attributes,
/// child elements and its own character data. Navigation ignores namespaces because AWS responses
/// put everything in one default namespace and emulators sometimes leave it out.
public struct XMLElementNode: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElementNode]
    /// The element's own text, concatenated (text inside children is not included).
    public var text: String

    public init(name: String, attributes: [String: String] = [:], children: [XMLElementNode] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in document order.
    public func children(_ name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// Follows a path of child names: `root.child(path: "GetCallerIdentityResult", "Account")`.
    public func child(path names: String...) -> XMLElementNode? {
        child(path: names)
    }

    public func child(path names: [String]) -> XMLElementNode? {
        var node: XMLElementNode? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// The text of the first child named `name`, or nil when there is no such child.
    public func text(of name: String) -> String? {
        child(name)?.text
    }

    /// The first element named `name` in this subtree (depth first, including self).
    public func first(named name: String) -> XMLElementNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// The `<member>` children of the child `name` (the query protocol's list shape).
    public func members(of name: String) -> [XMLElementNode] {
        child(name)?.children("member") ?? []
    }

    /// Compact rendering for test failures; not an XML serialiser.
    public var description: String {
        if children.isEmpty { return "<\(name)>\(text)</\(name)>" }
        return "<\(name)>" + children.map(\.description).joined() + "</\(name)>"
    }
}
