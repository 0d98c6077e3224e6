import Foundation

/// REST-JSON part of `ModelRequestChecker` (the SSO portal): URI template, query-string members by
/// `locationName`, header members, required located members, and the JSON body's member names.
struct RestJSONRequestChecker {
    let model: BotocoreModel

    func problems(
        _ name: String, http: [String: Any], input: String?, url: URL, headers: [(name: String, value: String)], body: Data
    ) -> [String] {
        let rest = RestXMLRequestChecker(model: model)
        let shape = input.flatMap(model.shape) ?? [:]
        let members = shape["members"] as? [String: Any] ?? [:]
        var problems: [String] = []

        let template = http["requestUri"] as? String ?? "/"
        let templatePath = String(template.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? "/"
        if !rest.pathMatches(templatePath, path) { problems.append("\(name): path \(path) does not match \(template)") }

        let queryNames = Set((components?.queryItems ?? []).map(\.name))
        let queryMembers = rest.locationNames(members, location: "querystring")
        for query in queryNames.sorted() where !queryMembers.contains(query) {
            problems.append("\(name): query parameter '\(query)' is not a member (known: \(queryMembers.sorted().joined(separator: ", ")))")
        }
        let headerNames = Set(headers.map { $0.name.lowercased() })
        let headerMembers = Set(rest.locationNames(members, location: "header").map { $0.lowercased() })
        for header in headerNames.sorted() where !RestXMLRequestChecker.transportHeaders.contains(header) && !headerMembers.contains(header) {
            problems.append("\(name): header '\(header)' is not a member")
        }

        problems += rest.requiredLocatedProblems(name, shape: shape, queryNames: queryNames, headerNames: headerNames)

        // Members without a location travel in the JSON body.
        let bodyMembers = members.filter { ($0.value as? [String: Any])?["location"] == nil }
        if !body.isEmpty {
            let bodyShape: [String: Any] = ["type": "structure", "members": bodyMembers]
            guard let object = try? JSONSerialization.jsonObject(with: body) else { return problems + ["\(name): body is not JSON"] }
            problems += ModelRequestChecker(model: model).jsonProblems(object, shape: bodyShape, path: name)
        }
        return problems
    }
}
