import Foundation
import Testing
import TestSupport

/// Checks a command's stdout against its committed schema (docs/output/<schema>.schema.json) with scripts/check-output.
enum OutputSchema {
    static func check(
        _ schema: String, mode: String = "json", stdout: String, what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema)-\(UUID().uuidString).\(mode)")
        try stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        if let samples = ProcessInfo.processInfo.environment["MLOPSCTL_OUTPUT_SAMPLES"] {
            try? FileManager.default.copyItem(at: file, to: URL(fileURLWithPath: samples).appendingPathComponent(file.lastPathComponent))
        }
        let checked = try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(
            ["python3", ConformanceData.packageRoot.appendingPathComponent("scripts/check-output").path, mode, schema, file.path],
            environment: ProjectTools.environment())
        #expect(checked.status == 0, "\(what) --output \(mode) breaks \(schema).schema.json: \(checked.combined)", sourceLocation: sourceLocation)
        #expect(!stdout.contains("\u{1B}"), "escape codes in \(what) --output \(mode)", sourceLocation: sourceLocation)
    }
}
