import Foundation

/// Runs the built `mlopsctl` binary as a user would, capturing exit status, stdout and stderr
/// (the ArgumentParser `AssertExecuteCommand` approach: the executable sits next to the test bundle).
public struct CommandRunner: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var combined: String { stdout + stderr }
    }

    public let executable: URL

    public init(executable: URL = CommandRunner.defaultExecutable) {
        self.executable = executable
    }

    /// `<products directory>/mlopsctl`, the folder holding the test bundle on Linux.
    public static var defaultExecutable: URL {
        let products = Bundle.main.bundleURL
        #if os(macOS)
        return products.deletingLastPathComponent().appendingPathComponent("mlopsctl")
        #else
        return products.appendingPathComponent("mlopsctl")
        #endif
    }

    /// Runs with exactly `environment` (plus PATH and HOME from the test process unless given), no stdin,
    /// and kills the process after `timeout` seconds.
    /// - Parameter through: run `arguments` through another program (e.g. a pseudo-terminal wrapper), which gets
    ///   the arguments after its own; the binary's path must then be the first argument.
    public func run(
        _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, timeout: Double = 120,
        through wrapper: [String]? = nil
    ) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        if let wrapper {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = wrapper + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var env = environment
        let inherited = ProcessInfo.processInfo.environment
        for key in ["PATH", "HOME", "TMPDIR"] where env[key] == nil { env[key] = inherited[key] }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        // Files rather than pipes: a chatty child can never block on a full pipe while we wait.
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
