import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

/// Plants distinctive secret strings in every input a provider reads, drives every failure path that touches
/// them, and checks that no error text or provider description ever contains one.
@Suite struct SecretCanaryTests {
    static let canaries = [
        "CANARY-static-secret", "CANARY-static-token", "CANARY-env-secret", "CANARY-env-token", "CANARY-web-token",
        "CANARY-sso-token", "CANARY-proc-secret", "CANARY-proc-token", "CANARY-cmd-arg", "CANARY-sts-secret",
        "CANARY-portal-secret",
    ]
    let clock = TestClock()

    /// Every rendering of a value a user or log could see.
    func renderings(_ value: Any) -> [String] {
        [String(describing: value), String(reflecting: value), "\(value)"]
    }

    func leaks(in texts: [String]) -> [String] {
        texts.filter { text in Self.canaries.contains { text.contains($0) } }
    }

    @Test func noSecretReachesErrorsOrDescriptions() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var errors: [CredentialError] = []
        var described: [Any] = []
        func collect(_ error: CredentialError?) { if let error { errors.append(error) } }

        // Static keys as a role source; the role has MFA and gets a bad code, then STS fails.
        let keys = StaticKeys(profile: "base", accessKeyId: "AKIDBASE", secretAccessKey: "CANARY-static-secret", sessionToken: "CANARY-static-token")
        let mfaStep = RoleAssumption(profile: "mfa", roleArn: "arn:aws:iam::1:role/M", mfaSerial: "arn:aws:iam::1:mfa/u")
        let badCode = AssumeRoleCredentialProvider(
            source: StaticCredentialProvider(keys), step: mfaStep, roleAssumer: FakeRoleAssumer(), mfaPrompt: FakeMFAPrompt(answer: "CANARY-x"))
        collect(await credentialError { try await badCode.credentials() })
        var failingSTS = FakeRoleAssumer()
        failingSTS.failure = FakeError(description: "AccessDenied")
        let stsFails = AssumeRoleCredentialProvider(
            source: StaticCredentialProvider(keys), step: RoleAssumption(profile: "r", roleArn: "arn:aws:iam::1:role/R"),
            roleAssumer: failingSTS, mfaPrompt: FakeMFAPrompt(answer: ""))
        collect(await credentialError { try await stsFails.credentials() })
        collect(await credentialError {
            try await AssumeRoleCredentialProvider(
                source: StaticCredentialProvider(keys), step: mfaStep, roleAssumer: FakeRoleAssumer(),
                mfaPrompt: TerminalMFACodePrompt(isInteractive: { false })
            ).credentials()
        })
        described += [StaticCredentialProvider(keys), badCode, stsFails]

        // Environment: a session token and secret without a key id, and a key id without a secret.
        collect(await credentialError {
            try await EnvironmentCredentialProvider(
                environment: EnvironmentVariables(["AWS_SECRET_ACCESS_KEY": "CANARY-env-secret", "AWS_SESSION_TOKEN": "CANARY-env-token"])
            ).credentials()
        })
        let envKeysOnly = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SESSION_TOKEN": "CANARY-env-token"])
        collect(await credentialError { try await EnvironmentCredentialProvider(environment: envKeysOnly, profile: "ci").credentials() })
        described.append(EnvironmentCredentialProvider(environment: envKeysOnly))

