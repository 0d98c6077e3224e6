import Testing
@testable import CFNTemplate

/// Navigation over the project template for structural assertions.
extension Template {
    func resources(ofType type: String) -> [(id: String, resource: Resource)] {
        resources.filter { $0.value.type == type }.sorted { $0.key < $1.key }.map { (id: $0.key, resource: $0.value) }
    }

    /// The key policy of a KMS key, parsed from its `Fn::Sub` JSON string with the pseudo parameters filled in.
    func keyPolicy(_ id: String) throws -> CFNValue {
        let text = try #require(resources[id]?.properties["KeyPolicy"]?.subText, "KeyPolicy of \(id) must be a Fn::Sub string")
        let values = ["AWS::Partition": "aws", "AWS::AccountId": ProjectFixtures.dev.account, "AWS::Region": ProjectFixtures.dev.region]
        return try CFNValue(json: substitute(text, values), source: "\(id).KeyPolicy")
    }

    /// Every policy document: role inline policies, bucket policies, key policies and the model package group's.
    func policyDocuments() throws -> [(location: String, document: CFNValue, isResourcePolicy: Bool)] {
        var documents: [(String, CFNValue, Bool)] = []
        for (id, role) in resources(ofType: "AWS::IAM::Role") {
            for (index, policy) in (role.properties["Policies"]?.items ?? []).enumerated() {
                if let document = policy["PolicyDocument"] { documents.append(("\(id).Policies[\(index)]", document, false)) }
            }
        }
        for (id, policy) in resources(ofType: "AWS::S3::BucketPolicy") {
            if let document = policy.properties["PolicyDocument"] { documents.append(("\(id).PolicyDocument", document, true)) }
        }
        for (id, _) in resources(ofType: "AWS::KMS::Key") {
            documents.append(("\(id).KeyPolicy", try keyPolicy(id), true))
        }
        for (id, group) in resources(ofType: "AWS::SageMaker::ModelPackageGroup") {
            if let document = group.properties["ModelPackageGroupPolicy"] { documents.append(("\(id).ModelPackageGroupPolicy", document, true)) }
        }
        return documents
    }
}

extension CFNValue {
    /// The statements of a policy document.
    var statements: [CFNValue] { self["Statement"]?.items ?? [] }

    /// `Action` as a list of strings.
    var actions: [String] {
        switch self["Action"] {
        case .string(let action): return [action]
        case .array(let actions): return actions.compactMap(\.text)
        default: return []
        }
    }

    /// The literal AWS principals of a statement (`Principal.AWS`, one or a list).
    var awsPrincipals: [String] {
        switch self["Principal"]?["AWS"] {
        case .string(let principal): return [principal]
        case .array(let principals): return principals.compactMap(\.text)
        default: return []
        }
    }

    /// Calls `visit` on this value and every value inside it, depth first.
    func walk(_ visit: (CFNValue) -> Void) {
        visit(self)
        switch self {
        case .array(let items): items.forEach { $0.walk(visit) }
        case .object(let members): members.values.forEach { $0.walk(visit) }
        case .sub(_, let variables): variables.values.forEach { $0.walk(visit) }
        case .join(_, let list): list.walk(visit)
        case .if(_, let whenTrue, let whenFalse): whenTrue.walk(visit); whenFalse.walk(visit)
        case .select(let index, let list): index.walk(visit); list.walk(visit)
        case .split(_, let source): source.walk(visit)
        default: break
        }
    }

    /// Every literal string inside, including `Fn::Sub` texts.
    var allStrings: [String] {
        var strings: [String] = []
        walk { value in
            if case .string(let text) = value { strings.append(text) }
            if case .sub(let text, _) = value { strings.append(text) }
        }
        return strings
    }
}

extension Resource {
    /// All property values as one object, for walking.
    var allProperties: CFNValue { .object(properties) }
}
