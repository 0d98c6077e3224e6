import Foundation

// The stored `config` holds every profile's keys; the default reflection would print them.
extension AWSSession: CustomStringConvertible {
    public var description: String {
        "AWSSession(profile: \(profileName), region: \(region), credentials: \(credentials))"
    }
}

extension STSRoleAssumer: CustomStringConvertible {
    public var description: String {
        "STSRoleAssumer(fallbackRegion: \(fallbackRegion ?? "none"))"
    }
}
