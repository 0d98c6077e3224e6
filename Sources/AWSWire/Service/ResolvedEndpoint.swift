import Foundation

/// Where requests for one client go and which region their signatures name.
public struct ResolvedEndpoint: Sendable, Equatable {
    public var url: URL
    public var signingRegion: String
    /// True when the URL came from configuration (`--endpoint-url`, `AWS_ENDPOINT_URL…`, profile):
    /// S3 then uses path-style addressing, as the SDKs do for custom endpoints.
    public var isConfigured: Bool

    public init(url: URL, signingRegion: String, isConfigured: Bool) {
        self.url = url
        self.signingRegion = signingRegion
        self.isConfigured = isConfigured
    }
}
