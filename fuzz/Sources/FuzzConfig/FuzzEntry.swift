import Foundation

/// One input is the text of a config file and, after a line `--credentials--`, of a credentials file; every profile
/// found is then resolved as a command would (role chains, cycles, sso sessions). Errors are fine, traps are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let parts = text.components(separatedBy: "\n--credentials--\n")
    guard let config = try? SharedConfig.parse(configFile: parts[0], credentialsFile: parts.count > 1 ? parts[1] : "") else { return 0 }
    let environment = EnvironmentVariables()
    for name in config.profiles.keys.sorted().prefix(64) {
        _ = try? ProfileChainResolver.resolve(profile: name, in: config)
        let profile = config.profile(named: name)
        // What every command reads from the profile next: endpoint (services sections too) and region.
        for service in ["STS", "S3", "CloudFormation", "Service Catalog"] {
            _ = try? EndpointResolver.resolve(serviceId: service, profile: profile, config: config, environment: environment)
        }
        _ = RegionResolver.resolve(environment: environment, profile: profile)
    }
    return 0
}
