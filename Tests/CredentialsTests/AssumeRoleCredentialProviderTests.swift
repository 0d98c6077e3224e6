import AWSConfig
import Foundation
import SigV4
import TestSupport
import Testing

@testable import Credentials

@Suite struct AssumeRoleCredentialProviderTests {
    let source = StaticCredentialProvider(AWSCredentials(accessKeyId: "AKIDBASE", secretAccessKey: "base-secret"))
    let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000.123))

    @Test func defaultSessionNameIsToolAndUnixMillis() async throws {
        let sts = FakeRoleAssumer()
        let step = RoleAssumption(profile: "dev", roleArn: "arn:aws:iam::111122223333:role/Deploy")
        let provider = AssumeRoleCredentialProvider(
            source: source, step: step, roleAssumer: sts, mfaPrompt: FakeMFAPrompt(answer: "000000"), now: clock.now)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIA-Deploy")
        let call = try #require(sts.assumeCalls.value.first)
        #expect(call.sessionName == "mlopsctl-1700000000123")
        #expect(call.sourceAccessKeyId == "AKIDBASE")
        #expect(call.sourceSecret == "base-secret")
        #expect(call.mfaCode == nil)
    }

    @Test func configuredSessionNameExternalIdAndDurationReachSTS() async throws {
        let sts = FakeRoleAssumer()
        let step = RoleAssumption(
            profile: "dev", roleArn: "arn:aws:iam::111122223333:role/Deploy", externalId: "ext-42", sessionName: "alice",
            durationSeconds: 900)
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: sts, mfaPrompt: FakeMFAPrompt(answer: ""))
        _ = try await provider.credentials()
        let call = try #require(sts.assumeCalls.value.first)
        #expect(call.sessionName == "alice")
        #expect(call.externalId == "ext-42")
        #expect(call.durationSeconds == 900)
        #expect(call.profile == "dev")
    }

    @Test func mfaSerialAsksThePromptAndSendsTheCode() async throws {
        let sts = FakeRoleAssumer()
        let prompt = FakeMFAPrompt(answer: " 123456\n")
        let step = RoleAssumption(profile: "prod", roleArn: "arn:aws:iam::1:role/Admin", mfaSerial: "arn:aws:iam::1:mfa/alice")
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: sts, mfaPrompt: prompt)
        _ = try await provider.credentials()
        #expect(prompt.asked.value == ["prod:arn:aws:iam::1:mfa/alice"])
        #expect(sts.assumeCalls.value.first?.mfaCode == "123456")
    }

    @Test(arguments: ["12345", "1234567", "12a456", "", "١٢٣٤٥٦"])
    func mfaCodeMustBeSixDigits(_ answer: String) async throws {
        let sts = FakeRoleAssumer()
        let step = RoleAssumption(profile: "prod", roleArn: "arn:aws:iam::1:role/Admin", mfaSerial: "arn:aws:iam::1:mfa/alice")
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: sts, mfaPrompt: FakeMFAPrompt(answer: answer))
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .invalidMFACode)
        #expect(error?.description.contains("profile 'prod'") == true)
        #expect(error?.description.contains("6 digits") == true)
        #expect(sts.assumeCalls.value.isEmpty)
    }

    @Test func nonInteractiveMFAPromptRefusesWithInstructions() async throws {
        let sts = FakeRoleAssumer()
        let step = RoleAssumption(profile: "prod", roleArn: "arn:aws:iam::1:role/Admin", mfaSerial: "arn:aws:iam::1:mfa/alice")
        let prompt = TerminalMFACodePrompt(isInteractive: { false })
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: sts, mfaPrompt: prompt)
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .mfaCodeRequired)
        #expect(error?.description.contains("profile 'prod' needs an MFA code for arn:aws:iam::1:mfa/alice") == true)
        #expect(error?.description.contains("run mlopsctl interactively") == true)
        #expect(sts.assumeCalls.value.isEmpty)
    }

    @Test func terminalPromptReadsOneLineFromTheTerminal() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tty = try dir.write("654321\nrest\n", to: "tty")
        let prompt = TerminalMFACodePrompt(isInteractive: { true }, terminalPath: tty.path)
        #expect(try await prompt.code(forSerial: "arn:aws:iam::1:mfa/alice", profile: "prod") == "654321")
        let written = try String(contentsOf: tty, encoding: .utf8)
        #expect(written.hasPrefix("654321\nrest\n"))
        #expect(written.contains("Enter MFA code for arn:aws:iam::1:mfa/alice"))
    }

    @Test func terminalPromptWithNoInputYieldsAnInvalidCode() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tty = try dir.write("", to: "tty")
        let step = RoleAssumption(profile: "prod", roleArn: "arn:aws:iam::1:role/Admin", mfaSerial: "arn:aws:iam::1:mfa/alice")
        let prompt = TerminalMFACodePrompt(isInteractive: { true }, terminalPath: tty.path)
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: FakeRoleAssumer(), mfaPrompt: prompt)
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .invalidMFACode)
    }

    /// Ctrl-C while the prompt waits for someone to type: the wait ends at once (a FIFO nobody writes a line to
    /// stands in for a terminal nobody answers).
    @Test func cancellationEndsAnUnansweredPrompt() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fifo = dir.url.appendingPathComponent("tty").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Held open for reading and writing so that the prompt's opens do not block and its read never sees an end.
        let holder = open(fifo, O_RDWR)
        defer { close(holder) }
        let prompt = TerminalMFACodePrompt(isInteractive: { true }, terminalPath: fifo)
        let start = ContinuousClock.now
        let task = Task { try await prompt.code(forSerial: "arn:aws:iam::1:mfa/alice", profile: "prod") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(ContinuousClock.now - start < .seconds(45))
    }

    @Test func stsFailureIsWrappedWithProfileAndRole() async throws {
        var sts = FakeRoleAssumer()
        sts.failure = FakeError(description: "AccessDenied: not authorized to perform sts:AssumeRole\nsecond line")
        let step = RoleAssumption(profile: "dev", roleArn: "arn:aws:iam::111122223333:role/Deploy")
        let provider = AssumeRoleCredentialProvider(source: source, step: step, roleAssumer: sts, mfaPrompt: FakeMFAPrompt(answer: ""))
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .roleAssumptionFailed)
        #expect(
            error?.description
                == "profile 'dev': assuming role arn:aws:iam::111122223333:role/Deploy failed: AccessDenied: not authorized to "
                + "perform sts:AssumeRole; check that the source credentials are allowed to call sts:AssumeRole on it")
    }

    @Test func sourceErrorsPassThroughUnchanged() async throws {
        let sts = FakeRoleAssumer()
        let step = RoleAssumption(profile: "dev", roleArn: "arn:aws:iam::1:role/Deploy")
        let provider = AssumeRoleCredentialProvider(
            source: EnvironmentCredentialProvider(environment: EnvironmentVariables(), profile: "dev"), step: step, roleAssumer: sts,
            mfaPrompt: FakeMFAPrompt(answer: ""))
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.kind == .environmentKeysMissing)
        #expect(sts.assumeCalls.value.isEmpty)
    }
}
