import AWSServices
import Foundation

/// Works out what a deployed stack's resources should look like: the properties of its JSON template with the
/// intrinsic functions resolved as CloudFormation resolved them (parameters as DescribeStacks reports them,
/// pseudo parameters, resources' physical ids from ListStackResources). What cannot be known from those reads
/// (an attribute of a type not listed here, a `Fn::ImportValue`) makes that one property unresolvable: it is then
/// left out of the comparison instead of being guessed.
public struct TemplateEvaluator: Sendable {
    public typealias Value = TemplateDocument.Value

    /// What CloudFormation knew when it deployed the stack.
    public struct Context: Sendable {
        public var account: String
        public var region: String
        public var stackName: String
        public var stackId: String
        /// Parameter values as DescribeStacks reports them (list parameters as `a,b`).
        public var parameters: [String: String]
        /// Logical id → physical id, from ListStackResources.
        public var physicalIds: [String: String]

        public init(account: String, region: String, stackName: String, stackId: String, parameters: [String: String], physicalIds: [String: String]) {
            self.account = account
            self.region = region
            self.stackName = stackName
            self.stackId = stackId
            self.parameters = parameters
            self.physicalIds = physicalIds
        }

        public init(account: String, region: String, stack: StackDescription, resources: [StackResourceSummary]) {
            var physical: [String: String] = [:]
            for resource in resources {
                if let logical = resource.logicalResourceId, !logical.isEmpty, let id = resource.physicalResourceId { physical[logical] = id }
            }
            self.init(
                account: account, region: region, stackName: stack.stackName, stackId: stack.stackId,
                parameters: Dictionary(stack.parameters.compactMap { p in p.value.map { (p.key, $0) } }, uniquingKeysWith: { a, _ in a }),
                physicalIds: physical)
        }

        var partition: String { AWSPartition.name(ofRegion: region) }
        var urlSuffix: String { AWSPartition.urlSuffix(ofRegion: region) }
    }

    /// Something the reads cannot tell; the property that needs it is not compared.
    public struct Unresolvable: Error, CustomStringConvertible, Sendable {
        public let what: String
        public var description: String { "cannot resolve \(what)" }
    }

    public let document: TemplateDocument
    let context: Context
    let facts: TemplateFacts

    /// Nil for a body that is not JSON (YAML templates are not evaluated).
    public init?(templateBody: String, context: Context) {
        guard let document = TemplateDocument(jsonBody: templateBody), let facts = TemplateFacts(jsonBody: templateBody) else { return nil }
        self.document = document
        self.context = context
        self.facts = facts
    }

    /// The logical ids of the template's resources whose condition holds (or that have none).
    public var deployedLogicalIds: [String] {
        document.resources.keys.sorted().filter { id in
            guard let name = document.condition(of: id) else { return true }
            return (try? condition(name)) ?? true
        }
    }

    /// A resource's properties, each resolved; a property that resolves to `AWS::NoValue` is absent, and one that
    /// cannot be resolved is in `unresolved`.
    public func properties(of logicalId: String) -> (resolved: [String: Value], unresolved: [String]) {
        guard case .object(let declared) = document.resources[logicalId]?["Properties"] ?? .null else { return ([:], []) }
        var resolved: [String: Value] = [:]
        var unresolved: [String] = []
        for (name, value) in declared {
            do {
                if let value = try resolve(value) { resolved[name] = value }
            } catch {
                unresolved.append(name)
            }
        }
        return (resolved, unresolved.sorted())
    }

    /// `value` with every intrinsic function resolved; nil for `AWS::NoValue`.
    public func resolve(_ value: Value) throws -> Value? {
        switch value {
        case .array(let items):
            return .array(try items.compactMap { try resolve($0) })
        case .object(let members):
            if members.count == 1, let (name, argument) = members.first, name == "Ref" || name.hasPrefix("Fn::") || name == "Condition" {
                return try function(name, argument)
            }
            var resolved: [String: Value] = [:]
            for (key, member) in members {
                if let value = try resolve(member) { resolved[key] = value }
            }
            return .object(resolved)
        default:
            return value
        }
    }

