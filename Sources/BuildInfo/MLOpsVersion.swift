/// What `mlopsctl --version` prints: the release and the commit it was built from (`BuildCommit` is generated at
/// build time by the EmbedFiles plugin from the checkout's git HEAD).
public enum MLOpsVersion {
    /// The release; raise it when a release is cut.
    public static let release = "0.1.0"
    public static let commit = BuildCommit.abbreviated
    /// `mlopsctl 0.1.0 (commit 9115103)`.
    public static let description = "mlopsctl \(release) (commit \(commit))"
}
