import CFNTemplate
import Deployer
import Topology

/// Turns the topology's `organization:` section into one `OrganizationRolePlan` per targeted stage role. The
/// templates and parameters come from `BootstrapPlanner`, the per-account path's planner, for the same stage: a member
/// of the prod role gets exactly what the topology's prod account gets (its trust, its execution policy). No AWS call.
public struct OrganizationPlanner: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions

    public init(topology: Topology, options: BootstrapOptions) {
        self.topology = topology
        self.options = options
    }

    public func plans() throws -> [OrganizationRolePlan] {
        guard let organization = topology.organization else { throw OrganizationInputError.noOrganizationSection }
        let targets = organization.targets.filter { options.stages.isEmpty || options.stages.contains($0.stage) }
        if targets.isEmpty {
            let named = options.stages.map(\.rawValue).joined(separator: ", ")
            throw OrganizationInputError.problems(["--stage \(named): the organization section has no targets for these stage roles"])
        }
        let planner = BootstrapPlanner(topology: topology, options: options)
        var problems: [String] = []
        var plans: [OrganizationRolePlan] = []
        for target in targets {
            do {
                let spec = try planner.spec(for: topology[target.stage], bootstrapBody: planner.bootstrapBody)
                plans.append(plan(target, spec))
            } catch let error as BootstrapInputError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw OrganizationInputError.problems(problems) }
        return plans
    }

    /// The stack sets of one role from the per-account spec of the same stage. The bootstrap's KMS key parameter is the
    /// per-account path's first-bootstrap value (the AWS managed key): a stack set has no deployed value to keep.
    func plan(_ target: OrganizationTarget, _ spec: StageBootstrapSpec) -> OrganizationRolePlan {
        let capabilities = ["CAPABILITY_NAMED_IAM"]
        let policy = spec.policyStack.map { stack in
            StackSetSpec(
                stage: target.stage, kind: .executionPolicy,
                name: StackSetSpec.name(qualifier: topology.qualifier, stage: target.stage, kind: .executionPolicy),
                templateBody: stack.template.body ?? "", parameters: stack.parameters, tags: stack.tags, capabilities: capabilities)
        }
        let deployment = spec.bootstrapDeployment(kmsKeyId: nil, terminationProtection: false)
        let bootstrap = StackSetSpec(
            stage: target.stage, kind: .bootstrap, name: StackSetSpec.name(qualifier: topology.qualifier, stage: target.stage, kind: .bootstrap),
            templateBody: deployment.template.body ?? "", parameters: deployment.parameters, tags: deployment.tags, capabilities: capabilities)
        return OrganizationRolePlan(stage: target.stage, target: target, policy: policy, bootstrap: bootstrap)
    }
}
