// Service limits of every derived name, and the deterministic shortening for the names the deploy app
// derives at run time.
extension ProjectNames {
    /// SageMaker's limit for model, endpoint config, endpoint and model package group names.
    public static let sageMakerNameLimit = 63
    /// `-ec-yyyyMMddHHmmss`: the longest suffix the deploy app appends to `sageMakerResourcePrefix`.
    static let longestSageMakerSuffix = "-ec-" + String(repeating: "0", count: 14)

    /// `<name>-<id>`, shortened so that `endpointConfigName` stays within SageMaker's 63 characters (the seed's
    /// names reached 64 for models and 67 for endpoint configs). The deploy app must derive its names the same way.
    public var sageMakerResourcePrefix: String {
        Self.shortened(modelPackageGroup, toFit: Self.sageMakerNameLimit - Self.longestSageMakerSuffix.count)
    }

    /// `<prefix>-<yyyyMMddHHmmss>`: a model of one deployment (the timestamp forces a new model per synth).
    public func modelName(timestamp: String) -> String { "\(sageMakerResourcePrefix)-\(timestamp)" }
    /// `<prefix>-ec-<yyyyMMddHHmmss>`.
    public func endpointConfigName(timestamp: String) -> String { "\(sageMakerResourcePrefix)-ec-\(timestamp)" }
    /// `<prefix>-e`: the endpoint, the same name in each stage's account.
    public var endpointName: String { "\(sageMakerResourcePrefix)-e" }

    /// `name` itself when it has at most `limit` characters; otherwise its first `limit - 9` characters (trailing
    /// hyphens dropped), a hyphen and 8 lower-case hex digits of the FNV-1a 32-bit hash of the whole UTF-8 name.
    /// Deterministic across runs and machines, so every tool derives the same short name.
    /// - Precondition: `limit` is at least 10.
    public static func shortened(_ name: String, toFit limit: Int) -> String {
        precondition(limit >= 10, "a shortened name needs room for a hash suffix")
        guard name.count > limit else { return name }
        var head = String(name.prefix(limit - 9))
        while head.hasSuffix("-") { head.removeLast() }
        return head + "-" + hexHash(name)
    }

    /// FNV-1a (32-bit) of the UTF-8 bytes, as 8 lower-case hex digits.
    static func hexHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    // MARK: - Validation

    /// One derived name and the rule it must satisfy.
    public struct NamedValue: Sendable, Hashable {
        /// What the name is for, e.g. `artifact bucket`.
        public var label: String
        public var value: String
        public var rule: NameRule
    }

    /// Every name this project uses, with its rule (for `.s3` and `.codeCommit` alike).
    public var allNames: [NamedValue] {
        let stamp = "20240101000000"
        var names: [NamedValue] = [
            NamedValue(label: "artifact bucket", value: artifactBucket, rule: .s3Bucket),
            NamedValue(label: "pipeline bucket", value: pipelineBucket, rule: .s3Bucket),
            NamedValue(label: "source bucket", value: sourceBucket, rule: .s3Bucket),
            NamedValue(label: "artifact key alias", value: artifactKeyAlias, rule: .kmsAlias),
            NamedValue(label: "pipeline key alias", value: pipelineKeyAlias, rule: .kmsAlias),
            NamedValue(label: "model package group", value: modelPackageGroup, rule: .sageMaker),
            NamedValue(label: "SageMaker pipeline", value: sageMakerPipeline, rule: .sageMakerPipeline),
            NamedValue(label: "model", value: modelName(timestamp: stamp), rule: .sageMaker),
            NamedValue(label: "endpoint config", value: endpointConfigName(timestamp: stamp), rule: .sageMaker),
            NamedValue(label: "endpoint", value: endpointName, rule: .sageMaker),
            NamedValue(label: "build CodeBuild project", value: buildProject, rule: .codeBuildProject),
            NamedValue(label: "synth CodeBuild project", value: synthProject, rule: .codeBuildProject),
            NamedValue(label: "scan CodeBuild project", value: scanProject, rule: .codeBuildProject),
            NamedValue(label: "build pipeline", value: buildPipeline, rule: .codePipeline),
            NamedValue(label: "deploy pipeline", value: deployPipeline, rule: .codePipeline),
            NamedValue(label: "build repository", value: buildRepository, rule: .codeCommitRepository),
            NamedValue(label: "deploy repository", value: deployRepository, rule: .codeCommitRepository),
            NamedValue(label: "build source rule", value: buildSourceRule, rule: .eventsRule),
            NamedValue(label: "deploy source rule", value: deploySourceRule, rule: .eventsRule),
            NamedValue(label: "model approval rule", value: modelApprovalRule, rule: .eventsRule),
        ]
        let roles = [
            ("SageMaker execution role", sageMakerExecutionRole), ("build CodeBuild role", buildCodeBuildRole),
            ("deploy CodeBuild role", deployCodeBuildRole), ("scan CodeBuild role", scanCodeBuildRole),
            ("build pipeline role", buildPipelineRole), ("deploy pipeline role", deployPipelineRole), ("events role", eventsRole),
        ]
        names += roles.map { NamedValue(label: $0.0, value: $0.1, rule: .iamRole) }
        let parameters = [
            artifactBucketParameter, pipelineBucketParameter, sourceBucketParameter, modelPackageGroupParameter,
            artifactKeyParameter, pipelineKeyParameter,
        ]
        names += parameters.map { NamedValue(label: "SSM parameter", value: $0, rule: .ssmParameter) }
        names += ProjectTemplateOptions.Stage.allCases.map {
            NamedValue(label: "\($0.rawValue) endpoint stack", value: endpointStack($0), rule: .stackName)
        }
        return names
    }

    /// Every problem of the inputs and of each derived name, one line each naming the value, the limit and the fix.
    /// Empty when all names are usable.
    public func validationProblems() -> [String] {
        var problems: [String] = []
        if let problem = NameRule.projectName.problem(with: projectName) {
            problems.append("project name \"\(projectName)\": \(problem); choose another project name")
        }
        if let problem = NameRule.projectId.problem(with: projectId) {
            problems.append("project id \"\(projectId)\": \(problem); SageMaker project ids look like p-abc123def456")
        }
        for name in allNames {
            if let problem = name.rule.problem(with: name.value) {
                problems.append("\(name.label) \"\(name.value)\": \(problem); shorten the project name or id")
            }
        }
        return problems
    }
}
