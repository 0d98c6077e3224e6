import ArgumentParser
import Foundation
import Topology

extension ProjectSettings.Source: ExpressibleByArgument {}

/// The topology settings of `mlopsctl init` beyond the accounts, profiles and regions: how projects are launched
/// (asked on a terminal), and the optional sections (flags only; each left out keeps the loader's default).
struct InitSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How launch-project creates projects: sagemaker or cloudformation (asked on a terminal; default sagemaker).",
        discussion: "sagemaker: SageMaker CreateProject from the Service Catalog product (needs Studio). cloudformation: the project "
            + "template deployed directly as a stack in dev (accounts without Studio, the local emulator)."))
    var via: ProjectSettings.Via?
    @Option(help: "Where project pipelines read their code: s3 or codecommit (asked on a terminal; default s3).")
    var source: ProjectSettings.Source?

    @Option(help: ArgumentHelp("Which stages a stage trusts (repeatable; default: the seed's graph).", valueName: "stage=stage,…"))
    var trust: [String] = []
    @Option(help: ArgumentHelp(
        "An extra execution policy of a stage: a managed policy ARN or a .json file (repeatable).", valueName: "stage=arn|file.json"))
    var executionPolicy: [String] = []
    @Option(help: "Name of the CDK bootstrap stack (default CDKToolkit).") var bootstrapStackName: String?
    @Flag(inversion: .prefixedNo, help: "Set termination protection on the bootstrap stacks (default: keep what is deployed).")
    var terminationProtection: Bool?
    @Option(help: ArgumentHelp("A tag of the bootstrap, catalog and project stacks (repeatable).", valueName: "key=value"))
    var tag: [String] = []
    @Option(help: "Service Catalog portfolio name (default \"SageMaker Organization Templates\").") var portfolioName: String?
    @Option(help: "Service Catalog portfolio and product owner (default \"administrator\").") var portfolioOwner: String?
    @Option(help: "Service Catalog product name (default \"MLOps Foundation template for real-time deployment\").") var productName: String?
    @Option(help: "Version name publish-catalog publishes (default 1.0); a new one adds a version.") var productVersion: String?

    /// The optional sections as the flags give them, checked for form here; the loader checks the values when the
    /// answers are read back.
    func sections() throws -> (trust: [Stage: [Stage]], policies: [Stage: [ExecutionPolicy]], bootstrap: BootstrapSettings, catalog: CatalogSettings) {
        var problems: [String] = []
        func split(_ value: String, flag: String) -> (String, String)? {
            guard let equals = value.firstIndex(of: "=") else {
                problems.append("\(flag) \(value): expected \(flag == "--tag" ? "key=value" : "stage=value")")
                return nil
            }
            return (String(value[..<equals]), String(value[value.index(after: equals)...]))
        }
        func stage(_ name: String, flag: String) -> Stage? {
            if let stage = Stage(rawValue: name) { return stage }
            problems.append("\(flag): unknown stage \"\(name)\"; the stages are governance, dev, preprod, prod")
            return nil
        }

        var trusts = Topology.defaultTrust
        for entry in trust {
            guard let (name, list) = split(entry, flag: "--trust"), let truster = stage(name, flag: "--trust") else { continue }
            trusts[truster] = list.split(separator: ",").compactMap { stage(String($0), flag: "--trust") }
        }
        var policies: [Stage: [ExecutionPolicy]] = [:]
        for entry in executionPolicy {
            guard let (name, value) = split(entry, flag: "--execution-policy"), let owner = stage(name, flag: "--execution-policy") else { continue }
            // A file is written with its absolute path: the topology may live in another folder than the one it was named from.
            let policy: ExecutionPolicy = value.hasPrefix("arn:")
                ? .managed(arn: value)
                : .document(path: URL(fileURLWithPath: value, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
                    .standardizedFileURL.path)
            policies[owner, default: []].append(policy)
        }
        var bootstrap = BootstrapSettings(terminationProtection: terminationProtection)
        if let bootstrapStackName { bootstrap.stackName = bootstrapStackName }
        for entry in tag {
            guard let (key, value) = split(entry, flag: "--tag") else { continue }
            bootstrap.tags[key] = value
        }
        var catalog = CatalogSettings()
        if let portfolioName { catalog.portfolioName = portfolioName }
        if let portfolioOwner { catalog.portfolioOwner = portfolioOwner }
        if let productName { catalog.productName = productName }
        if let productVersion { catalog.productVersion = productVersion }
        guard problems.isEmpty else { throw CLIError(problems.joined(separator: "; ")) }
        return (trusts, policies, bootstrap, catalog)
    }
}
