import Foundation

/// Checks a request our client put on the wire against the botocore model of its service: operation
/// name, HTTP method and URI, every member name we send (recursively), and required members.
/// Returns the problems found; an empty list means the model accepts the request.
public struct ModelRequestChecker {
    public let model: BotocoreModel

    public init(model: BotocoreModel) {
        self.model = model
    }

    public func problems(operation name: String, method: String, url: URL, headers: [(name: String, value: String)], body: Data)
        -> [String]
    {
        guard let operation = model.operation(name) else { return ["operation '\(name)' does not exist in the model"] }
        let http = operation["http"] as? [String: Any] ?? [:]
        let input = (operation["input"] as? [String: Any])?["shape"] as? String
        var problems: [String] = []
        if let expected = http["method"] as? String, expected != method {
            problems.append("\(name): HTTP method \(method), model says \(expected)")
        }
        switch model.protocolName {
        case "query":
            problems += checkQuery(name, input: input, body: body)
        case "json":
            problems += checkJSON(name, input: input, headers: headers, body: body)
        case "rest-xml":
            problems += RestXMLRequestChecker(model: model).problems(name, http: http, input: input, url: url, headers: headers, body: body)
        case "rest-json":
            problems += RestJSONRequestChecker(model: model).problems(name, http: http, input: input, url: url, headers: headers, body: body)
        default:
            problems.append("protocol \(model.protocolName) is not checked")
        }
        return problems
    }

    // MARK: - query

