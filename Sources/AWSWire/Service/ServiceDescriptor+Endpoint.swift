import Foundation

extension ServiceDescriptor {
    /// The endpoint for `region`. A configured URL (already chosen by AWSConfig's endpoint
    /// precedence) wins and is signed for `region`; otherwise the partition default applies:
    /// global services use their partition endpoint, the rest `https://{prefix}.{region}.amazonaws.com`
    /// (`.amazonaws.com.cn` in `cn-` regions).
    public func endpoint(region: String, configured: URL? = nil) -> ResolvedEndpoint {
        if let configured {
            return ResolvedEndpoint(url: configured, signingRegion: region, isConfigured: true)
        }
        let china = Self.isChina(region)
        if let global = globalEndpoint {
            if !china {
                return ResolvedEndpoint(url: global.url, signingRegion: global.signingRegion, isConfigured: false)
            }
            if let cn = global.china {
                return ResolvedEndpoint(url: cn.url, signingRegion: cn.signingRegion, isConfigured: false)
            }
        }
        let suffix = china ? "amazonaws.com.cn" : "amazonaws.com"
        // The host is built from fixed labels and a region name; a malformed region is caught here.
        let url = URL(string: "https://\(endpointPrefix).\(region).\(suffix)") ?? URL(string: "https://invalid-region.\(suffix)")!
        return ResolvedEndpoint(url: url, signingRegion: region, isConfigured: false)
    }

    static func isChina(_ region: String) -> Bool {
        region.hasPrefix("cn-")
    }
}
