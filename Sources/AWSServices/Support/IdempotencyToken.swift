import Crypto
import Foundation

/// Client tokens (ClientToken / ClientRequestToken / IdempotencyToken) for mutating calls. A token is fixed before the
/// first attempt, so every retry of one call carries the same one and the service applies the call once.
public enum IdempotencyToken {
    /// A token derived from the call's stable inputs: a re-run after a lost response sends the same token, so the
    /// service answers with what the first call did. `mlopsctl-` and hex, at most `length` characters (`[A-Za-z0-9-]`).
    public static func derived(from parts: [String], length: Int = 36) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let prefix = "mlopsctl-"
        return prefix + hex.prefix(max(8, length - prefix.count))
    }

    /// A fresh token for a call whose repetition must not be merged with an earlier one (a later update of the same
    /// stack to the same template is a new operation, and its events are told apart by the token).
    public static func unique() -> String {
        UUID().uuidString.lowercased()
    }
}
