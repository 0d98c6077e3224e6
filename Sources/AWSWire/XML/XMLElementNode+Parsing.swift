import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension XMLElementNode {
    /// Parses a whole document and returns its root element. Whitespace-only text between child
    /// elements is dropped; leaf text is kept exactly.
    public static func parse(_ data: Data) throws -> XMLElementNode {
        // FoundationXML traps on an element or attribute name that is not UTF-8 (found by fuzzing), and AWS
        // answers only UTF-8: anything else is refused here, before the parser sees it.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw XMLParseError(line: 1, reason: "the body is not UTF-8 text")
        }
        if let construct = unsupportedConstruct(data) { throw XMLParseError(line: 1, reason: "the body holds \(construct)") }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, builder.failure == nil, let root = builder.root else {
            let reason = builder.failure ?? parser.parserError.map { String(describing: $0) } ?? "no root element"
            throw XMLParseError(line: parser.lineNumber, reason: reason)
        }
        return root
    }

    /// Constructs AWS never sends and that are refused before FoundationXML sees them: a processing instruction
    /// other than the leading `<?xml …?>` declaration (one without data reads a NULL pointer in FoundationXML on Linux,
    /// found by fuzzing), and a document type declaration (the way XML entity bombs arrive).
    static func unsupportedConstruct(_ data: Data) -> String? {
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.startIndex + 3 : data.startIndex
        var from = data.startIndex
        while let found = data.range(of: Data("<?".utf8), in: from..<data.endIndex) {
            let declaration = data[found.upperBound...].prefix(4)
            let isDeclaration = found.lowerBound == start && declaration.starts(with: Data("xml".utf8))
                && declaration.count == 4 && [0x20, 0x09, 0x0A, 0x0D, 0x3F].contains(declaration.last!)
            if !isDeclaration { return "a processing instruction" }
            from = found.upperBound
        }
        for keyword in ["<!DOCTYPE", "<!ENTITY"] where data.range(of: Data(keyword.utf8)) != nil {
            return "a document type declaration"
        }
        return nil
    }

    public static func parse(_ text: String) throws -> XMLElementNode {
        try parse(Data(text.utf8))
    }
}

/// A response body that is not well-formed XML.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String {
        "response body is not well-formed XML (line \(line): \(reason)); the endpoint may not be an AWS API"
    }
}

/// Builds the tree from XMLParser callbacks; lives only for one `parse` call.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLElementNode] = []
    private(set) var root: XMLElementNode?
    private(set) var failure: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLElementNode(name: Self.localName(elementName), attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard var element = stack.popLast() else { return }
        if !element.children.isEmpty && element.text.allSatisfy(\.isWhitespace) { element.text = "" }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failure = failure ?? String(describing: parseError)
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
