import AWSServices
import Foundation

/// One stack as mlopsctl wants it to be: the input of `StackDeployer.plan` and `deploy`.
public struct StackDeployment: Sendable, Equatable {
    public var stackName: String
    /// Prefer `.body`: only a body can be compared with the deployed template, so `.url` always plans an update.
    public var template: TemplateSource
    /// Parameter key → value (sent sorted by key). Omitted keys take the template's defaults.
    public var parameters: [String: String]
    /// Stack tags, propagated by CloudFormation to the resources that support tags.
    public var tags: [String: String]
    public var terminationProtection: Bool
    /// A service role for CloudFormation to act as (the CDK `cfn-exec` role for cross-account deploys).
    public var roleARN: String?
    public var capabilities: [StackCapability]
    /// How many resources the template declares, for progress display. nil counts them in a JSON body.
    public var resourceCount: Int?

    public init(
        stackName: String, template: TemplateSource, parameters: [String: String] = [:], tags: [String: String] = [:],
        terminationProtection: Bool = false, roleARN: String? = nil, capabilities: [StackCapability] = StackCapability.all,
        resourceCount: Int? = nil
    ) {
        self.stackName = stackName
        self.template = template
        self.parameters = parameters
        self.tags = tags
        self.terminationProtection = terminationProtection
        self.roleARN = roleARN
        self.capabilities = capabilities
        self.resourceCount = resourceCount
    }

    /// The parameters as the API takes them, in key order so requests are reproducible.
    var stackParameters: [StackParameter] {
        parameters.keys.sorted().map { StackParameter.value($0, parameters[$0]!) }
    }

    var stackTags: [StackTag] {
        tags.keys.sorted().map { StackTag(key: $0, value: tags[$0]!) }
    }

    /// The template's resource count: `resourceCount`, else the size of a JSON body's `Resources`.
    var templateResourceCount: Int? {
        resourceCount ?? template.body.flatMap { TemplateFacts(jsonBody: $0)?.resourceCount }
    }
}

/// What can be read from a JSON template body without the CFNTemplate model: enough for progress
/// totals and parameter defaults. YAML bodies give nil (callers then stay conservative).
struct TemplateFacts {
    var resourceCount: Int
    /// Parameter key → `Default`, as text (JSON numbers are written as CloudFormation reports them).
    var parameterDefaults: [String: String]
    /// Parameters of type `CommaDelimitedList` or `List<…>`, compared item by item.
    var listParameters: Set<String> = []

    init?(jsonBody: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonBody.utf8)) as? [String: Any] else { return nil }
        resourceCount = (object["Resources"] as? [String: Any])?.count ?? 0
        var defaults: [String: String] = [:]
        for (key, value) in object["Parameters"] as? [String: Any] ?? [:] {
            guard let declaration = value as? [String: Any] else { continue }
            if let type = declaration["Type"] as? String, type == "CommaDelimitedList" || type.hasPrefix("List<") {
                listParameters.insert(key)
            }
            guard let fallback = declaration["Default"] else { continue }
            switch fallback {
            case let text as String: defaults[key] = text
            case let number as NSNumber: defaults[key] = number.stringValue
            case let list as [Any]: defaults[key] = list.map { "\($0)" }.joined(separator: ",")
            default: continue
            }
        }
        parameterDefaults = defaults
    }
}

/// The items of a list parameter as DescribeStacks reports it. AWS answers `a,b`; some implementations (the
/// moto emulator among them) answer a bracketed rendering such as `['a', 'b']`. Both mean the same list, and
/// an empty list reads as `[]` or `['']`.
public enum ListParameterValue {
    public static func items(_ value: String?) -> [String] {
        guard var text = value?.trimmingCharacters(in: .whitespaces) else { return [] }
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        return text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '\"")) }
            .filter { !$0.isEmpty }
    }
}
