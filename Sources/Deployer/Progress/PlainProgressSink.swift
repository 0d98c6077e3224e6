import AWSServices
import Foundation

/// One line per event and phase, for logs and non-terminal output:
/// `0:03 mlops-bootstrap ArtifactsBucket AWS::S3::Bucket CREATE_FAILED: <reason>`.
public struct PlainProgressSink: StackProgressSink {
    let write: ProgressWriter

    public init(write: @escaping ProgressWriter) {
        self.write = write
    }

    public func received(_ event: StackEvent, progress: StackProgress) {
        var line = "\(progress.elapsedText) \(event.stackName) \(event.logicalResourceId ?? "-") \(event.resourceType ?? "-")"
        line += " \(event.resourceStatus?.rawValue ?? "-")"
        if let reason = event.resourceStatusReason, !reason.isEmpty { line += ": " + StackDeployError.oneLine(reason) }
        write(line + "\n")
    }

    public func phaseChanged(_ phase: StackPhase, progress: StackProgress) {
        write("\(progress.elapsedText) \(progress.stackName) \(phase.summary)\n")
    }
}
