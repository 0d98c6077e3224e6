import Foundation
import TestSupport

/// Runs an external tool (cfn-lint, bash) to completion with its output captured, killing it after a timeout.
struct ToolProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The first executable named `name` in the project's tool folders (`.tools`), then on `PATH`, like `command -v`.
    static func find(_ name: String) -> URL? { ProjectTools.find(name) }

    /// stdout and stderr together, through a file (a full pipe could block the child).
    static func run(_ executable: URL, _ arguments: [String], currentDirectory: URL? = nil, timeout: Double = 300) async throws -> Result {
        let directory = try TestPaths.temporaryDirectory("tool")
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try? handle.close()
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
