import AWSConfig
import Foundation
import SigV4
import Testing

@testable import Credentials

@Suite struct StaticAndEnvironmentProviderTests {
    @Test func staticProviderReturnsProfileKeys() async throws {
        let keys = StaticKeys(profile: "dev", accessKeyId: "AKIDDEV", secretAccessKey: "s3cr3t", sessionToken: "tok", accountId: "111122223333")
        let credentials = try await StaticCredentialProvider(keys).credentials()
        #expect(credentials == AWSCredentials(accessKeyId: "AKIDDEV", secretAccessKey: "s3cr3t", sessionToken: "tok", accountId: "111122223333"))
        #expect(StaticCredentialProvider(keys).description.contains("profile 'dev'"))
    }

    @Test func environmentKeysWithSessionToken() async throws {
        let env = EnvironmentVariables([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "envtoken",
            "AWS_ACCOUNT_ID": "444455556666",
        ])
        let credentials = try await EnvironmentCredentialProvider(environment: env).credentials()
        #expect(credentials.accessKeyId == "AKIDENV")
        #expect(credentials.secretAccessKey == "envsecret")
        #expect(credentials.sessionToken == "envtoken")
        #expect(credentials.accountId == "444455556666")
        #expect(credentials.expiration == nil)
    }

    @Test func environmentKeysWithoutSessionToken() async throws {
        let env = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": ""])
        let credentials = try await EnvironmentCredentialProvider(environment: env).credentials()
        #expect(credentials.sessionToken == nil)
    }

    @Test func legacySecurityTokenIsHonoured() async throws {
        let env = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SECURITY_TOKEN": "legacy"])
        #expect(try await EnvironmentCredentialProvider(environment: env).credentials().sessionToken == "legacy")
    }

    @Test func missingSecretIsAnErrorNamingTheVariable() async throws {
        let env = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDENV"])
        let error = await credentialError { try await EnvironmentCredentialProvider(environment: env).credentials() }
        #expect(error?.kind == .environmentKeysMissing)
        #expect(error?.description.contains("AWS_SECRET_ACCESS_KEY is not set") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func credentialSourceEnvironmentNamesTheProfile() async throws {
        let error = await credentialError {
            try await EnvironmentCredentialProvider(environment: EnvironmentVariables(), profile: "ci").credentials()
        }
        #expect(error?.kind == .environmentKeysMissing)
        #expect(error?.origin == .profile("ci"))
        #expect(error?.description.contains("profile 'ci' uses credential_source = Environment") == true)
        #expect(error?.description.contains("AWS_ACCESS_KEY_ID") == true)
    }

    @Test func hasKeysLooksAtTheAccessKeyIdOnly() {
        #expect(EnvironmentCredentialProvider.hasKeys(in: EnvironmentVariables(["AWS_ACCESS_KEY_ID": "x"])))
        #expect(!EnvironmentCredentialProvider.hasKeys(in: EnvironmentVariables(["AWS_ACCESS_KEY_ID": ""])))
        #expect(!EnvironmentCredentialProvider.hasKeys(in: EnvironmentVariables(["AWS_SECRET_ACCESS_KEY": "x"])))
    }
}
