/// What `mlopsctl --version` prints: the release, the commit it was built from and the day of that build
/// (`BuildCommit` is generated at build time by the EmbedFiles plugin from the checkout's git HEAD).
public enum MLOpsVersion {
    /// The release; raise it when a release is cut.
    public static let release = "0.1.0"
    /// The day `release` was cut (`yyyy-mm-dd`); raise it with `release`. The man pages carry this date
    /// (scripts/generate-man reads it here), so they change with the help text, not with every commit or build.
    public static let releaseDate = "2026-12-04"
    public static let commit = BuildCommit.abbreviated
    /// The UTC day the build embedded `commit`.
    public static let buildDate = BuildCommit.buildDate
    /// `mlopsctl 0.1.0 (commit 4beab16, built 2026-12-06)`.
    public static let description = "mlopsctl \(release) (commit \(commit), built \(buildDate))"
}