    private func function(_ name: String, _ argument: Value) throws -> Value? {
        switch (name, argument) {
        case ("Ref", .string(let target)):
            return try reference(target)
        case ("Condition", .string(let target)):
            return .bool(try condition(target))
        case ("Fn::Sub", .string(let text)):
            return .string(try substitute(text, variables: [:]))
        case ("Fn::Sub", .array(let items)) where items.count == 2:
            guard case .string(let text) = items[0], case .object(let declared) = items[1] else { break }
            var variables: [String: String] = [:]
            for (key, member) in declared { variables[key] = try string(try resolve(member)) }
            return .string(try substitute(text, variables: variables))
        case ("Fn::GetAtt", .array(let items)) where items.count == 2:
            guard case .string(let logical) = items[0] else { break }
            return .string(try attribute(logical, try string(try resolve(items[1]))))
        case ("Fn::GetAtt", .string(let dotted)):
            guard let dot = dotted.firstIndex(of: ".") else { break }
            return .string(try attribute(String(dotted[..<dot]), String(dotted[dotted.index(after: dot)...])))
        case ("Fn::Join", .array(let items)) where items.count == 2:
            let separator = try string(try resolve(items[0]))
            return .string(try list(try resolve(items[1])).joined(separator: separator))
        case ("Fn::Split", .array(let items)) where items.count == 2:
            let separator = try string(try resolve(items[0]))
            return .array(try string(try resolve(items[1])).components(separatedBy: separator).map(Value.string))
        case ("Fn::Select", .array(let items)) where items.count == 2:
            let all = try list(try resolve(items[1]))
            guard let index = Int(try string(try resolve(items[0]))), all.indices.contains(index) else { break }
            return .string(all[index])
        case ("Fn::If", .array(let items)) where items.count == 3:
            guard case .string(let name) = items[0] else { break }
            return try resolve(try condition(name) ? items[1] : items[2])
        case ("Fn::Equals", .array(let items)) where items.count == 2:
            return .bool(try resolve(items[0]) == resolve(items[1]))
        case ("Fn::Not", .array(let items)) where items.count == 1:
            return .bool(!(try truth(items[0])))
        case ("Fn::And", .array(let items)):
            return .bool(try items.allSatisfy(truth))
        case ("Fn::Or", .array(let items)):
            return .bool(try items.contains(where: truth))
        default:
            break
        }
        throw Unresolvable(what: name)
    }

    func condition(_ name: String) throws -> Bool {
        guard let declared = document.conditions[name] else { throw Unresolvable(what: "condition \(name)") }
        return try truth(declared)
    }

    private func truth(_ value: Value) throws -> Bool {
        guard case .bool(let flag) = try resolve(value) ?? .null else { throw Unresolvable(what: "a condition") }
        return flag
    }

    private func reference(_ target: String) throws -> Value? {
        switch target {
        case "AWS::AccountId": return .string(context.account)
        case "AWS::Region": return .string(context.region)
        case "AWS::Partition": return .string(context.partition)
        case "AWS::URLSuffix": return .string(context.urlSuffix)
        case "AWS::StackName": return .string(context.stackName)
        case "AWS::StackId": return .string(context.stackId)
        case "AWS::NoValue": return nil
        default: break
        }
        if document.parameters.contains(target) {
            let value = context.parameters[target] ?? facts.parameterDefaults[target]
            guard let value else { throw Unresolvable(what: "parameter \(target)") }
            return facts.listParameters.contains(target) ? .array(ListParameterValue.items(value).map(Value.string)) : .string(value)
        }
        guard let physical = context.physicalIds[target] else { throw Unresolvable(what: "resource \(target)") }
        return .string(physical)
    }

    /// The attributes that follow from a physical id alone (AWS documents each of these formats).
    private func attribute(_ logical: String, _ name: String) throws -> String {
        guard let physical = context.physicalIds[logical], let type = document.type(of: logical) else {
            throw Unresolvable(what: "\(logical).\(name)")
        }
        let partition = context.partition, account = context.account, region = context.region
        switch (type, name) {
        case ("AWS::S3::Bucket", "Arn"): return "arn:\(partition):s3:::\(physical)"
        case ("AWS::S3::Bucket", "DomainName"): return "\(physical).s3.\(context.urlSuffix)"
        case ("AWS::S3::Bucket", "RegionalDomainName"): return "\(physical).s3.\(region).\(context.urlSuffix)"
        case ("AWS::KMS::Key", "Arn"): return "arn:\(partition):kms:\(region):\(account):key/\(physical)"
        case ("AWS::KMS::Key", "KeyId"): return physical
        case ("AWS::IAM::Role", "Arn"):
            let path = document.property("Path", of: logical).flatMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            } ?? "/"
            return "arn:\(partition):iam::\(account):role\(path)\(physical)"
        case ("AWS::ECR::Repository", "Arn"): return "arn:\(partition):ecr:\(region):\(account):repository/\(physical)"
        case ("AWS::ECR::Repository", "RepositoryUri"): return "\(account).dkr.ecr.\(region).\(context.urlSuffix)/\(physical)"
        default:
            throw Unresolvable(what: "\(logical).\(name)")
        }
    }

    private func substitute(_ text: String, variables: [String: String]) throws -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "}") else { throw Unresolvable(what: "Fn::Sub \(text)") }
            let name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") {
                output += "${" + name.dropFirst() + "}"
            } else if let value = variables[name] {
                output += value
            } else if let dot = name.firstIndex(of: "."), document.resources[String(name[..<dot])] != nil {
                output += try attribute(String(name[..<dot]), String(name[name.index(after: dot)...]))
            } else {
                output += try string(try reference(name))
            }
        }
        return output + rest
    }

    private func string(_ value: Value?) throws -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.rounded() == number ? String(Int(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: throw Unresolvable(what: "a string")
        }
    }

    private func list(_ value: Value?) throws -> [String] {
        guard case .array(let items) = value ?? .null else { throw Unresolvable(what: "a list") }
        return try items.map { try string($0) }
    }
}
