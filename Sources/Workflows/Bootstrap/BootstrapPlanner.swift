import CFNTemplate
import Deployer
import Foundation
import Topology

/// Turns a topology and the user's options into one `StageBootstrapSpec` per selected stage, checking every
/// input first: nothing here talks to AWS, and every problem is reported at once.
public struct BootstrapPlanner: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions
    /// The bootstrap template body; another release's template in upgrade tests.
    public let bootstrapBody: String

    public init(topology: Topology, options: BootstrapOptions, bootstrapBody: String? = nil) {
        self.topology = topology
        self.options = options
        self.bootstrapBody = bootstrapBody ?? TemplateRenderer().render(BootstrapTemplate.make())
    }

    /// The stages to work on, in topology order.
    public var selectedStages: [StageConfig] {
        options.stages.isEmpty ? topology.stages : topology.stages.filter { options.stages.contains($0.stage) }
    }

    public func specs() throws -> [StageBootstrapSpec] {
        var problems: [String] = []
        var specs: [StageBootstrapSpec] = []
        for stage in selectedStages {
            do {
                specs.append(try spec(for: stage, bootstrapBody: bootstrapBody))
            } catch let error as BootstrapInputError {
                problems += error.problems
            } catch {
                problems.append("\(stage.stage.rawValue): \(error)")
            }
        }
        guard problems.isEmpty else { throw BootstrapInputError(problems: problems) }
        return specs
    }

    func spec(for stage: StageConfig, bootstrapBody: String) throws -> StageBootstrapSpec {
        let name = stage.stage.rawValue
        let names = BootstrapNames(
            qualifier: topology.qualifier, account: stage.account, region: stage.region, partition: Partition.of(region: stage.region))
        var problems: [String] = []
        let configured = topology.executionPolicies[stage.stage]
        let managed = (configured ?? []).compactMap { policy -> String? in
            if case .managed(let arn) = policy { return arn }
            return nil
        }
        let documents = (configured ?? []).compactMap { policy -> String? in
            if case .document(let path) = policy { return path }
            return nil
        }
        if (configured ?? []).contains(where: \.isAdministratorAccess) && !options.allowAdminExecutionPolicy {
            problems.append(
                "executionPolicies.\(name): AdministratorAccess lets every trusted account do anything in \(stage.account); "
                    + "pass --allow-admin-execution-policy if that is really intended")
        }
        if documents.count > 1 {
            problems.append("executionPolicies.\(name): at most one policy document per stage; merge \(documents.joined(separator: " and "))")
        }

        // A stage without configured policies gets the least-privilege document shipped with mlopsctl.
        var policyTemplate: Template?
        do {
            if let path = documents.first {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                policyTemplate = try ExecutionPolicyTemplate.make(stage: name, document: text, source: path)
            } else if configured == nil {
                policyTemplate = try ExecutionPolicyTemplate.make(stage: name)
            }
        } catch {
            problems.append("executionPolicies.\(name): \(error)")
        }
        let trusted = topology.trustedAccounts(of: stage.stage)
        if !trusted.isEmpty && managed.isEmpty && policyTemplate == nil {
            // The CDK CLI refuses this too: trust without execution policies would fall back to AdministratorAccess.
            problems.append("trust.\(name): a stage that trusts other accounts needs execution policies")
        }
        guard problems.isEmpty else { throw BootstrapInputError(problems: problems) }

        let policyName = ExecutionPolicyTemplate.policyName(qualifier: topology.qualifier, stage: name)
        let policyStack = policyTemplate.map { template in
            StackDeployment(
                stackName: policyName, template: .body(TemplateRenderer().render(template)),
                parameters: ["Qualifier": topology.qualifier], tags: topology.bootstrap.tags)
        }
        return StageBootstrapSpec(
            stage: stage, names: names, trustedAccounts: trusted, policyStack: policyStack,
            policyStackArn: policyStack.map { _ in "arn:\(names.partition):iam::\(stage.account):policy/\(policyName)" },
            policyName: policyStack.map { _ in policyName },
            managedPolicyArns: managed, bootstrapTemplateBody: bootstrapBody, bootstrapStackName: topology.bootstrap.stackName,
            tags: topology.bootstrap.tags, terminationProtection: topology.bootstrap.terminationProtection)
    }
}

/// Bad input found before any AWS call; one problem per line.
public struct BootstrapInputError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]

    public var description: String {
        ProblemList.describe(problems) { "\($0) problems:" }
    }
}
