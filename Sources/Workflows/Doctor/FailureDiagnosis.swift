import AWSConfig
import AWSWire
import Credentials
import Foundation

/// Turns an error from resolving or calling a stage's credentials into a doctor verdict and a one-line fix.
struct FailureDiagnosis {
    let verdict: StageHealth.Verdict
    let message: String

    init(_ error: any Error, profile: String) {
        switch error {
        case let error as TransportError:
            verdict = .unreachable
            message = "profile '\(profile)': \(error)"
        case let error as AWSServiceError:
            verdict = .rejected
            message = "\(error)" + (Self.hint(for: error.code, profile: profile).map { "; \($0)" } ?? "")
        case is ProfileResolutionError, is ConfigurationValueError:
            verdict = .misconfigured
            message = String(describing: error)
        default:
            // Credential providers (SSO, MFA, credential_process, role assumption) wrap their causes with the profile name.
            verdict = Self.underlyingTransportError(error) ? .unreachable : .noCredentials
            message = String(describing: error)
        }
    }

    static func hint(for code: String, profile: String) -> String? {
        switch code {
        case "InvalidClientTokenId", "UnrecognizedClientException":
            return "the access key id of profile '\(profile)' is not valid for this endpoint; check aws_access_key_id"
        case "SignatureDoesNotMatch":
            return "the secret key of profile '\(profile)' does not match its access key; check aws_secret_access_key"
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            return "the session credentials of profile '\(profile)' have expired; refresh them"
        case "AccessDenied", "AccessDeniedException":
            return "profile '\(profile)' may not call sts:GetCallerIdentity; check its policies"
        default:
            return nil
        }
    }

    /// A role assumption or SSO call that could not reach its endpoint is wrapped by the credential layer,
    /// which keeps the transport error's wording.
    private static func underlyingTransportError(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("could not connect to") || text.contains("timed out (")
    }
}
