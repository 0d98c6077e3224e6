import Foundation

/// What a reliability suite (faults, kills, hostile input, fuzzing, scanners) writes for docs/reliability.md: one JSON
/// object per suite in `$MLOPSCTL_RELIABILITY_FIGURES/<suite>.json` (default `.build/reliability/`), which
/// `scripts/reliability-report` renders into the document and `--check`s against it. `fixed` holds what the same code
/// and seeds always give (case counts, kill points, faults by kind); `run` what varies (re-runs needed, seconds).
public enum ReliabilityFigures {
    public static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["MLOPSCTL_RELIABILITY_FIGURES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return ConformanceData.packageRoot.appendingPathComponent(".build/reliability", isDirectory: true)
    }

    /// Writes `<suite>.json` (sorted keys, so a re-run with the same figures writes the same bytes) and prints one
    /// `reliability: <suite> …` line, so the log shows what the document will say.
    public static func write(suite: String, fixed: [String: Any], run: [String: Any] = [:]) throws {
        let object: [String: Any] = ["fixed": fixed, "run": run]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: directory.appendingPathComponent("\(suite).json"), options: .atomic)
        let compact = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print("reliability: \(suite) \(String(decoding: compact, as: UTF8.self))")
    }
}
