import Foundation
import SigV4

/// Something that can produce AWS credentials. Providers are cheap values; caching is a decorator
/// (`CachedCredentialProvider`) so that each source stays simple.
public protocol CredentialProvider: Sendable, CustomStringConvertible {
    func credentials() async throws -> AWSCredentials
}
