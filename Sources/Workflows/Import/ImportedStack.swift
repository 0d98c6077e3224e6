import AWSServices
import CFNTemplate

/// What `mlopsctl import` recognises, and the checks a stack must pass before it is adopted.
public enum ImportedStack: String, Sendable, Codable {
    /// A CDK bootstrap stack (`cdk bootstrap`, the seed's cdk-account-setup.sh, or mlopsctl's own).
    case cdkBootstrap = "cdk-bootstrap"
    /// The Service Catalog stack the seed's pipeline deploys in dev (`DEV-MLOpsServiceCatalog`).
    case seedCatalog = "seed-catalog"

    /// The SSM parameters only the seed's catalog stack (and mlopsctl's) create.
    static let seedCatalogParameters: Set<String> = ["/mlops/code/build", "/mlops/code/deploy", "/mlops/code/seed_bucket"]

    /// Which kind `stack` is, or why it cannot be adopted: one line naming the stack and what to do.
    static func recognise(_ stack: StackDescription, resources: [StackResourceSummary], qualifier: String, stage: String) throws -> ImportedStack {
        guard stack.status.isUsable else {
            throw ImportRefusal("stack \(stack.stackName) is \(stack.status.rawValue); only a stack whose last operation completed can be imported")
        }
        let version = stack.outputValues[BootstrapTemplate.OutputName.bootstrapVersion.rawValue]
        let stackQualifier = stack.parameters.first { $0.key == BootstrapTemplate.ParameterName.qualifier.rawValue }?.value
        if version != nil, let stackQualifier {
            guard stackQualifier == qualifier else {
                throw ImportRefusal(
                    "stack \(stack.stackName) is a CDK bootstrap with qualifier \(stackQualifier), but the topology's qualifier is \(qualifier); "
                        + "set `qualifier: \(stackQualifier)` in the topology to adopt it")
            }
            return .cdkBootstrap
        }
        let parameters = Set(resources.filter { $0.resourceType == "AWS::SSM::Parameter" }.compactMap(\.physicalResourceId))
        if seedCatalogParameters.isSubset(of: parameters) {
            guard stage == "dev" else {
                throw ImportRefusal("stack \(stack.stackName) is a catalog stack; the catalog lives in dev, so import it with --stage dev")
            }
            return .seedCatalog
        }
        throw ImportRefusal(
            "stack \(stack.stackName) is neither a CDK bootstrap stack (no BootstrapVersion output and Qualifier parameter) nor the seed's "
                + "catalog stack (no /mlops/code/* parameters); mlopsctl imports only those")
    }
}

/// Why a stack cannot be imported; nothing was changed.
public struct ImportRefusal: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
