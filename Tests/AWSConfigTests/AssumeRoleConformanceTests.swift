import Foundation
import Testing
@testable import AWSConfig

/// smithy-rs `assume-role-tests.json`: 28 cases of chain resolution, compared step by step; error cases
/// are matched on meaning (the data's wording is smithy-rs's own).
@Suite struct AssumeRoleConformanceTests {
    @Test func allAssumeRoleCases() throws {
        guard let tests = try loadConformanceJSON("aws-profile-config/assume-role-tests.json") as? [[String: Any]] else { return }
        var executed = 0
        for test in tests {
            let docs = test["docs"] as? String ?? "?"
            let input = test["input"] as? [String: Any] ?? [:]
            let output = test["output"] as? [String: Any] ?? [:]
            let config = SharedConfig(
                profiles: sections(input["profiles"], docs), ssoSessions: sections(input["sso_sessions"], docs))
            let selected = input["selected_profile"] as? String ?? ""
            let result = Result { try ProfileChainResolver.resolve(profile: selected, in: config) }
            executed += 1
            if let message = output["Error"] as? String {
                guard case .failure(let error as ProfileResolutionError) = result else {
                    Issue.record("\(docs): expected an error like '\(message)', got \(result)")
                    continue
                }
                guard let expectation = Self.meaning(of: message) else {
                    Issue.record("\(docs): no known meaning for the data's error '\(message)'; extend the table")
                    continue
                }
                #expect(expectation.matches(error.reason), "\(docs): \(error)")
                if let profile = expectation.profile { #expect(error.profile == profile, "\(docs): \(error)") }
                #expect(error.description.contains("'\(error.profile)'"), "\(docs): description must name the profile")
            } else {
                let expected = (output["ProfileChain"] as? [[String: Any]] ?? []).map { Step(json: $0) }
                guard case .success(let chain) = result else {
                    Issue.record("\(docs): unexpected error \(result)")
                    continue
                }
                #expect(Step.steps(of: chain) == expected, "\(docs)")
            }
        }
        #expect(executed == 28)
    }

    private func sections(_ object: Any?, _ context: String) -> [String: Profile] {
        let map = object as? [String: Any] ?? [:]
        return Dictionary(uniqueKeysWithValues: map.map { name, values in
            (name, Profile(name: name, values: stringMap(values, context)))
        })
    }

    /// What each smithy-rs error string means in our terms, and which profile it is about.
    private static func meaning(of message: String) -> (profile: String?, matches: (ProfileResolutionError.Reason) -> Bool)? {
        let table: [(String, String?, (ProfileResolutionError.Reason) -> Bool)] = [
            ("profile must contain `source_profile`", "A", { $0 == .neitherSourceProfileNorCredentialSource }),
            ("both source_profile and credential_source", "A", { $0 == .sourceProfileAndCredentialSource }),
            ("profile missing aws_secret_access_key", "B", {
                if case .missingKey("aws_secret_access_key", _) = $0 { return true } else { return false }
            }),
            ("profile missing aws_access_key_id", "B", {
                if case .missingKey("aws_access_key_id", _) = $0 { return true } else { return false }
            }),
            ("profile `B` did not contain credential information", "B", { $0 == .noCredentials }),
            ("profile `A` did not contain credential information", "A", { $0 == .noCredentials }),
            ("could not find source profile B referenced from A", "A", {
                if case .missingSourceProfile("B", _) = $0 { return true } else { return false }
            }),
            ("No profiles were defined", "A", {
                if case .unknownProfile(_, let available) = $0 { return available.isEmpty } else { return false }
            }),
            ("infinite loop", "A", { if case .cycle = $0 { return true } else { return false } }),
            ("`role_arn` was missing", "A", { $0 == .missingKey("role_arn", because: "web_identity_token_file") }),
            ("if `sso_role_name` is set, then `sso_account_id`", "A", {
                $0 == .ssoKeysIncomplete(set: "sso_role_name", missing: "sso_account_id")
            }),
            ("if `sso_account_id` is set, then `sso_role_name`", "A", {
                $0 == .ssoKeysIncomplete(set: "sso_account_id", missing: "sso_role_name")
            }),
            ("`sso_region` can only be specified in the [sso-session]", "A", {
                $0 == .ssoKeyBelongsInSession(key: "sso_region", session: "A")
            }),
            ("sso-session named `oops`", "A", {
                if case .missingSsoSession("oops", _) = $0 { return true } else { return false }
            }),
        ]
        return table.first { message.contains($0.0) }.map { ($0.1, $0.2) }
    }

    /// One link of a chain as the data writes it (without the profile names our types also carry).
    private enum Step: Equatable {
        case accessKey(id: String?, secret: String?, token: String?, account: String?)
        case namedSource(String?)
        case webIdentity(role: String?, file: String?, session: String?)
        case sso(session: String?, region: String?, url: String?, account: String?, role: String?)
        case credentialProcess(String?)
        case assumeRole(arn: String?, externalId: String?, session: String?)
        case unknown(String)

        init(json: [String: Any]) {
            let (kind, body) = json.first ?? ("", [:])
            let fields = body as? [String: String] ?? [:]
            switch kind {
            case "AccessKey":
                self = .accessKey(
                    id: fields["access_key_id"], secret: fields["secret_access_key"], token: fields["session_token"],
                    account: fields["account_id"])
            case "NamedSource": self = .namedSource(body as? String)
            case "WebIdentityToken":
                self = .webIdentity(
                    role: fields["role_arn"], file: fields["web_identity_token_file"], session: fields["role_session_name"])
            case "Sso":
                self = .sso(
                    session: fields["sso_session"], region: fields["sso_region"], url: fields["sso_start_url"],
                    account: fields["sso_account_id"], role: fields["sso_role_name"])
            case "CredentialProcess": self = .credentialProcess(fields["command"])
            case "AssumeRole":
                self = .assumeRole(arn: fields["role_arn"], externalId: fields["external_id"], session: fields["role_session_name"])
            default: self = .unknown(kind)
            }
        }

        static func steps(of chain: ProfileChain) -> [Step] {
            let base: Step
            switch chain.base {
            case .accessKey(let keys):
                base = .accessKey(id: keys.accessKeyId, secret: keys.secretAccessKey, token: keys.sessionToken, account: keys.accountId)
            case .namedSource(let name, _): base = .namedSource(name)
            case .webIdentity(let web): base = .webIdentity(role: web.roleArn, file: web.tokenFile, session: web.sessionName)
            case .sso(let sso):
                base = .sso(session: sso.sessionName, region: sso.region, url: sso.startURL, account: sso.accountId, role: sso.roleName)
            case .credentialProcess(let command, _): base = .credentialProcess(command)
            }
            return [base] + chain.roles.map { .assumeRole(arn: $0.roleArn, externalId: $0.externalId, session: $0.sessionName) }
        }
    }
}
