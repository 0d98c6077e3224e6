import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

@Suite struct CredentialChainBuilderTests {
    let clock = TestClock()

    func builder(sts: FakeRoleAssumer, environment: EnvironmentVariables = EnvironmentVariables(), sso: FakeSSOFetcher = FakeSSOFetcher())
        -> CredentialChainBuilder
    {
        CredentialChainBuilder(
            environment: environment, roleAssumer: sts, ssoFetcher: sso, mfaPrompt: FakeMFAPrompt(answer: "123456"),
            ssoCacheDirectory: URL(fileURLWithPath: "/nonexistent/sso-cache"), now: clock.now)
    }

    var sts: FakeRoleAssumer {
        var sts = FakeRoleAssumer()
        sts.now = clock.now
        return sts
    }

    static let twoRoles = ProfileChain(
        base: .accessKey(StaticKeys(profile: "base", accessKeyId: "AKIDBASE", secretAccessKey: "base-secret")),
        roles: [
            RoleAssumption(profile: "a", roleArn: "arn:aws:iam::111111111111:role/RoleA"),
            RoleAssumption(profile: "b", roleArn: "arn:aws:iam::222222222222:role/RoleB", externalId: "ext-b"),
        ])

    @Test func multiStepChainAssumesInOrderWithThePreviousCredentials() async throws {
        let sts = self.sts
        let provider = try builder(sts: sts).provider(for: Self.twoRoles)

        let credentials = try await provider.credentials()

        #expect(credentials.accessKeyId == "ASIA-RoleB")
        let calls = sts.assumeCalls.value
        #expect(calls.map(\.roleArn) == ["arn:aws:iam::111111111111:role/RoleA", "arn:aws:iam::222222222222:role/RoleB"])
        #expect(calls.map(\.profile) == ["a", "b"])
        #expect(calls.map(\.sourceAccessKeyId) == ["AKIDBASE", "ASIA-RoleA"])
        #expect(calls.map(\.sourceSecret) == ["base-secret", "secret-RoleA"])
        #expect(calls.map(\.externalId) == [nil, "ext-b"])
    }

    @Test func everyRoleIsCachedAndRefreshedNearExpiry() async throws {
        let sts = self.sts
        let provider = try builder(sts: sts).provider(for: Self.twoRoles)
        _ = try await provider.credentials()
        _ = try await provider.credentials()
        #expect(sts.assumeCalls.value.count == 2)

        clock.advance(by: 3600 - 120)
        _ = try await provider.credentials()
        // RoleB's refresh asks RoleA's cache for its source, which is inside the window too.
        #expect(sts.assumeCalls.value.map(\.profile) == ["a", "b", "a", "b"])
    }

    @Test func concurrentCallersAssumeEachRoleOnce() async throws {
        let sts = self.sts
        let provider = try builder(sts: sts).provider(for: Self.twoRoles)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = try await provider.credentials() } }
            try await group.waitForAll()
        }
        #expect(sts.assumeCalls.value.map(\.profile) == ["a", "b"])
    }

    @Test func staticBaseIsNotWrappedInACache() throws {
        let provider = try builder(sts: sts).provider(for: ProfileChain(base: Self.twoRoles.base))
        #expect(provider is StaticCredentialProvider)
    }

    @Test func temporaryBasesAreCached() throws {
        let b = builder(sts: sts)
        let sources: [BaseCredentialSource] = [
            .webIdentity(WebIdentity(profile: "w", roleArn: "arn:aws:iam::1:role/W", tokenFile: "/tmp/t")),
            .sso(SingleSignOn(profile: "s", sessionName: "corp", startURL: "https://x", region: "eu-west-1", accountId: "1", roleName: "R")),
            .credentialProcess(command: "true", profile: "p"),
        ]
        for source in sources {
            #expect(try b.provider(for: ProfileChain(base: source)) is CachedCredentialProvider)
        }
    }

    @Test func credentialSourceEnvironmentFeedsTheRole() async throws {
        let sts = self.sts
        let env = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])
        let chain = ProfileChain(
            base: .namedSource(name: "Environment", profile: "ci"), roles: [RoleAssumption(profile: "ci", roleArn: "arn:aws:iam::1:role/Ci")])
        _ = try await builder(sts: sts, environment: env).provider(for: chain).credentials()
        #expect(sts.assumeCalls.value.map(\.sourceAccessKeyId) == ["AKIDENV"])
    }

    @Test(arguments: ["Ec2InstanceMetadata", "EcsContainer"])
    func instanceAndContainerSourcesAreUnsupported(_ name: String) throws {
        let chain = ProfileChain(base: .namedSource(name: name, profile: "box"), roles: [RoleAssumption(profile: "box", roleArn: "arn:aws:iam::1:role/X")])
        #expect(throws: CredentialError.self) { try builder(sts: sts).provider(for: chain) }
        do {
            _ = try builder(sts: sts).provider(for: chain)
        } catch let error as CredentialError {
            #expect(error.kind == .unsupportedCredentialSource)
            #expect(
                error.description
                    == "profile 'box': credential_source = \(name) is not supported by mlopsctl; use credential_source = Environment or a source_profile")
        }
    }

    @Test func unknownCredentialSourceIsRejected() throws {
        let chain = ProfileChain(base: .namedSource(name: "environment", profile: "box"))
        do {
            _ = try builder(sts: sts).provider(for: chain)
            Issue.record("expected an error")
        } catch let error as CredentialError {
            #expect(error.description.hasPrefix("profile 'box': credential_source = 'environment' is not a recognised value"))
        }
    }

    @Test func webIdentityBaseThenRole() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let token = try dir.write("jwt", to: "token")
        let sts = self.sts
        let chain = ProfileChain(
            base: .webIdentity(WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: token.path)),
            roles: [RoleAssumption(profile: "target", roleArn: "arn:aws:iam::2:role/Target")])
        #expect(try await builder(sts: sts).provider(for: chain).credentials().accessKeyId == "ASIA-Target")
        #expect(sts.webIdentityCalls.value.map(\.token) == ["jwt"])
        #expect(sts.assumeCalls.value.map(\.sourceAccessKeyId) == ["ASIA-Pod"])
    }

    @Test func descriptionShowsTheChainWithoutSecrets() throws {
        let description = try builder(sts: sts).provider(for: Self.twoRoles).description
        #expect(description.contains("role arn:aws:iam::222222222222:role/RoleB"))
        #expect(description.contains("role arn:aws:iam::111111111111:role/RoleA"))
        #expect(description.contains("StaticCredentialProvider(profile 'base')"))
        #expect(!description.contains("base-secret"))
    }
}
