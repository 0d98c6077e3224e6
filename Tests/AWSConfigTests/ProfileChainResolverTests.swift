import Foundation
import Testing
@testable import AWSConfig

/// Behaviour beyond the conformance data: role parameters, attribution, and the wording of errors.
@Suite struct ProfileChainResolverTests {
    private func config(_ profiles: [String: [String: String]], sso: [String: [String: String]] = [:]) -> SharedConfig {
        SharedConfig(
            profiles: Dictionary(uniqueKeysWithValues: profiles.map { ($0, Profile(name: $0, values: $1)) }),
            ssoSessions: Dictionary(uniqueKeysWithValues: sso.map { ($0, ConfigSection(name: $0, values: $1)) }))
    }

    private func failure(_ profile: String, _ config: SharedConfig) throws -> ProfileResolutionError {
        try #require(throws: ProfileResolutionError.self) { try ProfileChainResolver.resolve(profile: profile, in: config) }
    }

    @Test func roleParametersAreCarried() throws {
        let chain = try ProfileChainResolver.resolve(profile: "dev", in: config([
            "dev": [
                "role_arn": "arn:aws:iam::1:role/Dev", "source_profile": "base", "external_id": "ext",
                "role_session_name": "me", "mfa_serial": "arn:aws:iam::1:mfa/me", "duration_seconds": "7200",
            ],
            "base": ["aws_access_key_id": "AKID", "aws_secret_access_key": "s", "aws_session_token": "t", "aws_account_id": "1"],
        ]))
        #expect(chain.base == .accessKey(StaticKeys(profile: "base", accessKeyId: "AKID", secretAccessKey: "s", sessionToken: "t", accountId: "1")))
        #expect(chain.roles == [RoleAssumption(
            profile: "dev", roleArn: "arn:aws:iam::1:role/Dev", externalId: "ext", sessionName: "me",
            mfaSerial: "arn:aws:iam::1:mfa/me", durationSeconds: 7200)])
    }

    @Test func longChainsApplyRolesInnermostFirst() throws {
        let chain = try ProfileChainResolver.resolve(profile: "p0", in: config([
            "p0": ["role_arn": "r0", "source_profile": "p1"],
            "p1": ["role_arn": "r1", "source_profile": "p2"],
            "p2": ["role_arn": "r2", "source_profile": "p3"],
            "p3": ["role_arn": "r3", "credential_source": "EcsContainer"],
        ]))
        #expect(chain.base == .namedSource(name: "EcsContainer", profile: "p3"))
        #expect(chain.roles.map(\.roleArn) == ["r3", "r2", "r1", "r0"])
        #expect(chain.roles.map(\.profile) == ["p3", "p2", "p1", "p0"])
    }

    @Test func credentialProcessIsABaseSource() throws {
        let chain = try ProfileChainResolver.resolve(profile: "p", in: config(["p": ["credential_process": "/bin/creds --x"]]))
        #expect(chain == ProfileChain(base: .credentialProcess(command: "/bin/creds --x", profile: "p")))
    }

    @Test func ssoSessionValuesMatchingTheProfileAreAccepted() throws {
        let chain = try ProfileChainResolver.resolve(profile: "p", in: config(
            ["p": ["sso_session": "s", "sso_region": "eu-west-1", "sso_account_id": "1", "sso_role_name": "Admin"]],
            sso: ["s": ["sso_region": "eu-west-1", "sso_start_url": "https://x.awsapps.com/start"]]))
        #expect(chain.base == .sso(SingleSignOn(
            profile: "p", sessionName: "s", startURL: "https://x.awsapps.com/start", region: "eu-west-1", accountId: "1", roleName: "Admin")))
    }

    @Test func ssoSessionWithoutStartURLNamesTheSection() throws {
        let error = try failure("p", config(["p": ["sso_session": "s"]], sso: ["s": ["sso_region": "us-east-1"]]))
        #expect(error.reason == .missingSsoKey("sso_start_url", session: "s"))
        #expect(error.description.contains("[sso-session s]"))
    }

    @Test func bothSourceProfileAndCredentialSource() throws {
        let error = try failure("dev", config([
            "dev": ["role_arn": "r", "source_profile": "base", "credential_source": "Environment"], "base": [:],
        ]))
        #expect(error.description == "profile 'dev' sets role_arn with both source_profile and credential_source; keep exactly one")
    }

    @Test func cycleListsThePath() throws {
        let error = try failure("a", config([
            "a": ["role_arn": "r", "source_profile": "b"], "b": ["role_arn": "r", "source_profile": "c"],
            "c": ["role_arn": "r", "source_profile": "b"],
        ]))
        #expect(error.reason == .cycle(["a", "b", "c", "b"]))
        #expect(error.description.contains("profile 'a'"))
        #expect(error.description.contains("a → b → c → b"))
    }

    @Test func unknownProfileSuggestsClosestNames() throws {
        let error = try failure("dve", config(["dev": [:], "prod": [:], "default": [:]]))
        #expect(error.reason == .unknownProfile(didYouMean: ["dev"], available: ["default", "dev", "prod"]))
        #expect(error.description == "profile 'dve' does not exist; did you mean 'dev'?")
    }

    @Test func unknownProfileWithoutCloseNameListsSome() throws {
        let error = try failure("staging", config(["dev": [:], "prod": [:]]))
        #expect(error.description == "profile 'staging' does not exist; existing profiles: 'dev', 'prod'")
    }

    @Test func missingSourceProfileNamesTheReferrerAndSuggests() throws {
        let error = try failure("top", config([
            "top": ["role_arn": "r", "source_profile": "mid"], "mid": ["role_arn": "r", "source_profile": "bsae"], "base": [:],
        ]))
        #expect(error.profile == "mid")
        #expect(error.via == ["top"])
        #expect(error.description == "profile 'mid' (reached via source_profile from 'top') sets source_profile = 'bsae', "
            + "but no profile 'bsae' exists; did you mean 'base'?")
    }

    @Test(arguments: ["abc", "899", "43201", "3600.5", ""])
    func invalidDurationIsRejected(value: String) throws {
        let error = try failure("dev", config([
            "dev": ["role_arn": "r", "credential_source": "Environment", "duration_seconds": value],
        ]))
        #expect(error.reason == .invalidDurationSeconds(value))
        #expect(error.description.hasPrefix("profile 'dev' sets duration_seconds"))
        #expect(error.description.contains("900 to 43200"))
    }

    @Test func unsupportedCredentialSourceListsAllowedValues() throws {
        let error = try failure("dev", config(["dev": ["role_arn": "r", "credential_source": "environment"]]))
        #expect(error.description.contains("'environment'"))
        #expect(error.description.contains("Environment, Ec2InstanceMetadata, EcsContainer"))
    }

    @Test func errorsNeverContainSecrets() throws {
        let error = try failure("dev", config(["dev": ["aws_secret_access_key": "TOPSECRETVALUE", "aws_session_token": "TOKENVALUE"]]))
        #expect(error.reason == .missingKey("aws_access_key_id", because: "aws_secret_access_key"))
        #expect(!error.description.contains("TOPSECRETVALUE"))
        let keys = StaticKeys(profile: "p", accessKeyId: "AKID", secretAccessKey: "TOPSECRETVALUE", sessionToken: "TOKENVALUE")
        #expect(!"\(keys)".contains("TOPSECRETVALUE") && !"\(keys)".contains("TOKENVALUE"))
        #expect(!String(reflecting: keys).contains("TOPSECRETVALUE"))
    }

    @Test func suggestionsHandleTranspositionsAndPrefixes() {
        #expect(NameSuggestions.closest(to: "porduction", among: ["production", "dev"]) == ["production"])
        #expect(NameSuggestions.closest(to: "prod", among: ["production", "dev", "sandbox"]) == ["production"])
        #expect(NameSuggestions.closest(to: "xyz", among: ["production", "sandbox"]).isEmpty)
    }
}
