import Deployer
import Foundation

/// An IAM policy document (a trust policy, a bucket policy) in a canonical form, so two documents that IAM treats
/// alike compare equal: one statement or a list, one value or a list, any order, and a bare account id as a principal
/// (IAM stores it as the account's root ARN).
struct PolicyDocument: Equatable {
    /// Each statement as sorted-key JSON with its lists sorted; the set of them.
    let statements: Set<String>
    /// Every principal the document allows, as `Type value` (`AWS arn:aws:iam::111111111111:root`).
    let allowedPrincipals: Set<String>
    /// Every action an Allow statement names (`s3:GetObject*`).
    let allowedActions: Set<String>

    init?(json text: String, partition: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        self.init(any: object, partition: partition)
    }

    init?(_ value: TemplateDocument.Value, partition: String) {
        self.init(any: value.foundationObject, partition: partition)
    }

    private init?(any object: Any, partition: String) {
        guard let root = object as? [String: Any] else { return nil }
        let listed: [Any] = (root["Statement"] as? [Any]) ?? (root["Statement"].map { [$0] } ?? [])
        var statements: Set<String> = []
        var principals: Set<String> = []
        var actions: Set<String> = []
        for case let statement as [String: Any] in listed {
            var canonical: [String: Any] = [:]
            for (key, value) in statement where key != "Sid" {
                if ["Action", "NotAction", "Resource", "NotResource"].contains(key), let single = value as? String {
                    canonical[key] = [single]  // one value or a list of one: the same to IAM
                } else {
                    canonical[key] = Self.canonical(value, principal: key == "Principal" || key == "NotPrincipal", partition: partition)
                }
            }
            if (statement["Effect"] as? String) == "Allow", let principal = canonical["Principal"] {
                if let map = principal as? [String: Any] {
                    for (type, values) in map { for case let value as String in (values as? [Any]) ?? [] { principals.insert("\(type) \(value)") } }
                } else if let star = principal as? String {
                    principals.insert(star)
                }
            }
            if (statement["Effect"] as? String) == "Allow" { actions.formUnion((canonical["Action"] as? [String]) ?? []) }
            guard let data = try? JSONSerialization.data(withJSONObject: canonical, options: [.sortedKeys]) else { return nil }
            statements.insert(String(decoding: data, as: UTF8.self))
        }
        self.statements = statements
        self.allowedPrincipals = principals
        self.allowedActions = actions
    }

    /// Strings stay strings; a list (or a single value where IAM allows a list) becomes a sorted list; in a principal,
    /// a 12-digit account id becomes its root ARN.
    private static func canonical(_ value: Any, principal: Bool, partition: String) -> Any {
        switch value {
        case let map as [String: Any]:
            return map.mapValues { member -> Any in
                let items = (member as? [Any]) ?? [member]
                if items.allSatisfy({ $0 is String }) {
                    return items.compactMap { $0 as? String }.map { principal ? rootArn($0, partition: partition) : $0 }.sorted()
                }
                return canonical(member, principal: principal, partition: partition)
            }
        case let items as [Any]:
            return items.allSatisfy({ $0 is String }) ? items.compactMap { $0 as? String }.sorted() : items
        default:
            return value
        }
    }

    private static func rootArn(_ value: String, partition: String) -> String {
        value.count == 12 && value.allSatisfy(\.isNumber) ? "arn:\(partition):iam::\(value):root" : value
    }

    /// What differs between `expected` and `live`, in a few words: the principals added or dropped, the actions allowed
    /// or no longer allowed, else that the statements differ.
    static func differences(field: String, expected: PolicyDocument, live: PolicyDocument) -> [DriftDifference] {
        guard expected != live else { return [] }
        let added = live.allowedPrincipals.subtracting(expected.allowedPrincipals).sorted()
        let dropped = expected.allowedPrincipals.subtracting(live.allowedPrincipals).sorted()
        var differences: [DriftDifference] = []
        if !added.isEmpty {
            differences.append(DriftDifference(field: field, expected: "does not trust \(added.joined(separator: ", "))", live: "trusts \(added.joined(separator: ", "))"))
        }
        if !dropped.isEmpty {
            differences.append(DriftDifference(field: field, expected: "trusts \(dropped.joined(separator: ", "))", live: "does not trust \(dropped.joined(separator: ", "))"))
        }
        let allowed = live.allowedActions.subtracting(expected.allowedActions).sorted()
        let disallowed = expected.allowedActions.subtracting(live.allowedActions).sorted()
        if !allowed.isEmpty {
            differences.append(DriftDifference(field: field, expected: "does not allow \(allowed.joined(separator: ", "))", live: "allows \(allowed.joined(separator: ", "))"))
        }
        if !disallowed.isEmpty {
            differences.append(DriftDifference(field: field, expected: "allows \(disallowed.joined(separator: ", "))", live: "does not allow \(disallowed.joined(separator: ", "))"))
        }
        if differences.isEmpty {
            differences.append(DriftDifference(field: field, expected: "the template's statements", live: "other statements (edited outside mlopsctl)"))
        }
        return differences
    }
}
