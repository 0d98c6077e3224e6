import Foundation
import Testing
import TestSupport

/// `mlopsctl doctor` as a user runs it: the built binary, the emulator's profiles, a topology file.
@Suite struct DoctorCommandTests {
    static func topology(_ emulator: Emulator, overrides: [String: (account: String?, profile: String?)] = [:]) -> String {
        var lines = ["version: 1", "region: us-east-1", "stages:"]
        for account in emulator.accounts {
            let override = overrides[account.stage]
            lines.append(
                "  \(account.stage): { account: \"\(override?.account ?? account.accountID)\", profile: \(override?.profile ?? account.profile) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ emulator: Emulator, topology: String, config extra: String = "", arguments: [String] = []) async throws
        -> CommandRunner.Result
    {
        let file = emulator.directory.appendingPathComponent("topology-\(UUID().uuidString).yaml")
        try topology.write(to: file, atomically: true, encoding: .utf8)
        var environment = emulator.environment
        environment["AWS_MAX_ATTEMPTS"] = "2"
        if !extra.isEmpty {
            let config = emulator.directory.appendingPathComponent("config-\(UUID().uuidString)")
            try (String(contentsOf: emulator.configFile, encoding: .utf8) + "\n" + extra).write(to: config, atomically: true, encoding: .utf8)
            environment["AWS_CONFIG_FILE"] = config.path
        }
        environment["HOME"] = emulator.directory.path
        return try await CommandRunner().run(["doctor", "--topology", file.path] + arguments, environment: environment)
    }

    @Test func fourHealthyStages() async throws {
        try await withEmulator { emulator in
            let result = try await Self.run(emulator, topology: Self.topology(emulator))
            #expect(result.status == 0, "\(result.combined)")
            let rows = result.stdout.split(separator: "\n").filter { $0.contains(" healthy ") }
            #expect(rows.count == 4, "\(result.stdout)")
            for account in emulator.accounts {
                #expect(rows.contains { $0.hasPrefix(account.stage) && $0.contains(account.accountID) && $0.contains(account.profile) })
            }

            let json = try await Self.run(emulator, topology: Self.topology(emulator), arguments: ["--output", "json"])
            #expect(json.status == 0)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(report["healthy"] as? Bool == true)
            let stages = try #require(report["stages"] as? [[String: Any]])
            #expect(stages.map { $0["stage"] as? String } == ["governance", "dev", "preprod", "prod"])
            #expect(stages.allSatisfy { $0["verdict"] as? String == "healthy" && $0["actualAccount"] as? String == $0["expectedAccount"] as? String })
        }
    }

    @Test func wrongAccountNamesStageAccountsAndProfile() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let result = try await Self.run(emulator, topology: Self.topology(emulator, overrides: ["dev": ("999999999999", nil)]))
            #expect(result.status == 2, "\(result.combined)")
            let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("dev ") })
            #expect(row.contains("wrong-account"))
            #expect(row.contains("999999999999") && row.contains(dev.accountID) && row.contains(dev.profile))
            #expect(result.stdout.split(separator: "\n").filter { $0.contains(" healthy ") }.count == 3)
        }
    }

    @Test func eachFailureIsReportedOnItsOwnRowWithAFix() async throws {
        try await withEmulator { emulator in
            let extra = """
                [profile broken-endpoint]
                region = us-east-1
                endpoint_url = http://127.0.0.1:9
                aws_access_key_id = AKIDBROKENENDPOINT00
                aws_secret_access_key = not-a-real-secret

                [profile expired-sso]
                sso_session = corp
                sso_account_id = 333333333333
                sso_role_name = Admin
                region = us-east-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1

                [profile typo-profile]
                source_profile = does-not-exist
                role_arn = arn:aws:iam::444444444444:role/X
                """
            let topology = Self.topology(
                emulator,
                overrides: ["dev": (nil, "broken-endpoint"), "preprod": (nil, "expired-sso"), "prod": (nil, "typo-profile")])
            let result = try await Self.run(emulator, topology: topology, config: extra)
            #expect(result.status == 2, "\(result.combined)")
            let lines = result.stdout.split(separator: "\n")
            func row(_ stage: String) -> Substring? { lines.first { $0.hasPrefix(stage + " ") } }
            #expect(row("governance")?.contains("healthy") == true)
            #expect(row("dev")?.contains("unreachable") == true, "\(result.stdout)")
            #expect(row("preprod")?.contains("aws sso login --sso-session corp") == true, "\(result.stdout)")
            #expect(row("prod")?.contains("does-not-exist") == true, "\(result.stdout)")
        }
    }

    @Test func debugOutputNeverShowsASecret() async throws {
        try await withEmulator { emulator in
            // A role chain too, so that temporary credentials (and their session token) are in play.
            let gov = try #require(emulator.account("governance"))
            let dev = try #require(emulator.account("dev"))
            let extra = """
                [profile dev-via-governance]
                role_arn = arn:aws:iam::\(dev.accountID):role/OrganizationAccountAccessRole
                source_profile = \(gov.profile)
                region = us-east-1
                endpoint_url = \(emulator.endpoint.absoluteString)
                """
            let result = try await Self.run(
                emulator, topology: Self.topology(emulator, overrides: ["dev": (nil, "dev-via-governance")]), config: extra,
                arguments: ["--debug"])
            #expect(result.status == 0, "\(result.combined)")
            #expect(result.stderr.contains("GetCallerIdentity"), "debug logging is expected to show requests")
            #expect(result.stderr.contains("AssumeRole"), "the role chain is expected to call STS AssumeRole")
            for secret in try emulator.secrets() {
                #expect(!result.combined.contains(secret))
            }
            // moto's session tokens start like AWS's; no token may be printed.
            #expect(!result.combined.contains("FQoGZXIvYXdzE"))
            #expect(!result.combined.lowercased().contains("authorization"))
            #expect(!result.combined.contains("Signature="))
        }
    }
}
