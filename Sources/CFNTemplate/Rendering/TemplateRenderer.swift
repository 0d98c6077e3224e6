import Foundation

/// Writes templates as deterministic JSON: the same template always gives the same bytes
/// (sorted keys, fixed spacing, trailing newline in the pretty style).
public struct TemplateRenderer: Sendable {
    public enum Style: Sendable {
        /// Two-space indentation and a trailing newline: for files, fixtures and `--show-template`.
        case pretty
        /// No whitespace at all: for embedding JSON in a string and for the smallest `TemplateBody`.
        case compact
    }

    public var style: Style

    public init(style: Style = .pretty) {
        self.style = style
    }

    /// The template as JSON text.
    public func render(_ template: Template) -> String {
        text(for: template.jsonNode)
    }

    /// The template as UTF-8 bytes, e.g. to write a file or measure the `TemplateBody` size.
    public func data(_ template: Template) -> Data {
        Data(render(template).utf8)
    }

    /// One value as JSON text, in its CloudFormation form.
    public func render(_ value: CFNValue) -> String {
        text(for: value.jsonNode)
    }

    private func text(for node: JSONNode) -> String {
        let body = JSONWriter(pretty: style == .pretty).write(node)
        return style == .pretty ? body + "\n" : body
    }
}
