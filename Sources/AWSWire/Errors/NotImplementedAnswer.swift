import Foundation

/// The one rule for "this endpoint does not implement the call", as opposed to "the call was refused or failed".
///
/// Some optional calls (UpdateTerminationProtection) may be skipped with a warning when the endpoint does not
/// implement them, but on AWS an AccessDenied or a throttled call must never pass quietly. So only an answer that
/// *says* it is not implemented qualifies: HTTP 501, an error code naming it (`NotImplemented`,
/// `NotImplementedException`, `UnsupportedOperation`, `InvalidAction`), or a 5xx whose message says "not implemented"
/// / "not yet implemented" / "has not been implemented". A bare 500 (an opaque server error, moto's HTML page included) is a failure.
public enum NotImplementedAnswer {
    static let codes: Set<String> = ["NotImplemented", "NotImplementedException", "UnsupportedOperation", "InvalidAction"]

    /// True when `error` is the endpoint saying it does not implement the operation.
    public static func matches(_ error: AWSServiceError) -> Bool {
        if error.statusCode == 501 || codes.contains(error.code) { return true }
        guard (500...599).contains(error.statusCode), let message = error.message?.lowercased() else { return false }
        return ["not implemented", "not yet implemented", "has not been implemented"].contains { message.contains($0) }
    }
}
