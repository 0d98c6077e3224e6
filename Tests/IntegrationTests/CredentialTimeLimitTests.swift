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
        try "sh -c 'echo $$ > \"$0\"; exec sleep 600' '\(pidFile)' &\nexit 0\n".write(to: script, atomically: true, encoding: .utf8)
        return ("/bin/sh \(script.path) --profile dev", pidFile)
    }

    /// Runs the binary and checks what every hanging case must show; returns the result for verb-specific checks.
    static func runAndCheck(_ scenario: Scenario, _ arguments: [String], extraEnvironment: [String: String] = [:]) async throws
        -> CommandRunner.Result
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
        return result
    }

    @Test func bootstrapStopsAHangingHelperWithinTheLimit() async throws {
        try await withEmulator { emulator in
            for helper in [Self.sleeping, Self.leavingAGrandchild] {
                let scenario = try Self.scenario(emulator, command: helper)
                let result = try await Self.runAndCheck(scenario, ["bootstrap", "--credential-timeout", "2"])
                #expect(result.status == 1, "\(result.combined)")
                // The first line says it all: which stage, which profile, which command, which limit, the fix.
                let first = try #require(result.stderr.split(separator: "\n").first)
                #expect(first.hasPrefix("Error: dev: cannot confirm the account of profile 'hang-dev': credential_process \""))
                #expect(first.contains("within 2 s"))
            }
        }
    }

    @Test func doctorStopsAHangingHelperWithinTheLimitFromTheEnvironment() async throws {
        try await withEmulator { emulator in
            let scenario = try Self.scenario(emulator, command: Self.leavingAGrandchild)
            let result = try await Self.runAndCheck(scenario, ["doctor"], extraEnvironment: ["MLOPSCTL_CREDENTIAL_TIMEOUT": "2"])
            #expect(result.status == 2, "\(result.combined)")
            let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("dev ") }, "\(result.stdout)")
            #expect(row.contains("hang-dev") && row.contains("did not finish within 2 s"))
            // The other stages were checked all the same.
            #expect(result.stdout.split(separator: "\n").filter { $0.contains(" healthy ") }.count == 3, "\(result.stdout)")
        }
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
