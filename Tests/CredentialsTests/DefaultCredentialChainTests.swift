import AWSConfig
import Foundation
import SigV4
import TestSupport
import Testing

@testable import Credentials

@Suite struct DefaultCredentialChainTests {
    static let envKeys = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])
    static let profileChain = ProfileChain(
        base: .accessKey(StaticKeys(profile: "dev", accessKeyId: "AKIDPROFILE", secretAccessKey: "profile-secret")))

    func chain(_ environment: EnvironmentVariables) -> DefaultCredentialChain {
        DefaultCredentialChain(
            builder: CredentialChainBuilder(
                environment: environment, roleAssumer: FakeRoleAssumer(), ssoFetcher: FakeSSOFetcher(),
                mfaPrompt: FakeMFAPrompt(answer: ""), ssoCacheDirectory: URL(fileURLWithPath: "/nonexistent")))
    }

    @Test func explicitProfileWinsOverEnvironmentKeys() async throws {
        let provider = try chain(Self.envKeys).provider(profile: "dev", isExplicit: true) { Self.profileChain }
        #expect(try await provider.credentials().accessKeyId == "AKIDPROFILE")
    }

    @Test func explicitProfileWithoutCredentialsIsAnError() throws {
        do {
            _ = try chain(Self.envKeys).provider(profile: "typo", isExplicit: true) { nil }
            Issue.record("expected an error")
        } catch let error as CredentialError {
            #expect(error.kind == .profileNotFound)
            #expect(error.description.hasPrefix("profile 'typo' does not provide credentials"))
        }
    }

    @Test func environmentKeysComeFirstOtherwiseWithoutResolvingTheProfile() async throws {
        let resolved = LockedBox(false)
        let provider = try chain(Self.envKeys).provider(profile: "default", isExplicit: false) {
            resolved.withLock { $0 = true }
            return Self.profileChain
        }
        #expect(try await provider.credentials().accessKeyId == "AKIDENV")
        #expect(resolved.value == false)
    }

    @Test func profileChainWhenNoEnvironmentKeys() async throws {
        let provider = try chain(EnvironmentVariables()).provider(profile: "default", isExplicit: false) { Self.profileChain }
        #expect(try await provider.credentials().accessKeyId == "AKIDPROFILE")
    }

    @Test func webIdentityEnvironmentWhenNoProfile() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let token = try dir.write("jwt", to: "token")
        let env = EnvironmentVariables(["AWS_WEB_IDENTITY_TOKEN_FILE": token.path, "AWS_ROLE_ARN": "arn:aws:iam::1:role/Ci"])
        let provider = try chain(env).provider(profile: "default", isExplicit: false) { nil }
        #expect(provider is CachedCredentialProvider)
        #expect(try await provider.credentials().accessKeyId == "ASIA-Ci")
    }

    @Test func nothingConfiguredIsAnErrorWithTheFix() throws {
        do {
            _ = try chain(EnvironmentVariables()).provider(profile: "default", isExplicit: false) { nil }
            Issue.record("expected an error")
        } catch let error as CredentialError {
            #expect(error.kind == .noCredentials)
            #expect(error.description.contains("profile 'default'"))
            #expect(error.description.contains("name another profile in the topology"))
        }
    }

    @Test func resolverErrorsPropagate() {
        #expect(throws: FakeError.self) {
            try chain(EnvironmentVariables()).provider(profile: "default", isExplicit: false) { throw FakeError(description: "bad config") }
        }
    }
}
