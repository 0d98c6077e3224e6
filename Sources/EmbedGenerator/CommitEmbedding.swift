/// Renders `enum BuildCommit`: the commit the executable is built from ("unknown" outside a git checkout) and the
/// UTC day this generator ran. It runs only when HEAD moves (or on a clean build), so the day is when the build
/// first embedded this commit, and an incremental build of the same commit compiles nothing again.
struct CommitEmbedding {
    let commit: String?
    /// `yyyy-mm-dd`, UTC.
    let buildDate: String

    func render() -> String {
        """
        // Generated at build time by EmbedGenerator (Plugins/EmbedFiles) from the checkout's git HEAD. Do not edit.

        /// The commit this executable was built from, and when.
        public enum BuildCommit {
            /// The full hash, or "unknown" when not built from a git checkout.
            public static let hash = "\(commit ?? "unknown")"
            /// The first 7 hex digits (as `git log --oneline` shows it), or "unknown".
            public static let abbreviated = "\(commit.map { String($0.prefix(7)) } ?? "unknown")"
            /// The UTC day (`yyyy-mm-dd`) the build embedded this commit.
            public static let buildDate = "\(buildDate)"
        }

        """
    }
}
