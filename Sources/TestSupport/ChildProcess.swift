import Foundation

/// Small helpers for the child processes the emulator harness runs.
public enum ChildProcess {
    /// The first executable named `name` on `PATH`, like the shell's `command -v`.
    public static func find(_ name: String, environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs a process to completion with its output in `log`, terminating it after `timeout` seconds.
    /// - Returns: the exit status, or nil when it had to be killed.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    log: URL, timeout: Double) async throws -> Int32? {
        let process = try launch(executable, arguments, environment: environment, log: log)
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            await stop(process)
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts `executable` with stdin from /dev/null and stdout+stderr appended to `log`.
    static func launch(_ executable: URL, _ arguments: [String], environment: [String: String], log: URL) throws -> Process {
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()
        return process
    }

    /// SIGTERM by process id, up to `grace` seconds to exit, then SIGKILL; returns once it is reaped.
    static func stop(_ process: Process, grace: Double = 10) async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(grace)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The last lines of a log, for error messages (the logs hold no secrets: the setup never prints keys).
    static func tail(_ log: URL, lines: Int = 8) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
