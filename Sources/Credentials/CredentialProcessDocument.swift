import Foundation

/// The JSON a `credential_process` prints. Every field is read leniently (a wrong type reads as absent) so the
/// provider can say which key is wrong; only a document that is not a JSON object fails to decode.
/// `Version` must be the JSON number 1: `"1"` and `true` are rejected, as botocore does.
struct CredentialProcessDocument: Decodable {
    var hasVersion: Bool
    var version: Int?
    var accessKeyId: String?
    var secretAccessKey: String?
    var sessionToken: String?
    var expiration: String?
    var accountId: String?

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case sessionToken = "SessionToken"
        case expiration = "Expiration"
        case accountId = "AccountId"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hasVersion = container.contains(.version)
        version = try? container.decode(Int.self, forKey: .version)
        accessKeyId = try? container.decode(String.self, forKey: .accessKeyId)
        secretAccessKey = try? container.decode(String.self, forKey: .secretAccessKey)
        sessionToken = try? container.decode(String.self, forKey: .sessionToken)
        expiration = try? container.decode(String.self, forKey: .expiration)
        accountId = try? container.decode(String.self, forKey: .accountId)
    }
}
