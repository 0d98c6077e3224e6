import AWSServices
import Foundation

extension StackDeployer {
    /// What `deploy` would do, using only reads (DescribeStacks, GetTemplate, and ListStackResources
    /// for a `REVIEW_IN_PROGRESS` stack). Throws `StackDeployError.needsManualRepair` for states
    /// mlopsctl does not fix by itself (`UPDATE_ROLLBACK_FAILED`, paused `*_FAILED`, `DELETE_FAILED`).
    public func plan(_ deployment: StackDeployment) async throws -> StackChange {
        try await assess(deployment).change
    }

    /// `plan`, kept for `deploy(_:)`: the deployment then starts from what was read here. `known` is what the caller
    /// just read of the stack (DescribeStacks, maybe GetTemplate), used instead of reading it again.
    public func plan(_ deployment: StackDeployment, known: KnownStack?) async throws -> StackPlan {
        StackPlan(deployment: deployment, assessment: try await assess(deployment, known: known))
    }

    /// A `StackChange` with the deployed stack it was judged on.
    enum Assessment: Sendable {
        case create
        case none(StackDescription)
        /// `deployedTemplate`: the body GetTemplate returned (nil for a template given by URL).
        case update(StackDescription, [UpdateReason], deployedTemplate: String?)
        case recreate(StackDescription, RecreateReason)
        case blocked(StackDescription)

        var change: StackChange {
            switch self {
            case .create: .create
            case .none: .none
            case .update(_, let reasons, _): .update(reasons)
            case .recreate(_, let reason): .recreate(reason)
            case .blocked(let stack): .blocked(stack.status)
            }
        }
    }

    /// `known`: the stack as the caller just read it (then no DescribeStacks, and no GetTemplate when it holds the template).
    func assess(_ deployment: StackDeployment, known: KnownStack? = nil) async throws -> Assessment {
        let name = deployment.stackName
        let described: StackDescription?
        if let known {
            described = known.description
        } else {
            described = try await call(name, "DescribeStacks", { try await cloudFormation.describeStack(name) })
        }
        guard let stack = described else {
            return .create
        }
        switch stack.status {
        case .rollbackComplete, .rollbackFailed:
            return .recreate(stack, .creationRolledBack(stack.status))
        case .reviewInProgress:
            try await requireNoResources(stack)
            return .recreate(stack, .reviewInProgress)
        case let status where status.isInProgress:
            return .blocked(stack)
        case .createFailed, .updateFailed, .updateRollbackFailed, .deleteFailed, .importRollbackFailed:
            throw StackDeployError(stackName: name, kind: .needsManualRepair(status: stack.status))
        default:
            let (reasons, deployedTemplate) = try await differences(deployment, stack, knownTemplate: known?.originalTemplate)
            return reasons.isEmpty ? .none(stack) : .update(stack, reasons, deployedTemplate: deployedTemplate)
        }
    }

    /// How the deployed stack differs from `deployment`, in a fixed order, with the deployed template body.
    func differences(_ deployment: StackDeployment, _ stack: StackDescription, knownTemplate: String? = nil) async throws
        -> ([UpdateReason], String?)
    {
        var reasons: [UpdateReason] = []
        var deployedTemplate: String?
        switch deployment.template {
        case .body(let body):
            let deployed: String
            if let knownTemplate {
                deployed = knownTemplate
            } else {
                deployed = try await call(deployment.stackName, "GetTemplate") {
                    try await cloudFormation.getTemplate(stackName: stack.stackId, stage: .original)
                }
            }
            deployedTemplate = deployed
            if deployed != body { reasons.append(.templateChanged) }
        case .url:
            reasons.append(.templateNotComparable)
        }
        reasons += changedParameters(deployment, stack).map(UpdateReason.parameterChanged)
        if stack.tagValues != deployment.tags { reasons.append(.tagsChanged) }
        if stack.terminationProtection != deployment.terminationProtection {
            reasons.append(.terminationProtection(enabled: deployment.terminationProtection))
        }
        return (reasons, deployedTemplate)
    }

    /// The parameters whose value would change, sorted. A parameter we leave out takes the template's default;
    /// without a readable default (YAML body, URL) a deployed value we do not send counts as a change, which is
    /// the safe side.
    func changedParameters(_ deployment: StackDeployment, _ stack: StackDescription) -> [String] {
        let facts = deployment.template.body.flatMap(TemplateFacts.init(jsonBody:))
        let defaults = facts?.parameterDefaults ?? [:]
        let deployed = Dictionary(stack.parameters.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return Set(deployment.parameters.keys).union(deployed.keys).sorted().filter { key in
            let wanted = deployment.parameters[key] ?? defaults[key]
            let have = deployed[key] ?? nil
            let same = facts?.listParameters.contains(key) == true
                ? ListParameterValue.items(wanted) == ListParameterValue.items(have) : wanted == have
            return !same
        }
    }

    /// A `REVIEW_IN_PROGRESS` stack is deleted only when it holds no resources. (On AWS it never does;
    /// moto creates change-set resources lazily and can fail listing them.)
    func requireNoResources(_ stack: StackDescription) async throws {
        let resources: [StackResourceSummary]
        do {
            resources = try await cloudFormation.listAllStackResources(stackName: stack.stackId).filter { !$0.isGhost }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let detail = "its resources could not be listed (\(StackDeployError.oneLine(String(describing: error))))"
            throw StackDeployError(stackName: stack.stackName, kind: .reviewInProgressNotEmpty(detail: detail))
        }
        guard resources.isEmpty else {
            throw StackDeployError(stackName: stack.stackName, kind: .reviewInProgressNotEmpty(detail: "holds \(resources.count) resource(s)"))
        }
    }
}
