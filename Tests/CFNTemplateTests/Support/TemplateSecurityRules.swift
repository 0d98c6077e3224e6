import Foundation

/// Our own rules over a rendered template (JSON), beyond what cfn-lint and checkov check:
/// - every `AWS::S3::Bucket` is encrypted, has a full public access block (all four settings true, unconditionally)
///   and a bucket policy in the same template denying requests without TLS (`aws:SecureTransport` false);
/// - no `Allow` statement names a `*` principal (`"*"` or `{"AWS": "*"}`) in any resource, key or trust policy,
///   unless its condition pins the caller to the template's own account (`kms:CallerAccount`, `aws:PrincipalAccount`
///   or `aws:SourceAccount` equal to `AWS::AccountId`): that is not access from outside, as IAM Access Analyzer sees it.
///   Policies written as JSON text (`Fn::Sub` of a document) are parsed and checked too.
enum TemplateSecurityRules {
    /// Problems in `template`, each naming the logical id and the rule; empty when it passes.
    static func problems(_ template: [String: Any]) -> [String] {
        let resources = template["Resources"] as? [String: [String: Any]] ?? [:]
        var problems: [String] = []
        for (id, resource) in resources.sorted(by: { $0.key < $1.key }) {
            if resource["Type"] as? String == "AWS::S3::Bucket" { problems += bucketProblems(id, resource, resources) }
            for statement in statements(in: resource["Properties"] as Any) where isOpenAllow(statement) {
                problems.append("\(id): allows the principal * (\(compact(statement)))")
            }
        }
        return problems
    }

    static func bucketProblems(_ id: String, _ bucket: [String: Any], _ resources: [String: [String: Any]]) -> [String] {
        let properties = bucket["Properties"] as? [String: Any] ?? [:]
        var problems: [String] = []
        let encryption = (properties["BucketEncryption"] as? [String: Any])?["ServerSideEncryptionConfiguration"] as? [Any]
        if encryption?.isEmpty ?? true { problems.append("\(id): bucket without BucketEncryption") }
        let block = properties["PublicAccessBlockConfiguration"] as? [String: Any] ?? [:]
        let settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]
        if !settings.allSatisfy({ block[$0] as? Bool == true }) {
            problems.append("\(id): bucket without a full, unconditional PublicAccessBlockConfiguration (\(compact(properties["PublicAccessBlockConfiguration"] ?? "none")))")
        }
        let tlsOnly = resources.values.contains { policy in
            guard policy["Type"] as? String == "AWS::S3::BucketPolicy", let properties = policy["Properties"] as? [String: Any],
                  (properties["Bucket"] as? [String: Any])?["Ref"] as? String == id else { return false }
            return statements(in: properties["PolicyDocument"] as Any).contains(where: deniesPlainHTTP)
        }
        if !tlsOnly { problems.append("\(id): bucket without a bucket policy denying aws:SecureTransport false") }
        return problems
    }

    static func deniesPlainHTTP(_ statement: [String: Any]) -> Bool {
        guard statement["Effect"] as? String == "Deny", let condition = statement["Condition"] as? [String: Any],
              let bool = condition["Bool"] as? [String: Any], let value = bool["aws:SecureTransport"] else { return false }
        return "\(value)".lowercased() == "false" || (value as? Bool) == false
    }

    /// Every policy statement (a dictionary with `Effect`) anywhere in `value`, including in JSON text.
    static func statements(in value: Any) -> [[String: Any]] {
        switch value {
        case let dictionary as [String: Any]:
            let own = dictionary["Effect"] != nil ? [dictionary] : []
            return own + dictionary.values.flatMap(statements(in:))
        case let array as [Any]:
            return array.flatMap(statements(in:))
        case let text as String where text.hasPrefix("{") && text.contains("\"Statement\""):
            return (try? JSONSerialization.jsonObject(with: Data(text.utf8))).map(statements(in:)) ?? []
        default:
            return []
        }
    }

    static func isOpenAllow(_ statement: [String: Any]) -> Bool {
        guard statement["Effect"] as? String == "Allow", let principal = statement["Principal"] else { return false }
        let open: Bool
        switch principal {
        case let text as String: open = text == "*"
        case let map as [String: Any]:
            let aws = map["AWS"]
            open = (aws as? String) == "*" || ((aws as? [Any])?.contains { ($0 as? String) == "*" } ?? false)
        default: open = false
        }
        return open && !pinnedToOwnAccount(statement)
    }

    static func pinnedToOwnAccount(_ statement: [String: Any]) -> Bool {
        guard let condition = statement["Condition"] as? [String: Any], let equals = condition["StringEquals"] as? [String: Any] else { return false }
        return ["kms:CallerAccount", "aws:PrincipalAccount", "aws:SourceAccount"].contains { key in
            guard let value = equals[key] else { return false }
            return (value as? String) == "${AWS::AccountId}" || ((value as? [String: Any])?["Ref"] as? String) == "AWS::AccountId"
        }
    }

    static func compact(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
