import AWSServices
import CFNTemplate
import Topology

/// The Service Catalog product and version `launch-project --via sagemaker` provisions, read from the catalog stack.
/// When the product is missing, the error says why: the stack exists but its product resource was never created
/// (an endpoint that does not provision Service Catalog products, such as the local emulator, deploys the rest of the
/// stack and drops the product and its `ProductId` output), or it failed, or the version is not published.
struct CatalogProduct {
    let productId: String
    let artifact: ProvisioningArtifact

    static func read(catalog: StackDescription, session: AWSSession, topology: Topology) async throws -> CatalogProduct {
        let dev = topology[.dev]
        let place = "in dev (\(dev.account), \(dev.region))"
        let fix = "launch it with --via cloudformation (or set `project: { via: cloudformation }` in the topology)"
        guard let productId = catalog.outputValues[CatalogTemplate.OutputName.productId.rawValue] else {
            let resources = try await session.cloudFormation.listAllStackResources(stackName: catalog.stackName)
            let product = resources.first { $0.logicalResourceId == CatalogTemplate.LogicalID.product }
            let problem: String
            if let product {
                let status = product.resourceStatus?.rawValue ?? "unknown"
                problem = "the Service Catalog product of catalog stack \(catalog.stackName) \(place) is \(status)"
                    + (product.resourceStatusReason.map { " (\($0))" } ?? "")
                    + "; fix it, run `mlopsctl publish-catalog` again, or \(fix)"
            } else {
                problem = "catalog stack \(catalog.stackName) \(place) holds no Service Catalog product: this AWS endpoint deployed "
                    + "the stack without its \(CatalogTemplate.LogicalID.product) resource (AWS::ServiceCatalog::CloudFormationProduct; "
                    + "the local emulator does not provision Service Catalog products), so --via sagemaker has nothing to "
                    + "launch; \(fix)"
            }
            throw CatalogInputError(problems: [problem])
        }
        let artifacts = try await session.serviceCatalog.listProvisioningArtifacts(productId: productId)
        guard let artifact = artifacts.first(where: { $0.name == topology.catalog.productVersion }) else {
            throw CatalogInputError(problems: [
                "product \(productId) has no version '\(topology.catalog.productVersion)' (has: "
                    + "\(artifacts.compactMap(\.name).joined(separator: ", "))); run `mlopsctl publish-catalog`",
            ])
        }
        return CatalogProduct(productId: productId, artifact: artifact)
    }
}
