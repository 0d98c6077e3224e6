import AWSServices
import Foundation
import GRDB
import Ledger
import Testing
import TestSupport
import Topology

/// The mlopsctl binary with every profile's `endpoint_url` pointing at a `FaultProxy` in front of the emulator, as
/// a user's profile would point at a corporate proxy: a topology and a ledger of its own (a `BootstrapFixture`, whose
/// sessions go straight to the emulator, for set-up and checks that are not mlopsctl's), and the runs' outputs.
struct ProxiedLifecycle {
    let emulator: Emulator
    let fixture: BootstrapFixture
    let proxy: FaultProxy
    /// The environment the binary runs with (the proxied config file, the fixture's topology and ledger).
    let environment: [String: String]
    /// Appended to every command (e.g. `--cli-read-timeout 3`).
    let globalArguments: [String]

    init(_ emulator: Emulator, schedule: FaultSchedule, qualifier: String = "hnb659fds", extraYAML: String = "",
         globalArguments: [String] = []) throws {
        self.emulator = emulator
        self.globalArguments = globalArguments
        fixture = try BootstrapFixture(
            emulator, extraYAML: "project: { source: s3, via: cloudformation }\n" + extraYAML, qualifier: qualifier)
        proxy = try FaultProxy(upstream: emulator.endpoint, schedule: schedule)
        let config = try String(contentsOf: emulator.configFile, encoding: .utf8)
            .replacingOccurrences(of: "endpoint_url = \(emulator.endpoint.absoluteString)", with: "endpoint_url = \(proxy.endpoint.absoluteString)")
        let proxied = emulator.directory.appendingPathComponent("config-proxied-\(UUID().uuidString.prefix(8))")
        try config.write(to: proxied, atomically: true, encoding: .utf8)
        var environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
        environment["AWS_CONFIG_FILE"] = proxied.path
        self.environment = environment
    }

    var prodAccount: String { fixture.topology[.prod].account }

    /// Runs `mlopsctl arguments` once; the proxy's count starts at this run.
    func run(_ arguments: [String], timeout: Double = 300) async throws -> CommandRunner.Result {
        proxy.mark()
        return try await CommandRunner().run(arguments + globalArguments, environment: environment, timeout: timeout)
    }

    /// Starts `mlopsctl arguments` and SIGKILLs it once its `request`-th AWS request has taken effect upstream (the
    /// proxy runs the kill before the answer goes back). - Returns: whether the kill landed (the process died of it).
    func runKilled(_ arguments: [String], afterRequest request: Int, timeout: Double = 300) async throws -> Bool {
        let process = Process()
        process.executableURL = CommandRunner.defaultExecutable
        process.arguments = arguments + globalArguments
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        proxy.mark()
        let killed = LockedBox(false)
        try process.run()
        let pid = process.processIdentifier
        proxy.arm(afterRequest: request) {
            kill(pid, SIGKILL)
            killed.withLock { $0 = true }
        }
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        proxy.disarm()
        return killed.value && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// `PRAGMA integrity_check` of the ledger file, read on a connection of its own.
    func integrityCheck() throws -> String? {
        let queue = try DatabaseQueue(path: fixture.ledgerPath)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }
}

/// Why one run of a command failed, as the fault and kill tests tell them apart.
enum FailureClass: String, CaseIterable, Sendable {
    /// It stopped with a message naming the retryable condition it met (throttling, a 5xx, a reset, a timeout): what a
    /// user can act on by re-running. Correct behaviour under faults.
    case retryable
    /// An artefact of the emulator, not of mlopsctl: moto ignores ClientRequestToken, so a create whose answer the
    /// proxy lost and that the client retried with the same token fails with AlreadyExists where AWS answers the first
    /// call's result. Still re-run; still must converge.
    case emulatorArtefact
    /// Anything else: a defect of mlopsctl (the test fails on it).
    case productFault

    /// Names of retryable conditions one of which a failure message must contain.
    static let retryableConditions = [
        "SlowDown", "Throttling", "ThrottlingException", "InternalError", "InternalFailure", "HTTP 500", "HTTP 503",
        "connection", "Connection", "timed out", "timeout", "reset",
    ]

    /// The class of a failed run's output; `lostCreate` says whether the proxy lost the answer to a Create* call in it.
    static func of(_ output: String, lostCreate: Bool) -> FailureClass {
        let errors = messageLines(output).filter { $0.contains("Error") || $0.contains("error") || $0.contains("failed") || $0.contains("FAILED") }
        if lostCreate, errors.contains(where: { $0.contains("AlreadyExists") || $0.contains("already exists") }) { return .emulatorArtefact }
        if errors.contains(where: { line in retryableConditions.contains { line.contains($0) } }) { return .retryable }
        return .productFault
    }

    /// The output's lines without the progress display's (`[dev] 0:01 …`, stack events as they happen).
    static func messageLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("[") }
    }

    /// Signs of a crash rather than a clean stop.
    static func crashed(_ result: CommandRunner.Result) -> Bool {
        result.status > 128 || result.combined.contains("Fatal error") || result.combined.contains("Current stack trace")
            || result.combined.contains("Stack dump")
    }
}

extension FaultProxy {
    /// Whether a Create*/Put* request's answer was lost (forwarded, then reset) since record index `from`.
    func lostCreate(since from: Int) -> Bool {
        records.contains { $0.index > from && $0.fault == .forwardThenLose && ($0.operation.hasPrefix("Create") || $0.operation.hasPrefix("Put")) }
    }

    var lastIndex: Int { records.map(\.index).max() ?? 0 }
}
