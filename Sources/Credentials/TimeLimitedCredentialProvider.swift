import Foundation
import SigV4

/// A credential source that waits on a service (the IAM Identity Center portal, STS for a web identity token),
/// bounded as a whole: however the calls inside retry, the source answers within `limit` or fails naming the
/// profile and what it waited for.
struct TimeLimitedCredentialProvider: CredentialProvider {
    let base: any CredentialProvider
    let limit: Duration
    let profile: String
    /// What was waited for, for the message: "IAM Identity Center (SSO) role credentials".
    let what: String

    func credentials() async throws -> AWSCredentials {
        let base = self.base
        let (profile, what, limit) = (self.profile, self.what, self.limit)
        return try await withTimeLimit(limit, onTimeout: { CredentialError.credentialSourceTimedOut(profile: profile, what: what, timeout: limit) }) {
            try await base.credentials()
        }
    }

    var description: String { "TimeLimited(\(limit.messageText), \(base))" }
}
