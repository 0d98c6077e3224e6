import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// REST-XML (S3) part of `ModelRequestChecker`: URI template (path-style addressing), query string
/// members, `x-amz-*` header members and the XML payload's element names.
struct RestXMLRequestChecker {
    let model: BotocoreModel

    /// Headers added by signing and transport rather than by the operation's input.
    static let transportHeaders: Set<String> = [
        "host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "authorization", "content-type",
        "content-length", "content-md5", "user-agent", "expect",
    ]

    func problems(
        _ name: String, http: [String: Any], input: String?, url: URL, headers: [(name: String, value: String)], body: Data
    ) -> [String] {
        let shape = input.flatMap(model.shape) ?? [:]
        let members = shape["members"] as? [String: Any] ?? [:]
        var problems: [String] = []
        let template = http["requestUri"] as? String ?? "/"
        let templatePath = String(template.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let literalQuery = template.contains("?") ? String(template.split(separator: "?", maxSplits: 1)[1]) : nil

        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? "/"
        if !pathMatches(templatePath, path) { problems.append("\(name): path \(path) does not match \(template) (path-style)") }

        var queryNames = Set((components?.queryItems ?? []).map(\.name))
        let headerNames = Set(headers.map { $0.name.lowercased() })
        problems += requiredLocatedProblems(name, shape: shape, queryNames: queryNames, headerNames: headerNames)
        if let literalQuery {
            let literalName = String(literalQuery.split(separator: "=")[0])
            if !queryNames.contains(literalName) { problems.append("\(name): query must contain '\(literalName)'") }
            queryNames.remove(literalName)
        }
        let queryMembers = locationNames(members, location: "querystring")
        for query in queryNames.sorted() where !queryMembers.contains(query) {
            problems.append("\(name): query parameter '\(query)' is not a member (known: \(queryMembers.sorted().joined(separator: ", ")))")
        }
        let headerMembers = Set(locationNames(members, location: "header").map { $0.lowercased() })
        for header in headerNames.sorted()
        where !Self.transportHeaders.contains(header) && !header.hasPrefix("x-amz-checksum-") && !headerMembers.contains(header) {
            problems.append("\(name): header '\(header)' is not a member")
        }
        if let payloadName = shape["payload"] as? String, let payload = members[payloadName] as? [String: Any],
            (payload["shape"] as? String).flatMap(model.shape)?["type"] as? String == "structure", !body.isEmpty
        {
            problems += xmlPayloadProblems(name, payload: payload, body: body)
        }
        return problems
    }

    /// Required members that travel in the query string or a header (`uploadId`, `partNumber`) must be sent.
    func requiredLocatedProblems(_ name: String, shape: [String: Any], queryNames: Set<String>, headerNames: Set<String>) -> [String] {
        let members = shape["members"] as? [String: Any] ?? [:]
        var problems: [String] = []
        for required in shape["required"] as? [String] ?? [] {
            guard let member = members[required] as? [String: Any] else { continue }
            let wireName = member["locationName"] as? String ?? required
            switch member["location"] as? String {
            case "querystring" where !queryNames.contains(wireName):
                problems.append("\(name): required query parameter '\(wireName)' is missing")
            case "header" where !headerNames.contains(wireName.lowercased()):
                problems.append("\(name): required header '\(wireName)' is missing")
            default: break
            }
        }
        return problems
    }

    func locationNames(_ members: [String: Any], location: String) -> Set<String> {
        Set(members.values.compactMap { member -> String? in
            guard let member = member as? [String: Any], member["location"] as? String == location else { return nil }
            return member["locationName"] as? String
        })
    }

    /// `/{Bucket}/{Key+}` against `/my-bucket/a/b%20c`: `{X}` matches one segment, `{X+}` the rest.
    func pathMatches(_ template: String, _ path: String) -> Bool {
        let templateParts = template.split(separator: "/", omittingEmptySubsequences: true)
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, part) in templateParts.enumerated() {
            if part.hasSuffix("+}") { return pathParts.count > index }
            guard index < pathParts.count else { return false }
            if !part.hasPrefix("{") && part != pathParts[index] { return false }
        }
        return templateParts.count == pathParts.count
    }

    private func xmlPayloadProblems(_ name: String, payload: [String: Any], body: Data) -> [String] {
        guard let root = SimpleXMLTree.parse(body) else { return ["\(name): payload is not XML"] }
        let expectedRoot = payload["locationName"] as? String ?? (payload["shape"] as? String ?? "")
        var problems: [String] = []
        if root.name != expectedRoot { problems.append("\(name): payload root is <\(root.name)>, model says <\(expectedRoot)>") }
        if let shape = (payload["shape"] as? String).flatMap(model.shape) {
            problems += elementProblems(root, shape: shape, path: "\(name).\(root.name)")
        }
        return problems
    }

    private func elementProblems(_ element: SimpleXMLTree, shape: [String: Any], path: String) -> [String] {
        guard shape["type"] as? String == "structure" else { return [] }
        let members = shape["members"] as? [String: Any] ?? [:]
        var byElement: [String: [String: Any]] = [:]
        for (memberName, value) in members {
            guard let member = value as? [String: Any] else { continue }
            byElement[member["locationName"] as? String ?? memberName] = member
        }
        var problems: [String] = []
        for child in element.children {
            guard let member = byElement[child.name], let target = (member["shape"] as? String).flatMap(model.shape) else {
                problems.append("\(path): <\(child.name)> is not a member (known: \(byElement.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if target["type"] as? String == "list", let itemShape = ((target["member"] as? [String: Any])?["shape"] as? String).flatMap(model.shape) {
                // Flattened lists repeat the member element itself; wrapped ones nest <member>-like children.
                let items = (target["flattened"] as? Bool ?? false) ? [child] : child.children
                problems += items.flatMap { elementProblems($0, shape: itemShape, path: "\(path).\(child.name)") }
            } else {
                problems += elementProblems(child, shape: target, path: "\(path).\(child.name)")
            }
        }
        let present = Set(element.children.map(\.name))
        for required in shape["required"] as? [String] ?? [] {
            let member = members[required] as? [String: Any]
            if !present.contains(member?["locationName"] as? String ?? required) { problems.append("\(path): required <\(required)> is missing") }
        }
        return problems
    }
}

/// The smallest XML tree the checker needs: element names and children.
final class SimpleXMLTree: NSObject, XMLParserDelegate {
    let name: String
    var children: [SimpleXMLTree] = []
    private var stack: [SimpleXMLTree] = []
    private var root: SimpleXMLTree?

    init(name: String) { self.name = name }

    static func parse(_ data: Data) -> SimpleXMLTree? {
        let builder = SimpleXMLTree(name: "#document")
        let parser = XMLParser(data: data)
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = SimpleXMLTree(name: elementName)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}
