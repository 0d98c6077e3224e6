import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A private moto_server with four emulated accounts, for integration tests.
///
/// `start` launches moto's server through `scripts/moto_server_aws.py` (moto with AWS-faithful StackSets; the patches
/// are listed there) on a free loopback port (never with `MOTO_ACCOUNT_ID`), waits for it, and runs
/// `scripts/local_aws_setup.py` into a fresh temporary directory, which writes `config` + `credentials` with one
/// profile per stage and verifies each with STS. Tests point an SDK at `environment`.
/// `start(organizationMembers:)` also sets up an organization (see `organization`, `Emulator+Organization.swift`).
/// Call `stop()` when done; `deinit` kills a forgotten server so a test run leaves no process behind.
///
/// ```swift
/// guard let emulator = try await Emulator.startOrSkip() else { return }
/// defer { Task { await emulator.stop() } }   // or `await emulator.stop()` at the end
/// ```
public final class Emulator: @unchecked Sendable {
    /// The moto version the scripts pin; only used in messages.
    public static let motoVersion = "5.2.1"

    /// `http://127.0.0.1:PORT`.
    public let endpoint: URL
    /// Whether the server verifies SigV4 signatures and IAM policies.
    public let auth: Bool
    /// The temporary directory holding `config`, `credentials` and the logs.
    public let directory: URL
    public let configFile: URL
    public let credentialsFile: URL
    /// The four accounts in stage order: governance, dev, preprod, prod.
    public let accounts: [EmulatorAccount]

    /// The python3 and environment the set-up ran with (the organization helpers run the scripts again).
    let python: URL
    let toolEnvironment: [String: String]

    private let server: Process
    private let lock = NSLock()
    private var stopped = false
    private var organizationState: EmulatorOrganization?
    /// Whether this emulator holds one of `EmulatorGate`'s permits (returned by `stop()`).
    private var holdsPermit = false

    /// The profile names in stage order (`local-governance`, …).
    public var profiles: [String] { accounts.map(\.profile) }

    /// Variables that point an AWS SDK (or mlopsctl) at the emulator's files. Holds paths only, no secrets.
    public var environment: [String: String] {
        ["AWS_CONFIG_FILE": configFile.path, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path]
    }

    /// The account for `stage` (`"dev"`, …).
    public func account(_ stage: String) -> EmulatorAccount? {
        accounts.first { $0.stage == stage }
    }

    /// The organization, when started with `organizationMembers`; it follows `addOrganizationAccount`.
    public var organization: EmulatorOrganization? {
        lock.withLock { organizationState }
    }

    /// `organization.json` in `directory` (what `organization` is read from).
    public var organizationFile: URL { directory.appendingPathComponent("organization.json") }

    func reloadOrganization() throws {
        let organization = try EmulatorOrganization.load(from: organizationFile)
        lock.withLock { organizationState = organization }
    }

    private init(endpoint: URL, auth: Bool, directory: URL, server: Process, python: URL, environment: [String: String]) {
        self.endpoint = endpoint
        self.auth = auth
        self.directory = directory
        self.configFile = directory.appendingPathComponent("config")
        self.credentialsFile = directory.appendingPathComponent("credentials")
        self.accounts = EmulatorAccount.defaults
        self.server = server
        self.python = python
        self.toolEnvironment = environment
    }

    deinit {
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
    }

    /// Starts a server and sets up the accounts.
    /// - Parameters:
    ///   - auth: start with `INITIAL_NO_AUTH_ACTION_COUNT=0` so every request's signature is verified.
    ///   - environment: the process environment (for `PATH` and `CI`; by default with the project's tool folders first on
    ///     PATH, see `ProjectTools`); injected for tests.
    /// - Throws: `EmulatorError.skip` when moto_server or python3 is missing on a developer machine,
    ///   `.missingUnderCI` when missing under `CI=true`, `.failed` when the server or the set-up fails.
    public static func start(auth: Bool = false,
                             environment: [String: String] = ProjectTools.environment()) async throws -> Emulator {
        try await start(auth: auth, organization: nil, environment: environment)
    }

    /// What `local_aws_setup.py --organization MEMBERS --organization-ous UNITS` sets up.
    struct OrganizationRequest {
        var members: Int
        var units: Int
    }

    static func start(auth: Bool, organization: OrganizationRequest?,
                      environment: [String: String]) async throws -> Emulator {
        let motoServer = try tool("moto_server", environment: environment)
        let python = try tool("python3", environment: environment)
        // At most a few servers at once (EmulatorGate); the permit goes back when the emulator stops or fails to start.
        await EmulatorGate.shared.acquire()
        do {
            let emulator = try await launchAndSetUp(motoServer: motoServer, python: python, auth: auth,
                                                    organization: organization, environment: environment)
            emulator.lock.withLock { emulator.holdsPermit = true }
            return emulator
        } catch {
            await EmulatorGate.shared.release()
            throw error
        }
    }

    private static func launchAndSetUp(motoServer: URL, python: URL, auth: Bool, organization: OrganizationRequest?,
                                       environment: [String: String]) async throws -> Emulator {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        // A port can be taken between picking and binding it; a server that exits early gets a new port.
        var lastError: (any Error)?
        for _ in 1...3 {
            let emulator = try launch(motoServer, python: python, auth: auth, directory: directory, environment: environment)
            do {
                // Generous: on a loaded 2-core machine a Python server can take a while to import.
                try await emulator.waitUntilReady(timeout: 90)
            } catch {
                lastError = error
                await emulator.stop(removingDirectory: false)
                continue
            }
            do {
                try await emulator.setUpAccounts(organization: organization)
                return emulator
            } catch {
                await emulator.stop()
                throw error
            }
        }
        try? FileManager.default.removeItem(at: directory)
        throw lastError ?? EmulatorError.failed("emulator: moto_server did not start")
    }

