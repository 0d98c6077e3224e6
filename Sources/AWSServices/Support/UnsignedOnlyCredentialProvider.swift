import Credentials
import Foundation
import SigV4

/// The credential provider of a client that only sends unsigned operations (STS
/// AssumeRoleWithWebIdentity, the SSO portal). Being asked for credentials means a signed call was
/// made through such a client, a programming error that is reported instead of signing with nothing.
struct UnsignedOnlyCredentialProvider: CredentialProvider {
    let purpose: String

    func credentials() async throws -> AWSCredentials {
        throw UnsignedClientMisuse(purpose: purpose)
    }

    var description: String { "UnsignedOnlyCredentialProvider(\(purpose))" }
}

struct UnsignedClientMisuse: Error, CustomStringConvertible {
    let purpose: String
    var description: String {
        "the \(purpose) client only sends unsigned requests and has no credentials; use a client from AWSSession for signed calls"
    }
}
