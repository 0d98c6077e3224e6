import Foundation

/// Runs a helper program (python3 with boto3, jsonschema, unzip) to completion and captures what it printed,
/// waiting with awaited sleeps: a test blocked in `readDataToEndOfFile`/`waitUntilExit` holds one of the few
/// cooperative threads (two on a 2-core machine), and two such waits at once stall every other test in the process,
/// which then miss their time bounds.
public struct CapturedProcess: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Output goes through files, never pipes: a chatty child can never block on a full pipe while we poll.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        timeout: Double = 300
    ) async throws -> CapturedProcess {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try? out.close()
        try? err.close()
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()  // returns at once: the child has exited
        return CapturedProcess(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// `python3 -c script arguments…` through `/usr/bin/env`, so the project's virtual environment on PATH is used.
    public static func python(_ script: String, _ arguments: [String], environment: [String: String]) async throws -> CapturedProcess {
        try await run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, environment: environment)
    }
}
