import Synchronization

/// Whether a Ctrl-C typed at a credential helper's prompt stopped it. Only the helper's process group owned the
/// terminal, so only it got the SIGINT; mlopsctl raises it again for itself, but that signal arrives asynchronously,
/// possibly after the helper's failure has already ended the command. The run's last word reads this flag too, so
/// such a run always ends as an interruption (exit 130), never as the helper's failure.
public enum HelperInterruption {
    private static let interrupted = Mutex(false)

    public static var happened: Bool { interrupted.withLock { $0 } }

    static func record() {
        interrupted.withLock { $0 = true }
    }
}
