import Foundation
import Ledger
import Testing
import TestSupport

/// A profile whose `credential_process` hangs (an SSO helper waiting for a browser, a wedged password manager), as a
/// user meets it: the built binary, the emulator, a topology whose dev stage uses that profile. Every run must fail
/// within the configured limit, name the profile and the command, leave no helper behind, and change nothing.
@Suite struct CredentialTimeLimitTests {
    /// The limit the tests configure, and the slack allowed on top of it for start-up and the other stages'
    /// identity checks on a loaded 2-core machine (each run takes well under a second beyond the limit otherwise).
    static let limit = 2.0
    static let slack = 6.0

    struct Scenario {
        let environment: [String: String]
        let topologyPath: String
        let ledgerPath: String
        let journalPath: String
        let command: String
        /// Where the helper's grandchild writes its pid, for the "nothing left behind" check.
        let grandchildPidFile: String?
    }

    /// The emulator's config plus `[profile hang-dev]` running `command`; the topology's dev stage uses it.
    static func scenario(_ emulator: Emulator, command: (URL) throws -> (String, String?)) throws -> Scenario {
        let folder = emulator.directory.appendingPathComponent("hang-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (helper, pidFile) = try command(folder)
        let config = folder.appendingPathComponent("config")
        let profile = """

            [profile hang-dev]
            region = us-east-1
            endpoint_url = \(emulator.endpoint.absoluteString)
            credential_process = \(helper)

            """
        try (String(contentsOf: emulator.configFile, encoding: .utf8) + profile).write(to: config, atomically: true, encoding: .utf8)
        var yaml = "version: 1\nregion: us-east-1\nstages:\n"
        for account in emulator.accounts {
            yaml += "  \(account.stage): { account: \"\(account.accountID)\", profile: \(account.stage == "dev" ? "hang-dev" : account.profile) }\n"
        }
        let topology = folder.appendingPathComponent("mlopsctl.yaml")
        try yaml.write(to: topology, atomically: true, encoding: .utf8)
        var environment = emulator.environment
        environment["AWS_CONFIG_FILE"] = config.path
        environment["HOME"] = folder.path
        environment["MLOPSCTL_LEDGER"] = folder.appendingPathComponent("ledger.sqlite").path
        environment["MLOPSCTL_RECORD_REQUESTS"] = folder.appendingPathComponent("requests.jsonl").path
        return Scenario(
            environment: environment, topologyPath: topology.path, ledgerPath: folder.appendingPathComponent("ledger.sqlite").path,
            journalPath: folder.appendingPathComponent("requests.jsonl").path, command: helper, grandchildPidFile: pidFile)
    }

    /// `sh -c 'sleep 600'`: the helper itself hangs.
    static func sleeping(_ folder: URL) -> (String, String?) { ("sh -c 'sleep 600'", nil) }

    /// The helper starts a grandchild that keeps stdout open, then exits: end of file never comes.
    static func leavingAGrandchild(_ folder: URL) throws -> (String, String?) {
        let pidFile = folder.appendingPathComponent("grandchild.pid").path
        let script = folder.appendingPathComponent("helper.sh")
        try "sh -c 'echo $$ > \"$0\"; exec sleep 120' '\(pidFile)' &\nexit 0\n".write(to: script, atomically: true, encoding: .utf8)
        return ("/bin/sh \(script.path) --profile dev", pidFile)
    }

    /// Runs the binary and checks what every hanging case must show; returns the result for verb-specific checks.
    static func runAndCheck(_ scenario: Scenario, _ arguments: [String], extraEnvironment: [String: String] = [:]) async throws
        -> (result: CommandRunner.Result, seconds: Double)
    {
        let ledgerBefore = try await LedgerSnapshot(path: scenario.ledgerPath)
        let started = ContinuousClock.now
        let result = try await CommandRunner().run(
            arguments + ["--topology", scenario.topologyPath], environment: scenario.environment.merging(extraEnvironment) { $1 }, timeout: 60)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(limit + slack), "took \(elapsed) with a \(limit) s limit: \(result.combined)")
        #expect(result.status != 0)
        let expected = "profile 'hang-dev': credential_process \"\(scenario.command)\" did not finish within 2 s (stopped)"
        #expect(result.combined.contains(expected), "\(result.combined)")
        #expect(result.combined.contains("--credential-timeout / MLOPSCTL_CREDENTIAL_TIMEOUT"))
        for trace in ["Fatal error", "Stack dump", "Backtrace", "0x0000"] { #expect(!result.combined.contains(trace)) }
        #expect(try await LedgerSnapshot(path: scenario.ledgerPath) == ledgerBefore, "the ledger changed")
        let records = (try? String(contentsOfFile: scenario.journalPath, encoding: .utf8)) ?? ""
        let operations = records.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["operation"] as? String
        }
        #expect(operations.allSatisfy { $0 == "GetCallerIdentity" }, "an AWS call beyond the identity check: \(operations)")
        if let pidFile = scenario.grandchildPidFile {
            let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!(await ProcessGone.isAlive(pid)), "the helper's grandchild \(pid) is still running")
        }
        return (result, elapsed.seconds)
    }

    @Test func bootstrapStopsAHangingHelperWithinTheLimit() async throws {
        try await withEmulator { emulator in
            var seconds: [Double] = []
            var failedClearly = 0
            for helper in [Self.sleeping, Self.leavingAGrandchild] {
                let scenario = try Self.scenario(emulator, command: helper)
                let (result, elapsed) = try await Self.runAndCheck(scenario, ["bootstrap", "--credential-timeout", "2"])
                seconds.append((elapsed * 100).rounded() / 100)
                #expect(result.status == 1, "\(result.combined)")
                // The first line says it all: which stage, which profile, which command, which limit, the fix.
                let first = try #require(result.stderr.split(separator: "\n").first)
                #expect(first.hasPrefix("Error: dev: cannot confirm the account of profile 'hang-dev': credential_process \""))
                #expect(first.contains("within 2 s"))
                if result.status == 1 && first.contains("'hang-dev'") && first.contains(scenario.command) && elapsed < Self.limit + Self.slack {
                    failedClearly += 1
                }
            }
            try ReliabilityFigures.write(
                suite: "CredentialTimeLimitTests",
                fixed: ["hangingHelpers": ["sleeps", "grandchild keeps stdout open"], "limitSeconds": Self.limit, "stoppedWithinLimit": failedClearly],
                run: ["secondsToFail": seconds])
        }
    }

    @Test func doctorStopsAHangingHelperWithinTheLimitFromTheEnvironment() async throws {
        try await withEmulator { emulator in
            let scenario = try Self.scenario(emulator, command: Self.leavingAGrandchild)
            let (result, _) = try await Self.runAndCheck(scenario, ["doctor"], extraEnvironment: ["MLOPSCTL_CREDENTIAL_TIMEOUT": "2"])
            #expect(result.status == 2, "\(result.combined)")
            let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("dev ") }, "\(result.stdout)")
            #expect(row.contains("hang-dev") && row.contains("did not finish within 2 s"))
            // The other stages were checked all the same.
            #expect(result.stdout.split(separator: "\n").filter { $0.contains(" healthy ") }.count == 3, "\(result.stdout)")
        }
    }

    /// Ctrl-C while the default 60 s limit runs: the wait ends at once, the helper's whole group with it.
    @Test func ctrlCStopsAHangingHelperAtOnce() async throws {
        try await withEmulator { emulator in
            let scenario = try Self.scenario(emulator, command: Self.leavingAGrandchild)
            let stderrFile = emulator.directory.appendingPathComponent("ctrl-c-stderr")
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            let process = Process()
            process.executableURL = CommandRunner.defaultExecutable
            process.arguments = ["bootstrap", "--topology", scenario.topologyPath]
            var environment = scenario.environment
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? ""
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
            // Signal once the helper's grandchild runs (its pid file exists), not on a timer.
            let pidFile = try #require(scenario.grandchildPidFile)
            let deadline = ContinuousClock.now + .seconds(30)
            while !FileManager.default.fileExists(atPath: pidFile), process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(50))  // the pid is written before `exec sleep`; let it settle
            let signalled = ContinuousClock.now
            kill(process.processIdentifier, SIGINT)
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                // A failed run: stop it and the helper it left, so the failure is reported now and not in minutes.
                kill(process.processIdentifier, SIGKILL)
                if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    kill(pid, SIGKILL)
                }
            }
            process.waitUntilExit()
            let elapsed = ContinuousClock.now - signalled
            let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 130, "\(stderr)")
            #expect(elapsed < .seconds(8), "Ctrl-C took \(elapsed) to stop a run waiting on a helper")
            #expect(stderr.split(separator: "\n").last?.hasPrefix("interrupted; the ledger records what was done; run `mlopsctl bootstrap") == true, "\(stderr)")
            let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!(await ProcessGone.isAlive(pid)), "the helper's grandchild \(pid) is still running")
            #expect(!FileManager.default.fileExists(atPath: scenario.ledgerPath), "nothing to record: the run never got past the identity check")
        }
    }

    /// A second Ctrl-C while the first one's stop is still under way (a helper that ignores SIGTERM gets a grace
    /// before SIGKILL) exits at once: 130, saying so, and the helper's group is killed on the way out.
    @Test func aSecondCtrlCExitsAtOnce() async throws {
        try await withEmulator { emulator in
            let scenario = try Self.scenario(emulator) { folder in
                let pidFile = folder.appendingPathComponent("stubborn.pid").path
                // The shell mlopsctl starts ignores SIGTERM itself, so the stop waits out its grace before SIGKILL.
                return ("trap '' TERM; echo $$ > '\(pidFile)'; sleep 120", pidFile)
            }
            let stderrFile = emulator.directory.appendingPathComponent("second-ctrl-c-stderr")
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            let process = Process()
            process.executableURL = CommandRunner.defaultExecutable
            process.arguments = ["bootstrap", "--topology", scenario.topologyPath]
            process.environment = scenario.environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]) { $1 }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
            func stderr() -> String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
            let deadline = ContinuousClock.now + .seconds(30)
            let pidFile = try #require(scenario.grandchildPidFile)
            while !FileManager.default.fileExists(atPath: pidFile), process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(50))  // the pid is written before `exec sleep`
            kill(process.processIdentifier, SIGINT)
            while !stderr().contains("SIGINT received"), process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            kill(process.processIdentifier, SIGINT)
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 130, "\(stderr())")
            #expect(stderr().contains("stopped at once (second signal)"), "\(stderr())")
            let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!(await ProcessGone.isAlive(pid)), "the helper \(pid) outlived the second Ctrl-C")
            if await ProcessGone.isAlive(pid) { kill(pid, SIGKILL) }
        }
    }

    /// A helper that prompts on the terminal (aws-vault, an MFA helper) still works although it runs in a process group
    /// of its own: while it runs, its group owns the terminal (else reading it would stop the helper with SIGTTIN).
    /// mlopsctl runs as a session leader on a real pseudo-terminal, its controlling terminal.
    @Test func aHelperThatPromptsOnTheTerminalGetsItsAnswer() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let keys = try Self.keys(of: dev.profile, in: emulator.credentialsFile)
            let scenario = try Self.scenario(emulator) { folder in
                let script = folder.appendingPathComponent("prompting-helper.sh")
                try """
                    printf 'Vault passphrase:' > /dev/tty
                    read answer < /dev/tty
                    [ "$answer" = "open sesame" ] || { echo "wrong answer: $answer" >&2; exit 3; }
                    printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s"}' '\(keys.0)' '\(keys.1)'

                    """.write(to: script, atomically: true, encoding: .utf8)
                return ("/bin/sh \(script.path)", nil)
            }
            let result = try await CommandRunner().run(
                ["doctor", "--topology", scenario.topologyPath, "--credential-timeout", "20"], environment: scenario.environment,
                timeout: 90, through: ["python3", "-c", Self.terminalWrapper(answer: "open sesame\\n"), CommandRunner.defaultExecutable.path])
            #expect(result.status == 0, "\(result.combined)")
            #expect(result.stdout.contains("Vault passphrase:"), "\(result.stdout)")
            let row = result.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("dev ") }
            #expect(row?.contains("healthy") == true && row?.contains("hang-dev") == true, "\(result.stdout)")

            // Ctrl-C typed at the helper's prompt reaches only the helper's group (it owns the terminal); it still
            // stops the whole run as a Ctrl-C: exit 130 and the resume line.
            let interrupted = try await CommandRunner().run(
                ["bootstrap", "--topology", scenario.topologyPath, "--credential-timeout", "20"], environment: scenario.environment,
                timeout: 90, through: ["python3", "-c", Self.terminalWrapper(answer: "\\x03"), CommandRunner.defaultExecutable.path])
            #expect(interrupted.status == 130, "\(interrupted.combined)")
            let last = interrupted.stdout.split(whereSeparator: \.isNewline).last
            #expect(last?.hasPrefix("interrupted; the ledger records what was done; run `mlopsctl bootstrap") == true, "\(interrupted.stdout)")
        }
    }

    /// A python3 wrapper running its arguments as a session leader on a pseudo-terminal (its controlling terminal),
    /// typing `answer` (Python bytes literal text) after every "Vault passphrase:".
    /// The parent keeps the terminal's other end open, so no output is lost when the child exits first.
    static func terminalWrapper(answer: String) -> String {
        """
        import fcntl, os, select, sys, termios, time
        master, slave = os.openpty()
        pid = os.fork()
        if pid == 0:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
        output, answered, status, deadline = b"", 0, None, time.time() + 60
        while time.time() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                output += os.read(master, 4096)
                while output.count(b"Vault passphrase:") > answered:
                    os.write(master, b"\(answer)")
                    answered += 1
            elif status is not None:
                break
            if status is None:
                done, code = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = code
        sys.stdout.write(output.decode(errors="replace"))
        sys.exit(os.waitstatus_to_exitcode(status) if status is not None else 99)
        """
    }


    /// The access key id and secret of `profile` in the emulator's credentials file.
    static func keys(of profile: String, in file: URL) throws -> (String, String) {
        var section = "", id: String?, secret: String?
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") { section = String(text.dropFirst().dropLast()); continue }
            guard section == profile else { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "aws_access_key_id" { id = parts[1] }
            if parts.count == 2, parts[0] == "aws_secret_access_key" { secret = parts[1] }
        }
        return (try #require(id), try #require(secret))
    }

    @Test(arguments: [
        (["--credential-timeout", "0"], [:], "--credential-timeout = '0' is invalid"),
        (["--credential-timeout", "soon"], [:], "--credential-timeout = 'soon' is invalid"),
        ([], ["MLOPSCTL_CREDENTIAL_TIMEOUT": "-5"], "MLOPSCTL_CREDENTIAL_TIMEOUT = '-5' is invalid"),
    ])
    func aBadLimitIsRefusedNamingItsSource(_ arguments: [String], _ environment: [String: String], _ expected: String) async throws {
        try await withEmulator { emulator in
            let scenario = try Self.scenario(emulator, command: Self.sleeping)
            let ledgerBefore = try await LedgerSnapshot(path: scenario.ledgerPath)
            let result = try await CommandRunner().run(
                ["bootstrap", "--topology", scenario.topologyPath] + arguments, environment: scenario.environment.merging(environment) { $1 },
                timeout: 30)
            #expect(result.status != 0)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(expected) && lines[0].contains("positive number of seconds"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scenario.journalPath), "no AWS call at all")
            #expect(try await LedgerSnapshot(path: scenario.ledgerPath) == ledgerBefore)
        }
    }
}

/// What the ledger holds (nil when there is no file), to compare before and after a run that must change nothing.
struct LedgerSnapshot: Equatable {
    let runs: [String]
    let resources: [String]

    init?(path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let ledger = try LedgerDatabase.open(path: path)
        runs = try await ledger.runs().map { "\($0)" }
        resources = try await ledger.resources().map { "\($0)" }
    }
}

/// Whether a process still runs (a zombie waiting for its reaper counts as gone), asked a few times: a kill takes
/// effect a moment after it was sent.
enum ProcessGone {
    static func isAlive(_ pid: Int32) async -> Bool {
        for _ in 0..<40 {
            guard kill(pid, 0) == 0 else { return false }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                stat.split(separator: ")").last?.split(separator: " ").first == "Z"
            {
                return false
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
