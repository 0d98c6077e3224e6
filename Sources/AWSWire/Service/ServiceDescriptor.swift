import Foundation

/// Everything the wire layer needs to know about one AWS service, as data (the values come from
/// botocore's `service-2.json` metadata and `endpoints.json`).
public struct ServiceDescriptor: Sendable, Equatable {
    /// The SDK service id: `"STS"`, `"Service Catalog"`… (also names `AWS_ENDPOINT_URL_<ID>`).
    public var serviceId: String
    /// The SigV4 credential-scope service, e.g. `sagemaker` for `api.sagemaker`.
    public var signingName: String
    /// The first DNS label(s) of the default endpoint.
    public var endpointPrefix: String
    public var apiVersion: String
    public var wireProtocol: WireProtocol
    /// Set for services with one endpoint per partition (IAM), nil for regional services.
    public var globalEndpoint: GlobalEndpoint?

    public init(
        serviceId: String, signingName: String, endpointPrefix: String? = nil, apiVersion: String, wireProtocol: WireProtocol,
        globalEndpoint: GlobalEndpoint? = nil
    ) {
        self.serviceId = serviceId
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix ?? signingName
        self.apiVersion = apiVersion
        self.wireProtocol = wireProtocol
        self.globalEndpoint = globalEndpoint
    }

    /// A partition-wide endpoint and the region its signatures are scoped to.
    public struct GlobalEndpoint: Sendable, Equatable {
        /// For the `aws` partition, e.g. `https://iam.amazonaws.com` signed for `us-east-1`.
        public var url: URL
        public var signingRegion: String
        /// The same for `aws-cn`, when the service has one there.
        public var china: (url: URL, signingRegion: String)?

        public init(url: URL, signingRegion: String, china: (url: URL, signingRegion: String)? = nil) {
            self.url = url
            self.signingRegion = signingRegion
            self.china = china
        }

        public static func == (lhs: GlobalEndpoint, rhs: GlobalEndpoint) -> Bool {
            lhs.url == rhs.url && lhs.signingRegion == rhs.signingRegion && lhs.china?.url == rhs.china?.url
                && lhs.china?.signingRegion == rhs.china?.signingRegion
        }
    }
}
