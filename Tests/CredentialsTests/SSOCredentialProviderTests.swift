import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

@Suite struct SSOCredentialProviderTests {
    // 2023-11-14T22:13:20Z
    let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))

    static let session = SingleSignOn(
        profile: "dev", sessionName: "dev-sso", startURL: "https://my-sso-portal.awsapps.com/start", region: "eu-west-1",
        accountId: "111122223333", roleName: "Developer")
    static let legacy = SingleSignOn(
        profile: "old", sessionName: nil, startURL: "https://my-sso-portal.awsapps.com/start", region: "us-east-1",
        accountId: "111122223333", roleName: "Developer")

    static func tokenJSON(accessToken: String = "sso-access-token", expiresAt: String) -> String {
        #"{"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "eu-west-1", "accessToken": "\#(accessToken)", "expiresAt": "\#(expiresAt)", "clientId": "x", "refreshToken": "r"}"#
    }

    // Expected names computed independently with Python's hashlib.sha1.
    @Test func cacheFileNameIsSHA1OfSessionNameOrStartURL() {
        #expect(Self.session.tokenCacheFileName == "541bfa501b568681b27389461c29c505f3607716.json")
        #expect(Self.legacy.tokenCacheFileName == "c7aaaf71fcc8777ae2475525ed049d39fe16c484.json")
    }

    @Test func loginCommandDependsOnForm() {
        #expect(Self.session.loginCommand == "aws sso login --sso-session dev-sso")
        #expect(Self.legacy.loginCommand == "aws sso login --profile old")
    }

    @Test(arguments: ["2023-11-14T23:00:00Z", "2023-11-14T23:00:00.123456Z", "2023-11-14T23:00:00UTC", "2023-11-15T00:00:00+01:00"])
    func validTokenIsTradedForRoleCredentials(_ expiresAt: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(expiresAt: expiresAt), to: Self.session.tokenCacheFileName)
        let fetcher = FakeSSOFetcher()
        let provider = SSOCredentialProvider(sso: Self.session, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now)

        let credentials = try await provider.credentials()

        #expect(credentials.accessKeyId == "ASIA-SSO")
        #expect(credentials.accountId == "111122223333")
        #expect(
            fetcher.calls.value == [
                .init(accessToken: "sso-access-token", accountId: "111122223333", roleName: "Developer", region: "eu-west-1")
            ])
    }

    @Test func legacyProfileReadsTheStartURLFile() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(accessToken: "legacy-token", expiresAt: "2023-11-15T00:00:00Z"), to: Self.legacy.tokenCacheFileName)
        let fetcher = FakeSSOFetcher()
        _ = try await SSOCredentialProvider(sso: Self.legacy, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        #expect(fetcher.calls.value.first?.accessToken == "legacy-token")
        #expect(fetcher.calls.value.first?.region == "us-east-1")
    }

    @Test func missingTokenSaysWhichLoginToRun() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fetcher = FakeSSOFetcher()
        let error = await credentialError {
            try await SSOCredentialProvider(sso: Self.session, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        }
        #expect(error?.kind == .ssoTokenMissing)
        #expect(error?.description.hasPrefix("profile 'dev': no cached SSO token for sso-session 'dev-sso'") == true)
        #expect(error?.description.hasSuffix("run `aws sso login --sso-session dev-sso`") == true)
        let legacyError = await credentialError {
            try await SSOCredentialProvider(sso: Self.legacy, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        }
        #expect(legacyError?.description.hasSuffix("run `aws sso login --profile old`") == true)
        #expect(fetcher.calls.value.isEmpty)
    }

    @Test func expiredTokenSaysWhenAndWhichLoginToRun() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(expiresAt: "2023-11-14T22:13:19.5Z"), to: Self.session.tokenCacheFileName)
        let fetcher = FakeSSOFetcher()
        let error = await credentialError {
            try await SSOCredentialProvider(sso: Self.session, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        }
        #expect(error?.kind == .ssoTokenExpired)
        #expect(
            error?.description
                == "profile 'dev': the SSO token for sso-session 'dev-sso' expired at 2023-11-14T22:13:19Z; run `aws sso login --sso-session dev-sso`")
        #expect(fetcher.calls.value.isEmpty)
    }

    @Test func tokenExpiresWhenTheClockPassesIt() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(expiresAt: "2023-11-14T22:14:00Z"), to: Self.session.tokenCacheFileName)
        let provider = SSOCredentialProvider(sso: Self.session, fetcher: FakeSSOFetcher(), cacheDirectory: dir.url, now: clock.now)
        _ = try await provider.credentials()
        clock.advance(by: 40)
        #expect(await credentialError { try await provider.credentials() }?.kind == .ssoTokenExpired)
    }

    @Test(arguments: [
        ("not json", "is not a JSON object"),
        (#"{"expiresAt": "2030-01-01T00:00:00Z"}"#, "has no accessToken"),
        (#"{"accessToken": "t"}"#, "has no expiresAt"),
        (#"{"accessToken": "t", "expiresAt": "tomorrow"}"#, "has an expiresAt that is not an ISO 8601 time"),
    ])
    func malformedCacheFileIsReported(_ content: String, _ problem: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write(content, to: Self.session.tokenCacheFileName)
        let error = await credentialError {
            try await SSOCredentialProvider(sso: Self.session, fetcher: FakeSSOFetcher(), cacheDirectory: dir.url, now: clock.now)
                .credentials()
        }
        #expect(error?.kind == .ssoTokenInvalid)
        #expect(
            error?.description == "profile 'dev': the cached SSO token \(file.path) \(problem); run `aws sso login --sso-session dev-sso` to renew it")
    }

    @Test func missingAccountOrRoleIsAConfigError() async throws {
        var sso = Self.session
        sso.accountId = nil
        let error = await credentialError {
            try await SSOCredentialProvider(sso: sso, fetcher: FakeSSOFetcher(), cacheDirectory: URL(fileURLWithPath: "/nonexistent")).credentials()
        }
        #expect(error?.kind == .ssoConfigIncomplete)
        #expect(error?.description.contains("sso_account_id") == true)
        sso = Self.session
        sso.roleName = ""
        let roleError = await credentialError {
            try await SSOCredentialProvider(sso: sso, fetcher: FakeSSOFetcher(), cacheDirectory: URL(fileURLWithPath: "/nonexistent")).credentials()
        }
        #expect(roleError?.description.contains("sso_role_name") == true)
    }

    @Test func portalFailureIsWrappedWithLoginHint() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(expiresAt: "2030-01-01T00:00:00Z"), to: Self.session.tokenCacheFileName)
        var fetcher = FakeSSOFetcher()
        fetcher.failure = FakeError(description: "UnauthorizedException: Session token not found or invalid")
        let error = await credentialError {
            try await SSOCredentialProvider(sso: Self.session, fetcher: fetcher, cacheDirectory: dir.url, now: clock.now).credentials()
        }
        #expect(error?.kind == .ssoRoleCredentialsFailed)
        #expect(
            error?.description
                == "profile 'dev': SSO GetRoleCredentials for account 111122223333 role Developer failed: UnauthorizedException: "
                + "Session token not found or invalid; run `aws sso login --sso-session dev-sso` if the session was revoked")
    }

    /// A portal that never answers (and ignores cancellation): the chain's SSO source still fails within the
    /// credential time limit, naming the profile and what it waited for.
    @Test func aPortalThatNeverAnswersIsBoundedByTheCredentialTimeLimit() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Self.tokenJSON(expiresAt: "2023-11-15T00:00:00Z"), to: Self.session.tokenCacheFileName)
        let builder = CredentialChainBuilder(
            environment: EnvironmentVariables(), roleAssumer: FakeRoleAssumer(), ssoFetcher: HangingSSOFetcher(), ssoCacheDirectory: dir.url,
            credentialProcessTimeout: .milliseconds(300), now: clock.now)
        let provider = try builder.provider(for: ProfileChain(base: .sso(Self.session), roles: []))
        let start = ContinuousClock.now
        let error = await credentialError { try await provider.credentials() }
        // Minutes of headroom for a loaded machine; the portal hangs for ten.
        #expect(ContinuousClock.now - start < .seconds(120), "the 10-minute portal was waited for")
        #expect(error?.kind == .credentialSourceTimedOut)
        #expect(
            error?.description == "profile 'dev': IAM Identity Center (SSO) GetRoleCredentials did not finish within 0.3 s (stopped); "
                + "check the network and the endpoint, or raise --credential-timeout / MLOPSCTL_CREDENTIAL_TIMEOUT")
    }

    @Test func defaultCacheDirectoryIsUnderHome() {
        let url = SSOToken.defaultCacheDirectory(environment: EnvironmentVariables(["HOME": "/home/alice"]))
        #expect(url.path == "/home/alice/.aws/sso/cache")
    }
}

/// A portal that never answers and ignores cancellation (a blocking read would behave so).
struct HangingSSOFetcher: SSORoleCredentialsFetching {
    func roleCredentials(accessToken: String, accountId: String, roleName: String, region: String) async throws -> AWSCredentials {
        let until = ContinuousClock.now + .seconds(600)
        while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(100)) }
        throw FakeError(description: "unreachable")
    }
}
