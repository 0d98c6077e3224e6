import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// The harness itself: a private moto_server with four accounts, reachable through the written profiles.
@Suite struct EmulatorHarnessTests {
    @Test func startWritesFourVerifiedProfilesAndStopEndsTheServer() async throws {
        guard let emulator = await startEmulator(auth: false) else { return }

        let config = try String(contentsOf: emulator.configFile, encoding: .utf8)
        let credentials = try String(contentsOf: emulator.credentialsFile, encoding: .utf8)
        #expect(emulator.profiles == ["local-governance", "local-dev", "local-preprod", "local-prod"])
        for profile in emulator.profiles {
            #expect(config.contains("[profile \(profile)]\nregion = us-east-1\nendpoint_url = \(emulator.endpoint.absoluteString)\n"))
            #expect(credentials.contains("[\(profile)]\naws_access_key_id = "))
        }
        #expect(emulator.environment == [
            "AWS_CONFIG_FILE": emulator.configFile.path, "AWS_SHARED_CREDENTIALS_FILE": emulator.credentialsFile.path,
        ])

        // An independent client (boto3) reaches each stage's own account through the files alone.
        for account in emulator.accounts {
            let identity = try await callerIdentity(profile: account.profile, emulator: emulator)
            #expect(identity == account.accountID, "\(account.profile)")
        }

        // SIGTERM must work (a blocked signal mask would leave only the SIGKILL after a 10 s grace).
        let stopStarted = ContinuousClock.now
        await emulator.stop()
        #expect(ContinuousClock.now - stopStarted < .seconds(9))  // the SIGKILL fallback comes after 10 s
        #expect(!FileManager.default.fileExists(atPath: emulator.directory.path))
        var request = URLRequest(url: emulator.endpoint.appendingPathComponent("moto-api/data.json"))
        request.timeoutInterval = 2
        #expect((try? await URLSession.shared.data(for: request)) == nil, "server still answers after stop()")
    }

    @Test func missingMotoServerSkipsLocallyAndFailsUnderCI() async {
        do {
            _ = try await Emulator.start(environment: ["PATH": "/nonexistent"])
            Issue.record("started without moto_server on PATH")
        } catch EmulatorError.skip(let notice) {
            #expect(notice.contains("moto_server is not on PATH"))
        } catch {
            Issue.record("expected .skip, got \(error)")
        }
        do {
            _ = try await Emulator.start(environment: ["PATH": "/nonexistent", "CI": "true"])
            Issue.record("started without moto_server on PATH")
        } catch EmulatorError.missingUnderCI(let message) {
            #expect(message.contains("CI=true requires it"))
        } catch {
            Issue.record("expected .missingUnderCI, got \(error)")
        }
    }

    @Test func authModeRejectsAWrongSecret() async throws {
        guard let emulator = await startEmulator(auth: true) else { return }
        defer { Task { await emulator.stop() } }

        #expect(try await callerIdentity(profile: "local-prod", emulator: emulator) == "444444444444")
        #expect(try await callerIdentity(profile: "local-prod", emulator: emulator, secretOverride: "WRONG") == "SignatureDoesNotMatch")
        await emulator.stop()
    }
}

/// Starts an emulator; nil (after a notice) when it is not installed here, a recorded failure under CI or on error.
private func startEmulator(auth: Bool) async -> Emulator? {
    do {
        return try await Emulator.start(auth: auth)
    } catch EmulatorError.skip(let notice) {
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        return nil
    } catch {
        Issue.record("\(error)")
        return nil
    }
}

/// STS GetCallerIdentity through boto3 with only the emulator's files: the account id, or the error code.
private func callerIdentity(profile: String, emulator: Emulator, secretOverride: String? = nil) async throws -> String {
    let script = """
        import sys, boto3, botocore
        session = boto3.Session(profile_name=sys.argv[1])
        kwargs = {}
        if len(sys.argv) > 2:
            creds = session.get_credentials()
            kwargs = dict(aws_access_key_id=creds.access_key, aws_secret_access_key=sys.argv[2])
        try:
            print(session.client("sts", **kwargs).get_caller_identity()["Account"])
        except botocore.exceptions.ClientError as error:
            print(error.response["Error"]["Code"])
        """
    var environment = ProjectTools.environment().filter { !$0.key.hasPrefix("AWS_") }  // boto3 is in the project's venv
    environment.merge(emulator.environment) { $1 }
    let result = try await CapturedProcess.python(script, [profile] + (secretOverride.map { [$0] } ?? []), environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}