        // Web identity: STS rejects the planted token.
        let tokenFile = try dir.write("CANARY-web-token", to: "web-token")
        let webIdentity = WebIdentityCredentialProvider(
            identity: WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path), roleAssumer: failingSTS)
        collect(await credentialError { try await webIdentity.credentials() })
        described.append(webIdentity)

        // SSO: expired token, malformed token file, portal failure, and a successful fetch's result.
        let sso = SingleSignOn(profile: "dev", sessionName: "corp", startURL: "https://x", region: "eu-west-1", accountId: "1", roleName: "R")
        let cacheFile = sso.tokenCacheFileName
        try dir.write(#"{"accessToken": "CANARY-sso-token", "expiresAt": "2000-01-01T00:00:00Z"}"#, to: cacheFile)
        var fetcher = FakeSSOFetcher()
        fetcher.result = AWSCredentials(accessKeyId: "ASIA", secretAccessKey: "CANARY-portal-secret", sessionToken: "CANARY-portal-secret")
        let ssoProvider = SSOCredentialProvider(sso: sso, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now)
        collect(await credentialError { try await ssoProvider.credentials() })
        try dir.write(#"{"accessToken": "CANARY-sso-token", "expiresAt": "CANARY-sso-token"}"#, to: cacheFile)
        collect(await credentialError { try await ssoProvider.credentials() })
        try dir.write("accessToken=CANARY-sso-token", to: cacheFile)
        collect(await credentialError { try await ssoProvider.credentials() })
        try dir.write(#"{"accessToken": "CANARY-sso-token", "expiresAt": "2099-01-01T00:00:00Z"}"#, to: cacheFile)
        described.append(try await ssoProvider.credentials())
        described.append(try SSOToken.load(for: sso, cacheDirectory: dir.url, now: clock.now()))
        var failingFetcher = FakeSSOFetcher()
        failingFetcher.failure = FakeError(description: "UnauthorizedException")
        collect(await credentialError {
            try await SSOCredentialProvider(sso: sso, fetcher: failingFetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        })
        described.append(ssoProvider)

        // credential_process: every bad-output shape with secrets in it, a failing exit, a timeout.
        let secrets = #""AccessKeyId": "AKIA", "SecretAccessKey": "CANARY-proc-secret", "SessionToken": "CANARY-proc-token""#
        let outputs = [
            "{\"Version\": 2, \(secrets)}",
            "{\"Version\": \"CANARY-proc-secret\", \(secrets)}",
            #"{"Version": 1, "AccessKeyId": "AKIA", "SessionToken": "CANARY-proc-token"}"#,
            "{\"Version\": 1, \(secrets), \"Expiration\": \"CANARY-proc-secret\"}",
            "CANARY-proc-secret CANARY-proc-token",
        ]
        for (index, output) in outputs.enumerated() {
            let script = try dir.write("cat <<'EOF'\n\(output)\nEOF\n", to: "out\(index).sh")
            // Errors name the command as configured (it is what to fix); its output is what must never appear.
            let provider = CredentialProcessProvider(command: "/bin/sh '\(script.path)' shown-cmd-arg", profile: "proc")
            collect(await credentialError { try await provider.credentials() })
            described.append(provider)
        }
        let failing = try dir.write("echo '{\(secrets)}'; echo 'helper: login required' >&2; exit 2\n", to: "fail.sh")
        collect(await credentialError {
            try await CredentialProcessProvider(command: "/bin/sh '\(failing.path)' shown-cmd-arg", profile: "proc").credentials()
        })
        collect(await credentialError {
            try await CredentialProcessProvider(command: "printf 'CANARY-%s' proc-secret; exec sleep 5", profile: "proc", timeout: .milliseconds(200))
                .credentials()
        })

        // A whole chain built from canary-bearing bases.
        let builder = CredentialChainBuilder(
            environment: envKeysOnly, roleAssumer: FakeRoleAssumer(), ssoFetcher: fetcher, mfaPrompt: FakeMFAPrompt(answer: ""),
            ssoCacheDirectory: dir.url, now: clock.now)
        for base: BaseCredentialSource in [
            .accessKey(keys), .namedSource(name: "Environment", profile: "ci"),
            .webIdentity(WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path)), .sso(sso),
            .credentialProcess(command: "helper --token CANARY-cmd-arg", profile: "proc"),
        ] {
            described.append(try builder.provider(for: ProfileChain(base: base, roles: [mfaStep])))
        }
        described.append(try await builder.provider(for: ProfileChain(base: .accessKey(keys), roles: [stsFails.step])).credentials())

        #expect(errors.count == 17, "a scenario stopped producing its error")
        #expect(described.count == 19)
        let errorTexts = errors.flatMap { renderings($0) + [$0.localizedDescription] }
        #expect(leaks(in: errorTexts) == [])
        #expect(leaks(in: described.flatMap(renderings)) == [])
        #expect(errors.filter { $0.description.contains("\n") }.isEmpty)
        #expect(errors.filter { $0.origin == nil }.isEmpty, "every error names where its input came from")
    }

    @Test func canaryDetectionWorks() {
        // Guards the test above against a detector that can never fire.
        #expect(leaks(in: ["x CANARY-sso-token y", "clean"]) == ["x CANARY-sso-token y"])
    }
}
