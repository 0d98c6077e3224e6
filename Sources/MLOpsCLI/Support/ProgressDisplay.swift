import Deployer
import Foundation
import Topology

/// Chooses how stack progress is shown: JSON lines on stdout for `--output json`, a live line on a terminal
/// when one stage runs, otherwise one plain line per event prefixed with the stage (stages run at once).
enum ProgressDisplay {
    static func factory(output: OutputFormat, stageCount: Int) -> @Sendable (StageConfig) -> any StackProgressSink {
        let toStdout: ProgressWriter = { FileHandle.standardOutput.write(Data($0.utf8)) }
        let toStderr: ProgressWriter = { FileHandle.standardError.write(Data($0.utf8)) }
        switch output {
        case .json:
            return { _ in JSONLinesProgressSink(write: toStdout) }
        case .table where stageCount == 1 && isatty(STDERR_FILENO) == 1:
            return { _ in TTYProgressSink(write: toStderr) }
        case .table:
            return { stage in PlainProgressSink(write: { toStderr("[\(stage.stage.rawValue)] " + $0) }) }
        }
    }
}
