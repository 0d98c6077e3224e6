import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

@Suite struct CredentialProcessProviderTests {
    /// Writes a shell script into a temp dir and returns a provider whose command runs it (the path has a space, so
    /// the command exercises `/bin/sh -c` quoting like a real `credential_process` line would). The script is run
    /// through `/bin/sh` rather than executed directly: tests run in parallel, and exec'ing a file that was just
    /// written races with other forks still holding it open for writing (ETXTBSY).
    func provider(script: String, timeout: Duration = .seconds(60)) throws -> (CredentialProcessProvider, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let file = try dir.write(script + "\n", to: "creds tool.sh")
        return (CredentialProcessProvider(command: "/bin/sh '\(file.path)' --profile dev", profile: "dev", timeout: timeout), dir)
    }

    @Test func parsesVersionOneWithExpiration() async throws {
        let (provider, dir) = try provider(script: """
            [ "$1" = "--profile" ] || exit 9
            cat <<'JSON'
            {"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "proc-secret", "SessionToken": "proc-token",
             "Expiration": "2030-01-02T03:04:05Z", "AccountId": "123456789012"}
            JSON
            """)
        defer { dir.remove() }
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIAPROC")
        #expect(credentials.secretAccessKey == "proc-secret")
        #expect(credentials.sessionToken == "proc-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_553_445))
        #expect(credentials.accountId == "123456789012")
    }

