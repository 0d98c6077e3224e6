import Crypto
import Foundation
import Testing
import TestSupport

/// Runs one hostile case through the built binary and checks a clean refusal: a non-zero exit (not a signal) within
/// a few seconds, a first stderr line that names the input and the problem, no crash report or secret anywhere, only
/// read-only AWS calls in the request journal, and the ledger as it was (or still absent).
enum HostileInputRunner {
    /// "Within seconds": a refusal takes well under one second alone; the margin is for the rest of the suite
    /// running beside it on two cores. A hang or a blow-up (an alias bomb expanded) goes far past it.
    static let secondsAllowed = 20.0
    /// Exit statuses of a refusal: failure, unhealthy/bad profile, account mismatch, usage. A crash shows up as a signal number instead.
    static let refusalStatuses: Set<Int32> = [1, 2, 5, 64]
    static let crashMarkers = ["Fatal error", "Stack dump", "Current stack trace", "Backtrace", "💣", "Program crashed", "CANARY-SECRET"]
    /// Operation prefixes that read without changing anything (AssumeRole and SSO's GetRoleCredentials hand out
    /// credentials, change nothing).
    static let readPrefixes = ["Get", "Describe", "List", "Head", "Search", "Lookup", "AssumeRole", "Validate"]

    /// One run of the binary before the timed ones, so the first case does not pay for loading it from disk.
    static let warmUp = Task { _ = try? await CommandRunner().run(["--version"]) }

    static func run(_ testCase: HostileInputCase, emulator: Emulator? = nil) async throws {
        await warmUp.value
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        var server: LoopbackHTTPServer?
        defer { server?.stop() }
        let endpoint: String
        let baseConfig: String
        let baseCredentials: String
        var baseTopology = HostileInputCase.validTopology
        switch testCase.backend {
        case .closedPort:
            endpoint = HostileInputCase.closedEndpoint
            baseConfig = ""
            baseCredentials = ""
        case .server(let respond):
            let started = try LoopbackHTTPServer(respond: respond)
            server = started
            endpoint = started.endpoint
            baseConfig = ""
            baseCredentials = ""
        case .emulator:
            let emulator = try #require(emulator, "an emulator case needs the emulator")
            endpoint = emulator.endpoint.absoluteString
            baseConfig = try String(contentsOf: emulator.configFile, encoding: .utf8) + "\n"
            baseCredentials = try String(contentsOf: emulator.credentialsFile, encoding: .utf8) + "\n"
            baseTopology = HostileInputCase.emulatorTopology(emulator)
        }
        func expand(_ text: String) -> String {
            text.replacingOccurrences(of: "{DIR}", with: dir.path).replacingOccurrences(of: "{ENDPOINT}", with: endpoint)
        }
        for (from, to) in testCase.edits {
            #expect(baseTopology.contains(from), "the edit '\(from)' does not apply to the topology")
            baseTopology = baseTopology.replacingOccurrences(of: from, with: to)
        }
        let topology = dir.appendingPathComponent("mlopsctl.yaml")
        let config = dir.appendingPathComponent("config")
        let credentials = dir.appendingPathComponent("credentials")
        let isEmulator: Bool = { if case .emulator = testCase.backend { return true } else { return false } }()
        try write(testCase.topology ?? .text(baseTopology), to: topology, expand: expand)
        try write(
            testCase.config.map { isEmulator ? appended(baseConfig, $0) : $0 } ?? .text(isEmulator ? baseConfig : HostileInputCase.validConfig),
            to: config, expand: expand)
        try write(
            testCase.credentials.map { isEmulator ? appended(baseCredentials, $0) : $0 }
                ?? .text(isEmulator ? baseCredentials : HostileInputCase.validCredentials),
            to: credentials, expand: expand)
        for (name, script) in testCase.scripts {
            let file = dir.appendingPathComponent(name)
            try expand(script).write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: file.path)
        }
        let ledger = dir.appendingPathComponent("state/ledger.sqlite")
        try FileManager.default.createDirectory(at: ledger.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write(testCase.ledger, to: ledger, expand: expand)
        let ledgerBefore = digest(ledger)
        let journal = dir.appendingPathComponent("requests.jsonl")

        var environment: [String: String] = [
            "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path, "MLOPSCTL_TOPOLOGY": topology.path,
            "MLOPSCTL_LEDGER": ledger.path, "MLOPSCTL_RECORD_REQUESTS": journal.path, "AWS_MAX_ATTEMPTS": "1", "HOME": dir.path,
        ]
        for (key, value) in testCase.environment { environment[key] = value == HostileInputCase.unset ? nil : expand(value) }
        let started = ContinuousClock.now
        let result = try await CommandRunner().run(
            testCase.arguments.map(expand), environment: environment, currentDirectory: dir, timeout: secondsAllowed * 3)
        let elapsed = ContinuousClock.now - started

        let context = "\(testCase.testDescription)\n--- status \(result.status), \(elapsed)\n--- stderr\n\(result.stderr.prefix(2000))\n--- stdout\n\(result.stdout.prefix(1000))"
        #expect(result.status != 0, "succeeded: \(context)")
        #expect(refusalStatuses.contains(result.status), "exit status is not a refusal: \(context)")
        #expect(elapsed < .seconds(secondsAllowed), "took \(elapsed): \(context)")
        let lines = result.stderr.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
        let firstLine = lines.first ?? ""
        // Several independent problems are listed under a header naming the input and the count ("invalid topology
        // file X (5 problems):"); the first listed problem then belongs to the first line's message.
        let message = firstLine.hasSuffix(":") && lines.count > 1 ? firstLine + " " + lines[1] : firstLine
        print("hostile: \(testCase.testDescription) → exit \(result.status) in \(elapsed): \(message.prefix(240))")
        for text in testCase.expected {
            #expect(message.contains(text), "first stderr line lacks '\(text)': \(context)")
        }
        #expect(firstLine.count <= 400, "first line is \(firstLine.count) characters: \(context)")
        for marker in crashMarkers {
            #expect(!result.combined.contains(marker), "\(marker) in the output: \(context)")
        }
        for operation in try journalOperations(journal) {
            #expect(readPrefixes.contains { operation.hasPrefix($0) }, "mutating call \(operation): \(context)")
        }
        if let server {
            for request in server.requests {
                #expect(readPrefixes.contains { request.operation.hasPrefix($0) }, "mutating call \(request.operation): \(context)")
            }
        }
        #expect(digest(ledger) == ledgerBefore, "the ledger changed (or appeared): \(context)")
    }

    private static func appended(_ base: String, _ file: HostileInputCase.File) -> HostileInputCase.File {
        if case .text(let extra) = file { return .text(base + extra) }
        return file
    }

    private static func write(_ file: HostileInputCase.File, to url: URL, expand: (String) -> String) throws {
        switch file {
        case .text(let text): try Data(expand(text).utf8).write(to: url)
        case .bytes(let make): try make().write(to: url)
        case .directory: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        case .missing: break
        }
    }

    /// SHA-256 of the file, "directory", or "absent".
    static func digest(_ url: URL) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return "absent" }
        if isDirectory.boolValue { return "directory" }
        guard let data = try? Data(contentsOf: url) else { return "unreadable" }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The operations `--record-requests` wrote (none when the file was never created).
    static func journalOperations(_ url: URL) throws -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["operation"] as? String ?? "?"
        }
    }
}
