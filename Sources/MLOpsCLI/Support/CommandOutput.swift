import AWSServices
import Deployer
import Foundation
import Topology

/// The output contract of every command (docs/output.md):
/// - `table`: human text on stdout, narration (progress, plans before a prompt) on stderr;
/// - `json`: exactly one JSON document on stdout, the command's result; narration on stderr;
/// - `jsonl`: one JSON object per line on stdout, each with a `type`, the last of type `result` (also on failure).
/// `--quiet` silences the narration; errors always reach stderr.
struct CommandOutput: Sendable {
    let format: OutputFormat
    let quiet: Bool
    /// The command path as typed, e.g. `bootstrap` or `ledger runs`: named by the `result` line of `jsonl`.
    let command: String

    /// Narration a person watches: a progress line, a plan shown before a prompt. Never stdout in `json`.
    func note(_ text: String) {
        switch format {
        case .jsonl: JSONLine.emit(Message(text: text))
        case .json, .table: if !quiet { Console.printError(text) }
        }
    }

    /// A JSON event of `jsonl` (an object whose `type` the caller sets); ignored by the other formats, whose
    /// narration is text.
    func event(_ value: some Encodable) {
        if format == .jsonl { JSONLine.emit(value) }
    }

    /// The command's result: the text in `table`, the document in `json`, the `result` line in `jsonl`.
    func result(_ value: some Encodable, text: @autoclosure () -> String) throws {
        switch format {
        case .table: Console.print(text())
        case .json: try Console.printJSON(value)
        case .jsonl: try JSONLine.setResult(value)
        }
    }

    /// How stack progress is shown for one stage: `jsonl` events naming the stage (and account and region), a live
    /// line on a terminal when one stage runs, plain `[stage]` lines on stderr otherwise, nothing under `--quiet`.
    func progressSink(stageCount: Int) -> @Sendable (StageConfig) -> any StackProgressSink {
        let toStderr: ProgressWriter = { FileHandle.standardError.write(Data($0.utf8)) }
        switch format {
        case .jsonl:
            return { stage in
                JSONLinesProgressSink(
                    context: ["stage": stage.stage.rawValue, "account": stage.account, "region": stage.region],
                    write: { JSONLine.write($0) })
            }
        case _ where quiet:
            return { _ in SilentProgressSink() }
        case _ where stageCount == 1 && Terminal.showsLiveOutput:
            return { _ in TTYProgressSink(write: toStderr) }
        default:
            return { stage in PlainProgressSink(write: { toStderr("[\(stage.stage.rawValue)] " + $0) }) }
        }
    }

    /// A progress callback for workflows that narrate in lines (teardown, organization runs).
    var progressLine: @Sendable (String) -> Void {
        let output = self
        return { output.note($0) }
    }
}

/// A line of narration in `jsonl`.
private struct Message: Encodable {
    let type = "message"
    let text: String
}

/// A sink that shows nothing (`--quiet`).
struct SilentProgressSink: StackProgressSink {
    func phaseChanged(_ phase: StackPhase, progress: StackProgress) {}
    func received(_ event: StackEvent, progress: StackProgress) {}
}