    @Test func longTermKeysHaveNoExpiration() async throws {
        let (provider, dir) = try provider(script: #"echo '{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}'"#)
        defer { dir.remove() }
        let credentials = try await provider.credentials()
        #expect(credentials.expiration == nil)
        #expect(credentials.sessionToken == nil)
    }

    @Test func readsLargeOutputFully() async throws {
        // 200 KB of padding overflows any pipe buffer; the JSON is only valid if every byte arrived.
        let (provider, dir) = try provider(script: """
            printf '{"Version": 1, "AccessKeyId": "AKIABIG", "SecretAccessKey": "s", "Padding": "'
            head -c 200000 /dev/zero | tr '\\0' 'x'
            printf '"}'
            """)
        defer { dir.remove() }
        #expect(try await provider.credentials().accessKeyId == "AKIABIG")
    }

    @Test func nonZeroExitReportsStatusAndFirstStderrLine() async throws {
        let (provider, dir) = try provider(script: """
            echo '{"Version": 1, "AccessKeyId": "AKIA", "SecretAccessKey": "stdout-secret"}'
            printf '\\n  token expired, run vault login  \\nsecond line\\n' >&2
            exit 3
            """)
        defer { dir.remove() }
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .credentialProcessFailed)
        #expect(
            error?.description
                == "profile 'dev': credential_process \"\(provider.command)\" exited with status 3: token expired, run vault login; "
                + "run the command yourself to see why")
        #expect(error?.description.contains("stdout-secret") == false)
    }

    @Test func stderrLineIsTruncatedTo200Characters() async throws {
        let (provider, dir) = try provider(script: "head -c 500 /dev/zero | tr '\\0' 'e' >&2; exit 1")
        defer { dir.remove() }
        let error = await credentialError { try await provider.credentials() }
        let text = try #require(error?.description)
        #expect(text.contains(String(repeating: "e", count: 200) + "…"))
        #expect(!text.contains(String(repeating: "e", count: 201)))
    }

    @Test func missingCommandIsANonZeroExit() async throws {
        let provider = CredentialProcessProvider(command: "/nonexistent/mlopsctl-helper", profile: "dev")
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .credentialProcessFailed)
        #expect(error?.description.contains("exited with status 127") == true)
    }

    @Test func timeoutStopsTheCommand() async throws {
        let (provider, dir) = try provider(script: "exec sleep 600", timeout: .milliseconds(300))
        defer { dir.remove() }
        let start = ContinuousClock.now
        let error = await credentialError { try await provider.credentials() }
        // Well under the command's 600 s: it was stopped, not waited for. (No tighter bound: with every suite running
        // at once on a 2-core machine a task can wait tens of seconds for a thread; speed is measured in benchmarks.)
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(error?.kind == .credentialProcessTimedOut)
        #expect(
            error?.description == "profile 'dev': credential_process \"\(provider.command)\" did not finish within 0.3 s (stopped); "
                + "fix the helper (it must not wait for input) or raise --credential-timeout / MLOPSCTL_CREDENTIAL_TIMEOUT")
    }

    /// The helper exits but leaves a grandchild holding stdout open (a daemonised agent gone wrong), and that
    /// grandchild ignores SIGTERM: the deadline still holds, and the whole process group is gone afterwards.
    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let pidFile = dir.url.appendingPathComponent("grandchild.pid").path
        let script = try dir.write(
            "sh -c 'echo $$ > \"$0\"; trap \"\" TERM; exec sleep 600' '\(pidFile)' &\nexit 0\n", to: "helper.sh")
        let provider = CredentialProcessProvider(command: "/bin/sh '\(script.path)'", profile: "dev", timeout: .milliseconds(500))
        let start = ContinuousClock.now
        let error = await credentialError { try await provider.credentials() }
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(error?.kind == .credentialProcessTimedOut)
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The kill is sent before the error returns; the kernel may need a moment to tear the process down.
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(pid, 0) == 0 && !Self.isZombie(pid)
            if alive { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(!alive, "grandchild \(pid) survived the timeout")
    }

    static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test func cancellationStopsTheCommand() async throws {
        let (provider, dir) = try provider(script: "exec sleep 600")
        defer { dir.remove() }
        let start = ContinuousClock.now
        let task = Task { try await provider.credentials() }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func outputOverTheLimitIsAnErrorNotAnAllocation() async throws {
        let (provider, dir) = try provider(script: "exec cat /dev/zero")
        defer { dir.remove() }
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .credentialProcessOutputInvalid)
        #expect(error?.description.contains("printed more than 1024 KiB (stopped)") == true)
    }

    @Test func expiredCredentialsAreRefused() async throws {
        let (provider, dir) = try provider(
            script: #"echo '{"Version": 1, "AccessKeyId": "ASIA", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "2020-01-01T00:00:00Z"}'"#)
        defer { dir.remove() }
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .credentialProcessExpired)
        #expect(error?.description.contains("returned credentials that expired at 2020-01-01T00:00:00Z") == true)
    }

    @Test func emptyOutputIsNamed() async throws {
        let (provider, dir) = try provider(script: "exit 0")
        defer { dir.remove() }
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.description.contains("\" is empty; it must print JSON") == true)
    }

    @Test func manyConcurrentCommandsAllComplete() async throws {
        // Regression: with `readabilityHandler` some of these never saw end of file and hit the deadline.
        let (provider, dir) = try provider(
            script: #"echo '{"Version": 1, "AccessKeyId": "AKIA'"$$"'", "SecretAccessKey": "s"}'; echo noise >&2"#,
            timeout: .seconds(20))
        defer { dir.remove() }
        let start = ContinuousClock.now
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<24 { group.addTask { try await provider.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys.count == 24)  // one distinct shell (pid) per fetch; a missed end of file fails at the deadline
        _ = start
    }

    @Test(arguments: [
        (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "has an unsupported Version (only 1 is supported)"),
        (#"{"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "has an unsupported Version (only 1 is supported)"),
        (#"{"Version": true, "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "has an unsupported Version (only 1 is supported)"),
        (#"{"AccessKeyId": "A", "SecretAccessKey": "S"}"#, "has no Version"),
        (#"{"Version": 1, "SecretAccessKey": "S"}"#, "has no AccessKeyId"),
        (#"{"Version": 1, "AccessKeyId": "A"}"#, "has no SecretAccessKey"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": ""}"#, "has no SecretAccessKey"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "soon"}"#, "has an Expiration that is not an RFC 3339 time"),
        ("AccessKeyId=A", "is not a JSON object"),
        ("[1]", "is not a JSON object"),
    ])
    func invalidOutputIsDescribedByKeyOnly(_ output: String, _ problem: String) throws {
        #expect(throws: CredentialError.self) { try CredentialProcessProvider.parse(Data(output.utf8), profile: "dev") }
        do {
            _ = try CredentialProcessProvider.parse(Data(output.utf8), profile: "dev")
        } catch let error as CredentialError {
            #expect(error.kind == .credentialProcessOutputInvalid)
            #expect(error.description.hasPrefix("profile 'dev': the output of credential_process \"\" \(problem); it must print JSON"))
        }
    }

    @Test func fractionalExpirationIsAccepted() throws {
        let json = #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2030-01-02T03:04:05.250+00:00"}"#
        let credentials = try CredentialProcessProvider.parse(Data(json.utf8), profile: "dev")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_553_445.25))
    }

    @Test func descriptionLeavesTheCommandOut() {
        let provider = CredentialProcessProvider(command: "vault-helper --password hunter2", profile: "dev")
        #expect(provider.description == "CredentialProcessProvider(profile 'dev')")
    }
}
