import Foundation

/// Default `RoleSessionName` when a profile has no `role_session_name`: `mlopsctl-<unix millis>`, which
/// shows up in CloudTrail as the tool that made the call (botocore uses `botocore-session-<seconds>`).
enum RoleSessionName {
    static func make(configured: String?, now: Date) -> String {
        if let configured, !configured.isEmpty { return configured }
        return "mlopsctl-\(Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))"
    }
}
