import CFNTemplate
import Deployer
import Foundation
import Topology

/// `mlopsctl synth --out DIR`: every template mlopsctl would deploy for the topology, with the parameters
/// it would pass, as files to review, lint and diff. No AWS call.
public struct SynthWorkflow: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions
    /// The seed code for the catalog and project templates; nil writes only the bootstrap stacks.
    public let seedCode: SeedCodeLocation?

    public init(topology: Topology, options: BootstrapOptions = BootstrapOptions(), seedCode: SeedCodeLocation? = nil) {
        self.topology = topology
        self.options = options
        self.seedCode = seedCode
    }

    /// The lead role ARN is read from SSM at publish time; synth, which calls no AWS API, writes this stand-in.
    static func leadRolePlaceholder(_ dev: StageConfig) -> String {
        "arn:\(Partition.of(region: dev.region)):iam::\(dev.account):role/mlops-lead-from-ssm-parameter"
    }

    /// Writes `<stage>/<stack>.template.json` and `<stage>/<stack>.parameters.json`; returns the paths written.
    @discardableResult
    public func write(to directory: URL) throws -> [String] {
        var written: [String] = []
        for spec in try BootstrapPlanner(topology: topology, options: options).specs() {
            let folder = directory.appendingPathComponent(spec.stage.stage.rawValue)
            try PrivateFiles.createFolders(folder)
            var deployments = spec.policyStack.map { [$0] } ?? []
            deployments.append(spec.bootstrapDeployment(kmsKeyId: nil, terminationProtection: spec.terminationProtection ?? false))
            for deployment in deployments {
                guard case .body(let body) = deployment.template else { continue }
                let template = folder.appendingPathComponent("\(deployment.stackName).template.json")
                let parameters = folder.appendingPathComponent("\(deployment.stackName).parameters.json")
                try PrivateFiles.write(Data((body.hasSuffix("\n") ? body : body + "\n").utf8), to: template)
                try PrivateFiles.write(Data(Self.parametersJSON(deployment.parameters).utf8), to: parameters)
                written += [template.path, parameters.path]
            }
        }
        if let seedCode { written += try writeCatalog(seedCode, to: directory) }
        return written
    }

    /// `dev/<catalog stack>.template.json`, `dev/project.template.json` (with example project parameters) and
    /// `dev/<catalog stack>-support-<region>.template.json` for each other region preprod or prod live in.
    private func writeCatalog(_ seedCode: SeedCodeLocation, to directory: URL) throws -> [String] {
        let dev = topology[.dev]
        let bucket = BootstrapNames(qualifier: topology.qualifier, account: dev.account, region: dev.region).stagingBucket
        let plan = try CatalogPlan.make(topology: topology, seedCode: seedCode, stagingBucket: bucket)
        let catalog = try CatalogTemplate.make(
            try plan.catalogOptions(topology: topology, stagingBucket: bucket, leadRoleArn: Self.leadRolePlaceholder(dev), published: []))
        let folder = directory.appendingPathComponent(dev.stage.rawValue)
        try PrivateFiles.createFolders(folder)
        let catalogName = PublishCatalogWorkflow.stackName(qualifier: topology.qualifier)
        var files: [(String, String)] = [
            ("\(catalogName).template.json", TemplateRenderer().render(catalog) + "\n"),
            ("\(catalogName).parameters.json", Self.parametersJSON([:])),
            ("project.template.json", String(decoding: plan.projectTemplate.data, as: UTF8.self) + "\n"),
            ("project.parameters.json", Self.parametersJSON(["SageMakerProjectName": "example", "SageMakerProjectId": "p-example"])),
        ]
        // The deploy pipelines' artifact store in each other region (dev's account, deployed in that region).
        let support = PipelineSupport(options: plan.projectOptions, catalogStack: catalogName, tags: [:])
        for region in plan.projectOptions.supportRegions {
            let deployment = support.deployment(region: region)
            guard case .body(let body) = deployment.template else { continue }
            files.append(("\(deployment.stackName).template.json", body + "\n"))
            files.append(("\(deployment.stackName).parameters.json", Self.parametersJSON([:])))
        }
        var written: [String] = []
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try PrivateFiles.write(Data(text.utf8), to: url)
            written.append(url.path)
        }
        return written
    }

    /// The `aws cloudformation` CLI's parameter file form, sorted: `[{"ParameterKey": …, "ParameterValue": …}]`.
    static func parametersJSON(_ parameters: [String: String]) -> String {
        guard !parameters.isEmpty else { return "[]\n" }
        let items = parameters.keys.sorted().map { key in
            "  {\"ParameterKey\": \(quoted(key)), \"ParameterValue\": \(quoted(parameters[key]!))}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    private static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }
}
