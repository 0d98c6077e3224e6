import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A private LocalStack (localstack-core, host mode, no Docker) with four accounts, for integration tests. It is
/// stricter than moto: stacks are created asynchronously (`CREATE_IN_PROGRESS`, then complete), failures end in
/// `*_FAILED`, change sets say whether a resource is replaced, and an empty change set ends FAILED as on AWS.
///
/// `start` runs `python -m localstack.runtime.main` from the venv `scripts/ensure-localstack` makes (`.tools/localstack`,
/// or `MLOPSCTL_LOCALSTACK_PYTHON`) on a free loopback port, with everything that would reach the internet switched off,
/// and writes `config` + `credentials` with one profile per stage (`ls-governance`, …). LocalStack takes the account
/// from the access key id when it is 12 digits, so each profile's key is its account id. Stop it with `stop()`.
public final class LocalStack: @unchecked Sendable {
    /// Which CloudFormation implementation the server runs.
    public enum Engine: String, Sendable {
        /// The default (v2) engine. Its change sets report `Replacement`; its DeleteStack fails (HTTP 500) for a stack
        /// with a non-empty CommaDelimitedList parameter inside `Fn::Join`, as the CDK bootstrap template has.
        case standard
        /// `PROVIDER_OVERRIDE_CLOUDFORMATION=engine-legacy`: deletes such stacks; its change sets answer
        /// `Replacement: False` even for a renamed bucket.
        case legacy
    }

    public let endpoint: URL
    public let engine: Engine
    public let directory: URL
    public let configFile: URL
    public let credentialsFile: URL
    /// The four accounts in stage order, each with its `ls-<stage>` profile.
    public let accounts: [EmulatorAccount]
    /// Seconds from launching the process to the first healthy answer.
    public let startUpSeconds: Double

    private let server: Process
    private let lock = NSLock()
    private var stopped = false
    private var holdsPermit = false

    /// `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` for the four profiles. Paths only, no secrets.
    public var environment: [String: String] {
        ["AWS_CONFIG_FILE": configFile.path, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path]
    }

    public func account(_ stage: String) -> EmulatorAccount? {
        accounts.first { $0.stage == stage }
    }

    private init(endpoint: URL, engine: Engine, directory: URL, server: Process, startUpSeconds: Double) {
        self.endpoint = endpoint
        self.engine = engine
        self.directory = directory
        self.configFile = directory.appendingPathComponent("config")
        self.credentialsFile = directory.appendingPathComponent("credentials")
        self.accounts = EmulatorAccount.defaults.map { EmulatorAccount(stage: $0.stage, profile: "ls-\($0.stage)", accountID: $0.accountID) }
        self.server = server
        self.startUpSeconds = startUpSeconds
    }

    deinit {
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
    }

