import Foundation

/// What the terminal allows: colour and live (rewritten) lines only on a TTY, and never with NO_COLOR set
/// (https://no-color.org) or TERM=dumb.
enum Terminal {
    static var showsLiveOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1 else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
