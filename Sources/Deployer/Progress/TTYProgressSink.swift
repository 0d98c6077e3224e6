import AWSServices
import Foundation

/// One live status line for a terminal, rewritten in place (`\r` + erase-line):
/// `mlops-bootstrap  3/7  ArtifactsBucket CREATE_IN_PROGRESS  0:42`.
/// Final phases (finished, failed, unchanged, warnings) end the line so they stay visible.
public struct TTYProgressSink: StackProgressSink {
    static let rewrite = "\r\u{1B}[K"
    let write: ProgressWriter

    public init(write: @escaping ProgressWriter) {
        self.write = write
    }

    public func received(_ event: StackEvent, progress: StackProgress) {
        var line = "\(progress.stackName)  \(progress.countText)"
        if let resource = progress.currentResource {
            line += "  \(resource)"
            if let status = progress.currentStatus { line += " \(status)" }
        }
        write(Self.rewrite + line + "  \(progress.elapsedText)")
    }

    public func phaseChanged(_ phase: StackPhase, progress: StackProgress) {
        let line = "\(progress.stackName)  \(phase.summary)  \(progress.elapsedText)"
        write(Self.rewrite + line + (phase.isFinal ? "\n" : ""))
    }
}
