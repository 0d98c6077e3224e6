import AWSConfig
import Foundation
import SigV4

/// The STS calls a role assumption needs. Implemented by the AWSServices layer with a real STS client;
/// kept as a protocol here so that Credentials never touches the network and tests can record calls.
public protocol RoleAssuming: Sendable {
    /// STS AssumeRole for `step` using `source` credentials. `step.profile` tells the implementation which profile's
    /// region/endpoint to use; `step.externalId` and `step.durationSeconds` go into the request when set
    /// (STS defaults the duration to 3600 s).
    func assumeRole(_ step: RoleAssumption, sessionName: String, mfaCode: String?, using source: AWSCredentials) async throws
        -> AWSCredentials
    /// STS AssumeRoleWithWebIdentity (unsigned call).
    func assumeRoleWithWebIdentity(_ identity: WebIdentity, sessionName: String, token: String) async throws -> AWSCredentials
}
