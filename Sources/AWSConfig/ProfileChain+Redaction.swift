import Foundation

// Chains end up in logs and test failure messages; the secret key and session token must never appear there.
extension StaticKeys: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let token = sessionToken == nil ? "" : ", sessionToken: <redacted>"
        let account = accountId.map { ", accountId: \($0)" } ?? ""
        return "StaticKeys(profile: \(profile), accessKeyId: \(accessKeyId), secretAccessKey: <redacted>\(token)\(account))"
    }

    public var debugDescription: String { description }
}
