/// The role session name of a promotion: `mlopsctl-<user>`, so CloudTrail in the stage's account names who deployed.
enum PromoteSessionName {
    /// Limited to what STS accepts (`[\w+=,.@-]`, 2-64 characters).
    static func make(user: String?) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-")
        let cleaned = String((user ?? "").filter { allowed.contains($0) })
        return String("mlopsctl-\(cleaned.isEmpty ? "operator" : cleaned)".prefix(64))
    }
}
