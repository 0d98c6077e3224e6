import AWSWire
import Foundation
import TestSupport

@testable import AWSServices

/// Clients for the registry, key and image services, wired like `TestClients` (eu-west-1 by default).
extension TestClients {
    static func sageMaker(_ transport: ScriptedTransport, region: String = "eu-west-1") -> SageMakerClient {
        SageMakerClient(client: client(.sageMaker, region: region, transport: transport))
    }

    static func serviceCatalog(_ transport: ScriptedTransport, region: String = "eu-west-1") -> ServiceCatalogClient {
        ServiceCatalogClient(client: client(.serviceCatalog, region: region, transport: transport))
    }

    static func kms(_ transport: ScriptedTransport, region: String = "eu-west-1") -> KMSClient {
        KMSClient(client: client(.kms, region: region, transport: transport))
    }

    static func ecr(_ transport: ScriptedTransport, region: String = "eu-west-1") -> ECRClient {
        ECRClient(client: client(.ecr, region: region, transport: transport))
    }

    /// The JSON body of a request as a dictionary, for assertions that do not depend on key order.
    static func jsonBody(_ request: HTTPRequest?) -> [String: Any] {
        guard let request, let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any] else { return [:] }
        return object
    }
}

/// Clients for the organization path (Organizations is global; the client region does not change where it goes).
extension TestClients {
    static func organizations(_ transport: ScriptedTransport, region: String = "eu-west-1") -> OrganizationsClient {
        OrganizationsClient(client: client(.organizations, region: region, transport: transport))
    }
}
