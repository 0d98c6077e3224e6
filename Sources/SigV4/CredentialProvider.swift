import Foundation

/// Something that can produce AWS credentials. It lives beside the signer so that the wire layer signs with
/// any provider without depending on where credentials come from. Providers are cheap values; caching is a decorator
/// (`CachedCredentialProvider`) so that each source stays simple.
public protocol CredentialProvider: Sendable, CustomStringConvertible {
    func credentials() async throws -> AWSCredentials
}
