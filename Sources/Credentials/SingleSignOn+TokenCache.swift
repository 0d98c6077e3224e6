import AWSConfig
import Crypto
import Foundation

extension SingleSignOn {
    /// The file name the AWS CLI uses for this session's token: SHA-1 (hex) of the `sso-session` name, or of the
    /// start URL for the legacy in-profile form, plus `.json`.
    public var tokenCacheFileName: String {
        let key = sessionName ?? startURL
        let digest = Insecure.SHA1.hash(data: Data(key.utf8))
        return digest.map { String(format: "%02x", $0) }.joined() + ".json"
    }

    /// The command that writes a fresh token for this profile.
    public var loginCommand: String {
        if let sessionName { return "aws sso login --sso-session \(sessionName)" }
        return "aws sso login --profile \(profile)"
    }

    /// How messages name the token ("sso-session 'corp'" or "start URL https://…").
    var tokenSubject: String {
        if let sessionName { return "sso-session '\(sessionName)'" }
        return "start URL \(startURL)"
    }
}
