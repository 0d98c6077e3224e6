import AWSWire
import Foundation
import Testing

@Suite struct EndpointTests {
    @Test(arguments: [
        (ServiceDescriptor.sts, "eu-west-1", "https://sts.eu-west-1.amazonaws.com", "eu-west-1"),
        (.cloudFormation, "us-east-2", "https://cloudformation.us-east-2.amazonaws.com", "us-east-2"),
        (.s3, "eu-central-1", "https://s3.eu-central-1.amazonaws.com", "eu-central-1"),
        (.sageMaker, "us-west-2", "https://api.sagemaker.us-west-2.amazonaws.com", "us-west-2"),
        (.ecr, "ap-southeast-2", "https://api.ecr.ap-southeast-2.amazonaws.com", "ap-southeast-2"),
        (.serviceCatalog, "eu-west-1", "https://servicecatalog.eu-west-1.amazonaws.com", "eu-west-1"),
        (.iam, "eu-west-1", "https://iam.amazonaws.com", "us-east-1"),
        (.iam, "cn-north-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (.iam, "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (.organizations, "eu-west-1", "https://organizations.us-east-1.amazonaws.com", "us-east-1"),
        (.ssm, "cn-northwest-1", "https://ssm.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
        (.sageMakerRuntime, "eu-west-1", "https://runtime.sagemaker.eu-west-1.amazonaws.com", "eu-west-1"),
    ])
    func defaultEndpoints(service: ServiceDescriptor, region: String, url: String, signingRegion: String) {
        let endpoint = service.endpoint(region: region)
        #expect(endpoint.url.absoluteString == url)
        #expect(endpoint.signingRegion == signingRegion)
        #expect(!endpoint.isConfigured)
    }

    @Test func configuredEndpointReplacesEvenGlobalOnes() {
        let moto = URL(string: "http://127.0.0.1:5055")!
        for service in [ServiceDescriptor.iam, .sts, .s3, .kms] {
            let endpoint = service.endpoint(region: "eu-west-1", configured: moto)
            #expect(endpoint == ResolvedEndpoint(url: moto, signingRegion: "eu-west-1", isConfigured: true))
        }
    }

    @Test func descriptorsCarryTheirWireProtocol() {
        #expect(ServiceDescriptor.sts.wireProtocol == .query(xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/"))
        #expect(ServiceDescriptor.kms.wireProtocol == .json(version: "1.1", targetPrefix: "TrentService"))
        #expect(ServiceDescriptor.kms.wireProtocol.jsonContentType == "application/x-amz-json-1.1")
        #expect(ServiceDescriptor.s3.wireProtocol == .restXML)
        #expect(ServiceDescriptor.serviceCatalog.serviceId == "Service Catalog")
        #expect(ServiceDescriptor.sageMaker.signingName == "sagemaker")
    }
}