    private func checkQuery(_ name: String, input: String?, body: Data) -> [String] {
        var params: [String: String] = [:]
        for pair in (String(data: body, encoding: .utf8) ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            params[key] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? "") : ""
        }
        var problems: [String] = []
        if params["Action"] != name { problems.append("\(name): Action is '\(params["Action"] ?? "")'") }
        if params["Version"] != model.metadata["apiVersion"] as? String {
            problems.append("\(name): Version '\(params["Version"] ?? "")' is not the model's apiVersion")
        }
        params["Action"] = nil
        params["Version"] = nil
        guard let input, let shape = model.shape(input) else {
            return problems + params.keys.map { "\(name): sends '\($0)' but the operation has no input" }
        }
        for key in params.keys.sorted() {
            if let problem = queryPathProblem(Array(key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)), shape: shape) {
                problems.append("\(name): parameter '\(key)': \(problem)")
            }
        }
        let topLevel = Set(params.keys.map { String($0.split(separator: ".")[0]) })
        for required in shape["required"] as? [String] ?? [] where !topLevel.contains(required) {
            problems.append("\(name): required member '\(required)' is missing")
        }
        return problems
    }

    /// Walks `A.member.1.B` style keys through structures, lists (`member`/flattened) and maps (`entry.N.key`).
    private func queryPathProblem(_ path: [String], shape: [String: Any]) -> String? {
        guard let head = path.first else { return nil }
        switch shape["type"] as? String {
        case "structure":
            let members = shape["members"] as? [String: Any] ?? [:]
            guard let member = members[head] as? [String: Any], let target = (member["shape"] as? String).flatMap(model.shape) else {
                return "'\(head)' is not a member (known: \(members.keys.sorted().joined(separator: ", ")))"
            }
            return queryPathProblem(Array(path.dropFirst()), shape: target)
        case "list":
            let member = shape["member"] as? [String: Any] ?? [:]
            let flattened = shape["flattened"] as? Bool ?? false
            var rest = path[...]
            if !flattened {
                let wrapper = member["locationName"] as? String ?? "member"
                guard rest.first == wrapper else { return "expected '\(wrapper)' in a list, found '\(head)'" }
                rest = rest.dropFirst()
            }
            guard let index = rest.first, Int(index) != nil else { return "expected a 1-based list index" }
            guard let target = (member["shape"] as? String).flatMap(model.shape) else { return nil }
            return queryPathProblem(Array(rest.dropFirst()), shape: target)
        case "map":
            guard path.count >= 3, path[0] == "entry", Int(path[1]) != nil, ["key", "value"].contains(path[2]) else {
                return "expected 'entry.N.key' or 'entry.N.value' in a map"
            }
            let side = shape[path[2]] as? [String: Any] ?? [:]
            guard let target = (side["shape"] as? String).flatMap(model.shape) else { return nil }
            return queryPathProblem(Array(path.dropFirst(3)), shape: target)
        default:
            return path.isEmpty ? nil : "'\(path.joined(separator: "."))' goes below a scalar"
        }
    }

    // MARK: - json

    private func checkJSON(_ name: String, input: String?, headers: [(name: String, value: String)], body: Data) -> [String] {
        var problems: [String] = []
        func header(_ key: String) -> String? { headers.first { $0.name.lowercased() == key }?.value }
        let expectedTarget = "\(model.metadata["targetPrefix"] as? String ?? "").\(name)"
        if header("x-amz-target") != expectedTarget { problems.append("\(name): X-Amz-Target is '\(header("x-amz-target") ?? "")'") }
        let version = model.metadata["jsonVersion"] as? String ?? "1.1"
        if header("content-type") != "application/x-amz-json-\(version)" {
            problems.append("\(name): Content-Type is '\(header("content-type") ?? "")'")
        }
        guard let object = try? JSONSerialization.jsonObject(with: body.isEmpty ? Data("{}".utf8) : body) else {
            return problems + ["\(name): body is not JSON"]
        }
        guard let input, let shape = model.shape(input) else { return problems }
        return problems + jsonProblems(object, shape: shape, path: name) + idempotencyProblems(name, shape: shape, sent: object)
    }

    /// Members the model marks `idempotencyToken` are filled by every SDK; a hand-written client must send them too,
    /// or a retried create is not recognised as the same call.
    private func idempotencyProblems(_ name: String, shape: [String: Any], sent: Any) -> [String] {
        let members = shape["members"] as? [String: Any] ?? [:]
        let object = sent as? [String: Any] ?? [:]
        return members.keys.sorted().filter { key in
            (members[key] as? [String: Any])?["idempotencyToken"] as? Bool == true && object[key] == nil
        }.map { "\(name): idempotency token '\($0)' is not sent" }
    }

    func jsonProblems(_ value: Any, shape: [String: Any], path: String) -> [String] {
        switch shape["type"] as? String {
        case "structure":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            let members = shape["members"] as? [String: Any] ?? [:]
            var problems: [String] = []
            for required in shape["required"] as? [String] ?? [] where object[required] == nil {
                problems.append("\(path): required member '\(required)' is missing")
            }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                let member = members[key] as? [String: Any]
                guard let target = (member?["shape"] as? String).flatMap(model.shape) else {
                    problems.append("\(path): '\(key)' is not a member (known: \(members.keys.sorted().joined(separator: ", ")))")
                    continue
                }
                problems += jsonProblems(child, shape: target, path: "\(path).\(key)")
            }
            return problems
        case "list":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            guard let target = ((shape["member"] as? [String: Any])?["shape"] as? String).flatMap(model.shape) else { return [] }
            return array.enumerated().flatMap { jsonProblems($0.element, shape: target, path: "\(path)[\($0.offset)]") }
        case "map":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object (map)"] }
            guard let target = ((shape["value"] as? [String: Any])?["shape"] as? String).flatMap(model.shape) else { return [] }
            return object.flatMap { jsonProblems($0.value, shape: target, path: "\(path).\($0.key)") }
        case "string", "timestamp", "blob":
            return value is String || value is NSNumber ? [] : ["\(path): expected a string"]
        case "integer", "long", "double", "float", "boolean":
            return value is NSNumber ? [] : ["\(path): expected a number or boolean"]
        default:
            return []
        }
    }
}
