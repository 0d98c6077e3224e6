/// A small stack holding one customer-managed policy, `mlopsctl-<qualifier>-cfn-exec-<stage>`, with a stage's
/// execution policy document. mlopsctl deploys it before the bootstrap stack and passes the policy
/// by name as the bootstrap's `CloudFormationExecutionPolicyName`.
public enum ExecutionPolicyTemplate {
    public static let policyLogicalID = "ExecutionPolicy"
    /// The output holding the managed policy's ARN.
    public static let policyArnOutput = "PolicyArn"

    /// `mlopsctl-<qualifier>-cfn-exec-<stage>`: the policy name, also a good stack name.
    public static func policyName(qualifier: String, stage: String) -> String {
        "mlopsctl-\(qualifier)-cfn-exec-\(stage)"
    }

    /// The template for `stage` with the document bundled from `policies/execution-<stage>.json`.
    /// - Throws: `ExecutionPolicyError` for a stage without a bundled document.
    public static func make(stage: String) throws -> Template {
        guard let document = ExecutionPolicyDocuments.document(forStage: stage) else {
            throw ExecutionPolicyError.unknownStage(stage, known: ExecutionPolicyDocuments.stages)
        }
        return try make(stage: stage, document: document, source: "policies/\(ExecutionPolicyDocuments.namePrefix)\(stage).json")
    }

    /// The template for `stage` with a given policy document (JSON text). `${AWS::Partition}`, `${AWS::Region}`
    /// and `${AWS::AccountId}` in its strings resolve at deployment.
    /// - Throws: `ExecutionPolicyError` for a malformed stage name or a document that fails `PolicyDocumentLinter`.
    public static func make(stage: String, document: String, source: String = "execution policy") throws -> Template {
        guard isValidStageName(stage) else { throw ExecutionPolicyError.invalidStageName(stage) }
        let problems = PolicyDocumentLinter.problems(in: document, source: source)
        guard problems.isEmpty else { throw ExecutionPolicyError.invalidDocument(problems) }
        let policy = try CFNValue(json: document, source: source, substitutingVariables: true)
        return Template(
            description: "CloudFormation execution policy of the \(stage) stage, used by the CDK bootstrap's cfn-exec role (mlopsctl)",
            parameters: [
                "Qualifier": Parameter(
                    default: BootstrapNames.defaultQualifier, description: "The CDK bootstrap qualifier of this environment",
                    allowedPattern: BootstrapTemplate.qualifierPattern,
                    constraintDescription: "Qualifier must be an alphanumeric identifier of at most 10 characters"),
            ],
            resources: [
                policyLogicalID: Resource(type: "AWS::IAM::ManagedPolicy", properties: [
                    "ManagedPolicyName": .sub("mlopsctl-${Qualifier}-cfn-exec-\(stage)"),
                    "Description": .string("What CloudFormation may do in the \(stage) stage (mlopsctl)"),
                    "PolicyDocument": policy,
                ]),
            ],
            outputs: [
                policyArnOutput: Output(value: .ref(policyLogicalID), description: "The ARN of the execution policy"),
            ])
    }

    /// 1–20 lower-case letters, digits and hyphens, starting with a letter.
    static func isValidStageName(_ stage: String) -> Bool {
        guard let first = stage.unicodeScalars.first, ("a"..."z").contains(first), stage.unicodeScalars.count <= 20 else { return false }
        return stage.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Why an execution policy template could not be built.
public enum ExecutionPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownStage(String, known: [String])
    case invalidStageName(String)
    case invalidDocument([PolicyProblem])

    public var description: String {
        switch self {
        case .unknownStage(let stage, let known):
            return "no execution policy for stage \(stage); the bundled ones are \(known.joined(separator: ", ")) (policies/execution-<stage>.json)"
        case .invalidStageName(let stage):
            return "stage name \"\(stage)\" must be 1-20 lower-case letters, digits and '-', starting with a letter; rename it"
        case .invalidDocument(let problems):
            return "the execution policy has \(problems.count) problem(s): " + problems.map(\.description).joined(separator: "; ")
        }
    }
}
