/// Renders `enum BuildCommit`: the commit the executable is built from, or "unknown" outside a git checkout.
struct CommitEmbedding {
    let commit: String?

    func render() -> String {
        """
        // Generated at build time by EmbedGenerator (Plugins/EmbedFiles) from the checkout's git HEAD. Do not edit.

        /// The commit this executable was built from.
        public enum BuildCommit {
            /// The full hash, or "unknown" when not built from a git checkout.
            public static let hash = "\(commit ?? "unknown")"
            /// The first 7 hex digits (as `git log --oneline` shows it), or "unknown".
            public static let abbreviated = "\(commit.map { String($0.prefix(7)) } ?? "unknown")"
        }

        """
    }
}
