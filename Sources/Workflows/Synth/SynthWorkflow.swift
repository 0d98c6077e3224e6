import CFNTemplate
import Deployer
import Foundation
import Topology

/// `mlopsctl synth --out DIR`: every template mlopsctl would deploy for the topology, with the parameters
/// it would pass, as files to review, lint and diff. No AWS call.
public struct SynthWorkflow: Sendable {
    public let topology: Topology
    public let options: BootstrapOptions

    public init(topology: Topology, options: BootstrapOptions = BootstrapOptions()) {
        self.topology = topology
        self.options = options
    }

    /// Writes `<stage>/<stack>.template.json` and `<stage>/<stack>.parameters.json`; returns the paths written.
    @discardableResult
    public func write(to directory: URL) throws -> [String] {
        var written: [String] = []
        for spec in try BootstrapPlanner(topology: topology, options: options).specs() {
            let folder = directory.appendingPathComponent(spec.stage.stage.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var deployments = spec.policyStack.map { [$0] } ?? []
            deployments.append(spec.bootstrapDeployment(kmsKeyId: nil, terminationProtection: spec.terminationProtection ?? false))
            for deployment in deployments {
                guard case .body(let body) = deployment.template else { continue }
                let template = folder.appendingPathComponent("\(deployment.stackName).template.json")
                let parameters = folder.appendingPathComponent("\(deployment.stackName).parameters.json")
                try Data((body.hasSuffix("\n") ? body : body + "\n").utf8).write(to: template)
                try Data(Self.parametersJSON(deployment.parameters).utf8).write(to: parameters)
                written += [template.path, parameters.path]
            }
        }
        return written
    }

    /// The `aws cloudformation` CLI's parameter file form, sorted: `[{"ParameterKey": …, "ParameterValue": …}]`.
    static func parametersJSON(_ parameters: [String: String]) -> String {
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
