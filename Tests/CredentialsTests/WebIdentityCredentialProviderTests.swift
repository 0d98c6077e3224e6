import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

@Suite struct WebIdentityCredentialProviderTests {
    @Test func readsTheTokenFileOnEveryFetch() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("first-token\n", to: "token")
        let sts = FakeRoleAssumer()
        let identity = WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path, sessionName: "pod-1")
        let provider = WebIdentityCredentialProvider(identity: identity, roleAssumer: sts)

        let credentials = try await provider.credentials()
        try dir.write("second-token", to: "token")
        _ = try await provider.credentials()

        #expect(credentials.accessKeyId == "ASIA-Pod")
        #expect(
            sts.webIdentityCalls.value == [
                .init(roleArn: "arn:aws:iam::1:role/Pod", sessionName: "pod-1", token: "first-token"),
                .init(roleArn: "arn:aws:iam::1:role/Pod", sessionName: "pod-1", token: "second-token"),
            ])
    }

    @Test func defaultSessionNameUsesTheClock() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("tok", to: "token")
        let sts = FakeRoleAssumer()
        let identity = WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path)
        let provider = WebIdentityCredentialProvider(identity: identity, roleAssumer: sts, now: { Date(timeIntervalSince1970: 42.5) })
        _ = try await provider.credentials()
        #expect(sts.webIdentityCalls.value.first?.sessionName == "mlopsctl-42500")
    }

    @Test func missingTokenFileNamesFileAndProfile() async throws {
        let sts = FakeRoleAssumer()
        let identity = WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: "/nonexistent/mlopsctl/token")
        let error = await credentialError { try await WebIdentityCredentialProvider(identity: identity, roleAssumer: sts).credentials() }
        #expect(error?.kind == .webIdentityTokenUnreadable)
        #expect(
            error?.description
                == "profile 'eks': web_identity_token_file '/nonexistent/mlopsctl/token' cannot be read; check that the file exists and holds the token")
        #expect(sts.webIdentityCalls.value.isEmpty)
    }

    @Test func emptyTokenFileIsAnError() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("\n", to: "token")
        let identity = WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path)
        let error = await credentialError {
            try await WebIdentityCredentialProvider(identity: identity, roleAssumer: FakeRoleAssumer()).credentials()
        }
        #expect(error?.kind == .webIdentityTokenUnreadable)
        #expect(error?.description.contains("is empty") == true)
    }

    @Test func environmentFormUsesTheThreeVariables() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("env-token", to: "token")
        let sts = FakeRoleAssumer()
        let env = EnvironmentVariables([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path, "AWS_ROLE_ARN": "arn:aws:iam::1:role/Ci", "AWS_ROLE_SESSION_NAME": "gha",
        ])
        let provider = try #require(try WebIdentityCredentialProvider.fromEnvironment(env, roleAssumer: sts))
        #expect(provider.origin == .environment)
        _ = try await provider.credentials()
        #expect(sts.webIdentityCalls.value == [.init(roleArn: "arn:aws:iam::1:role/Ci", sessionName: "gha", token: "env-token")])
    }

    @Test func environmentFormIsAbsentWithoutTokenFile() throws {
        let env = EnvironmentVariables(["AWS_ROLE_ARN": "arn:aws:iam::1:role/Ci"])
        #expect(try WebIdentityCredentialProvider.fromEnvironment(env, roleAssumer: FakeRoleAssumer()) == nil)
    }

    @Test func environmentFormRequiresRoleArn() {
        let env = EnvironmentVariables(["AWS_WEB_IDENTITY_TOKEN_FILE": "/tmp/token"])
        #expect(throws: CredentialError.self) { try WebIdentityCredentialProvider.fromEnvironment(env, roleAssumer: FakeRoleAssumer()) }
        do {
            _ = try WebIdentityCredentialProvider.fromEnvironment(env, roleAssumer: FakeRoleAssumer())
        } catch let error as CredentialError {
            #expect(error.kind == .webIdentityConfigIncomplete)
            #expect(error.description.contains("AWS_ROLE_ARN"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func environmentFormMissingFileSaysEnvironmentVariable() async throws {
        let env = EnvironmentVariables(["AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/tok", "AWS_ROLE_ARN": "arn:aws:iam::1:role/Ci"])
        let provider = try #require(try WebIdentityCredentialProvider.fromEnvironment(env, roleAssumer: FakeRoleAssumer()))
        let error = await credentialError { try await provider.credentials() }
        #expect(error?.description.hasPrefix("environment variables: AWS_WEB_IDENTITY_TOKEN_FILE '/nonexistent/tok' cannot be read") == true)
    }

    @Test func stsFailureIsWrapped() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("tok", to: "token")
        var sts = FakeRoleAssumer()
        sts.failure = FakeError(description: "InvalidIdentityToken: Incorrect token audience")
        let identity = WebIdentity(profile: "eks", roleArn: "arn:aws:iam::1:role/Pod", tokenFile: tokenFile.path)
        let error = await credentialError { try await WebIdentityCredentialProvider(identity: identity, roleAssumer: sts).credentials() }
        #expect(error?.kind == .roleAssumptionFailed)
        #expect(error?.description.contains("profile 'eks': AssumeRoleWithWebIdentity for arn:aws:iam::1:role/Pod failed: InvalidIdentityToken") == true)
    }
}