    /// Starts a server and writes the profiles.
    /// - Throws: `EmulatorError.skip` when LocalStack is not installed on a developer machine, `.missingUnderCI` when
    ///   it is missing under `CI=true`, `.failed` when the server does not come up.
    public static func start(engine: Engine = .standard, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws -> LocalStack
    {
        let python = try interpreter(environment: environment)
        await EmulatorGate.shared.acquire()
        do {
            let server = try await launch(python, engine: engine, environment: environment)
            server.lock.withLock { server.holdsPermit = true }
            return server
        } catch {
            await EmulatorGate.shared.release()
            throw error
        }
    }

    /// Terminates the server by its process id, waits for it, and deletes its directory.
    public func stop() async {
        let alreadyStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        await ChildProcess.stop(server, grace: 20)
        try? FileManager.default.removeItem(at: directory)
        let permit = lock.withLock { () -> Bool in
            defer { holdsPermit = false }
            return holdsPermit
        }
        if permit { await EmulatorGate.shared.release() }
    }

    /// The last lines of the server's log, for failure messages.
    public func logTail(lines: Int = 20) -> String {
        ChildProcess.tail(directory.appendingPathComponent("localstack.log"), lines: lines)
    }
}

extension LocalStack {
    /// `MLOPSCTL_LOCALSTACK_PYTHON`, else the venv of `scripts/ensure-localstack` in the checkout.
    static func interpreter(environment: [String: String]) throws -> URL {
        let configured = environment["MLOPSCTL_LOCALSTACK_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        let python = URL(fileURLWithPath: configured ?? ConformanceData.packageRoot.appendingPathComponent(".tools/localstack/bin/python").path)
        if FileManager.default.isExecutableFile(atPath: python.path) { return python }
        let install = "scripts/ensure-localstack (scripts/test runs it)"
        if ["true", "1"].contains(environment["CI"]?.lowercased()) {
            throw EmulatorError.missingUnderCI("LocalStack: \(python.path) is missing and CI=true requires it; install it with \(install)")
        }
        throw EmulatorError.skip(notice: "NOTICE: skipping LocalStack tests: \(python.path) is missing (install with: \(install))")
    }

    private static func launch(_ python: URL, engine: Engine, environment: [String: String]) async throws -> LocalStack {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-localstack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var lastError: (any Error)?
        // A port can be taken between picking and binding it; a server that exits early gets a new port.
        for _ in 1...3 {
            let port = try LoopbackPort.free()
            var serverEnvironment = environment.filter { !$0.key.hasPrefix("AWS_") }
            serverEnvironment.merge(settings(port: port, engine: engine, directory: directory)) { $1 }
            // As for moto: python clears the signal mask Swift's threads pass on, so SIGTERM reaches LocalStack.
            let unblockAndExec = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])"
            let started = ContinuousClock.now
            let server = try ChildProcess.launch(
                python, ["-c", unblockAndExec, python.path, "-m", "localstack.runtime.main"], environment: serverEnvironment,
                log: directory.appendingPathComponent("localstack.log"))
            let endpoint = URL(string: "http://127.0.0.1:\(port)")!
            do {
                try await waitUntilHealthy(server, endpoint: endpoint, directory: directory, timeout: 120)
            } catch {
                lastError = error
                await ChildProcess.stop(server)
                continue
            }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let localStack = LocalStack(endpoint: endpoint, engine: engine, directory: directory, server: server, startUpSeconds: seconds)
            do {
                try localStack.writeProfiles()
            } catch {
                await localStack.stop()
                throw error
            }
            return localStack
        }
        try? FileManager.default.removeItem(at: directory)
        throw lastError ?? EmulatorError.failed("LocalStack did not start")
    }

    /// LocalStack's settings: loopback only, files in `directory`, nothing that phones home (usage events, the DNS
    /// server's upstream probe, certificate and API downloads go to a closed local port).
    static func settings(port: UInt16, engine: Engine, directory: URL) -> [String: String] {
        var settings = [
            "GATEWAY_LISTEN": "127.0.0.1:\(port)",
            "LOCALSTACK_HOST": "127.0.0.1:\(port)",
            "FILESYSTEM_ROOT": directory.appendingPathComponent("filesystem").path,
            "LOCALSTACK_VOLUME_DIR": directory.appendingPathComponent("volume").path,
            "DISABLE_EVENTS": "1",
            "SKIP_SSL_CERT_DOWNLOAD": "1",
            "DNS_ADDRESS": "0",
            "API_ENDPOINT": "http://127.0.0.1:9",
            "ANALYTICS_API": "http://127.0.0.1:9",
            "PERSISTENCE": "0",
        ]
        if engine == .legacy { settings["PROVIDER_OVERRIDE_CLOUDFORMATION"] = "engine-legacy" }
        return settings
    }

    private static func waitUntilHealthy(_ server: Process, endpoint: URL, directory: URL, timeout: Double) async throws {
        let probe = endpoint.appendingPathComponent("_localstack/health")
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            guard server.isRunning else {
                let log = ChildProcess.tail(directory.appendingPathComponent("localstack.log"))
                throw EmulatorError.failed("LocalStack exited during start; log:\n\(log)")
            }
            var request = URLRequest(url: probe)
            request.timeoutInterval = 2
            if let (data, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 200,
                String(decoding: data, as: UTF8.self).contains("\"cloudformation\"")
            {
                return
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        throw EmulatorError.failed("LocalStack did not answer at \(endpoint) within \(Int(timeout)) s; see \(directory.path)/localstack.log")
    }

    /// One profile per stage; the access key id is the account id (LocalStack's rule), the secret anything.
    private func writeProfiles() throws {
        var config = ""
        var credentials = ""
        for account in accounts {
            config += "[profile \(account.profile)]\nregion = us-east-1\nendpoint_url = \(endpoint.absoluteString)\n\n"
            credentials += "[\(account.profile)]\naws_access_key_id = \(account.accountID)\naws_secret_access_key = localstack-test\n\n"
        }
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        try credentials.write(to: credentialsFile, atomically: true, encoding: .utf8)
    }
}