    /// Like `start`, but turns `.skip` into nil after printing its notice to stderr.
    public static func startOrSkip(auth: Bool = false,
                                   environment: [String: String] = ProjectTools.environment()) async throws -> Emulator? {
        do {
            return try await start(auth: auth, environment: environment)
        } catch EmulatorError.skip(let notice) {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
            return nil
        }
    }

    /// Terminates the server by its process id, waits for it to exit, and deletes the temporary directory.
    public func stop() async {
        await stop(removingDirectory: true)
    }

    private func stop(removingDirectory: Bool) async {
        let alreadyStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        await ChildProcess.stop(server)
        if removingDirectory { try? FileManager.default.removeItem(at: directory) }
        let permit = lock.withLock { () -> Bool in
            defer { holdsPermit = false }
            return holdsPermit
        }
        if permit { await EmulatorGate.shared.release() }
    }
}

extension Emulator {
    private static func tool(_ name: String, environment: [String: String]) throws -> URL {
        if let url = ChildProcess.find(name, environment: environment) { return url }
        let install = "scripts/ensure-tools main (moto[server]==\(motoVersion) into .tools/venv)"
        if ["true", "1"].contains(environment["CI"]?.lowercased()) {
            throw EmulatorError.missingUnderCI("emulator: \(name) is not on PATH and CI=true requires it; install it with: \(install)")
        }
        throw EmulatorError.skip(notice: "NOTICE: skipping emulator tests: \(name) is not on PATH (install with: \(install))")
    }

    private static func launch(_ motoServer: URL, python: URL, auth: Bool, directory: URL,
                               environment: [String: String]) throws -> Emulator {
        let port = try LoopbackPort.free()
        var serverEnvironment = environment
        // MOTO_ACCOUNT_ID would pin every request to one account, whatever the access key says.
        serverEnvironment["MOTO_ACCOUNT_ID"] = nil
        // Where moto's request recorder writes (`startRecording()`), in the emulator's folder rather than its working directory.
        serverEnvironment["MOTO_RECORDER_FILEPATH"] = directory.appendingPathComponent("moto-recording.jsonl").path
        // Auth mode starts closed; the set-up script opens a window for its own calls via /moto-api/reset-auth.
        serverEnvironment["INITIAL_NO_AUTH_ACTION_COUNT"] = auth ? "0" : nil
        // moto_server_aws.py patches moto's StackSets (and, as Foundation's Process passes on the spawning thread's
        // signal mask and Swift's worker threads block SIGTERM, clears the mask first: moto would ignore stop()).
        // `motoServer` only proves moto is installed; the launcher runs moto's server main in this python3.
        _ = motoServer
        let launcher = ConformanceData.packageRoot.appendingPathComponent("scripts/moto_server_aws.py")
        let server = try ChildProcess.launch(python, [launcher.path, "-H", "127.0.0.1", "-p", String(port)],
                                             environment: serverEnvironment, log: directory.appendingPathComponent("moto.log"))
        return Emulator(endpoint: URL(string: "http://127.0.0.1:\(port)")!, auth: auth, directory: directory, server: server,
                        python: python, environment: environment)
    }

    /// Polls `/moto-api/data.json` until it answers 200, the server exits, or `timeout` seconds pass.
    private func waitUntilReady(timeout: Double) async throws {
        let probe = endpoint.appendingPathComponent("moto-api/data.json")
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            guard server.isRunning else {
                throw EmulatorError.failed("emulator: moto_server exited during start; log:\n\(ChildProcess.tail(logFile))")
            }
            var request = URLRequest(url: probe)
            request.timeoutInterval = 2
            if let (_, response) = try? await URLSession.shared.data(for: request),
               (response as? HTTPURLResponse)?.statusCode == 200, server.isRunning {
                return
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        throw EmulatorError.failed("emulator: moto_server did not answer at \(endpoint) within \(Int(timeout)) s; see \(logFile.path)")
    }

    private func setUpAccounts(organization: OrganizationRequest?) async throws {
        // Explicit ids, so LOCAL_AWS_*_ACCOUNT in a developer's shell cannot make `accounts` lie.
        var arguments = accounts.flatMap { ["--account", "\($0.stage)=\($0.accountID)"] }
        if let organization {
            arguments += ["--account", "management=\(EmulatorAccount.managementAccountID)",
                          "--organization", String(organization.members), "--organization-ous", String(organization.units)]
        }
        // Generous for a loaded machine: a member is three calls.
        try await runSetUp(arguments, timeout: 60 + Double(organization?.members ?? 0))
        if organization != nil { try reloadOrganization() }
    }

    /// Runs `scripts/local_aws_setup.py` for this emulator's endpoint and directory with `arguments`.
    func runSetUp(_ arguments: [String], timeout: Double) async throws {
        let script = ConformanceData.packageRoot.appendingPathComponent("scripts/local_aws_setup.py")
        var all = [script.path, "--endpoint", endpoint.absoluteString, "--out", directory.path] + arguments
        if auth { all.append("--auth") }
        let setupLog = directory.appendingPathComponent("setup.log")
        let status = try await ChildProcess.run(python, all, environment: toolEnvironment, log: setupLog, timeout: timeout)
        guard status == 0 else {
            let how = status.map { "exited with \($0)" } ?? "timed out after \(Int(timeout)) s"
            throw EmulatorError.failed("emulator: account set-up \(how); log:\n\(ChildProcess.tail(setupLog))")
        }
    }

    private var logFile: URL { directory.appendingPathComponent("moto.log") }
}
