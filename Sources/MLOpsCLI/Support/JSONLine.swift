import Foundation
import Synchronization

/// The `--output jsonl` stream: one compact JSON object per line on stdout, written whole so concurrent stages never
/// interleave inside a line. The last line of a run is always `{"type":"result",…}`, written by
/// `MLOpsCommand.entryPoint` once the exit status is known (so a failed run ends with one too).
enum JSONLine {
    /// The run's command once `jsonl` was chosen, and the encoded result once the command has one.
    private struct Run {
        var command: String
        var result: String?
    }

    private static let run = Mutex<Run?>(nil)
    private static let lock = Mutex(())

    /// Called once the command and its output format are known.
    static func begin(command: String) {
        run.withLock { $0 = Run(command: command) }
    }

    static var hasBegun: Bool { run.withLock { $0 != nil } }

    static func write(_ line: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    static func emit(_ value: some Encodable) {
        guard let data = try? encoder.encode(value) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// Keeps the result for the closing line, written by `finish` once the exit status is known.
    static func setResult(_ value: some Encodable) throws {
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        run.withLock { $0?.result = encoded }
    }

    /// The closing line, `{"command":…,"error":null,"exitCode":0,"result":{…},"type":"result"}` (keys sorted as in
    /// every other line); nothing when the run did not choose `jsonl`.
    static func finish(exitCode: Int32, error: String?) {
        guard let current = run.withLock({ run in defer { run = nil }; return run }) else { return }
        func quoted(_ text: String) -> String { (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\"" }
        write(
            "{\"command\":\(quoted(current.command)),\"error\":\(error.map(quoted) ?? "null"),\"exitCode\":\(exitCode),"
                + "\"result\":\(current.result ?? "null"),\"type\":\"result\"}\n")
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
