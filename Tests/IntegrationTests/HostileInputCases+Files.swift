import Foundation
import TestSupport

/// Hostile AWS config files and topology files.
extension HostileInputCase {
    static func fixture(_ name: String) -> String {
        let url = ConformanceData.packageRoot.appendingPathComponent("Tests/IntegrationTests/Fixtures/hostile/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(name)"
    }

    static let megabyte = String(repeating: "a", count: 1 << 20)

    static let iniCases: [HostileInputCase] = {
        let c = HostileCategory.ini
        return [
            HostileInputCase(
                category: c, name: "NUL bytes in a section header",
                config: .bytes { Data("[profile gov\0evil]\nregion = us-east-1\n".utf8) }, expected: ["config line 1", "NUL"]),
            HostileInputCase(
                category: c, name: "NUL bytes in a value",
                config: .bytes { Data("[profile gov]\nregion = us-east-1\0\nendpoint_url = http://127.0.0.1:9\n".utf8) }, expected: ["config line 2", "NUL"]),
            HostileInputCase(
                category: c, name: "a megabyte line that is not a property",
                config: .bytes { Data("[profile gov]\nregion = us-east-1\n\(HostileInputCase.megabyte)\n".utf8) }, expected: ["config line 3"]),
            HostileInputCase(
                category: c, name: "a megabyte credential_process command",
                config: .bytes {
                    Data("[profile gov]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\ncredential_process = \(HostileInputCase.megabyte)\n".utf8)
                },
                credentials: .text(""), expected: ["gov", "credential_process"]),
            HostileInputCase(
                category: c, name: "an unterminated section header",
                config: .text("[profile gov\nregion = us-east-1\n"), expected: ["config line 1", "]"]),
            HostileInputCase(
                category: c, name: "10,000 profiles and a topology naming one that is not there",
                edits: [("profile: gov }", "profile: gvo }")],
                config: .bytes {
                    var text = ""
                    for index in 0..<10_000 { text += "[profile p\(index)]\nregion = us-east-1\n" }
                    return Data((text + HostileInputCase.validConfig.replacingOccurrences(of: "{ENDPOINT}", with: closedEndpoint)).utf8)
                },
                expected: ["gvo"]),
            HostileInputCase(
                category: c, name: "cyclic source_profile", config: .text(fixture("cyclic-source-profile.ini")), credentials: .text(""),
                expected: ["gov", "cycle"]),
            HostileInputCase(
                category: c, name: "source_profile naming a profile that does not exist",
                config: .text(
                    "[profile gov]\nregion = us-east-1\nendpoint_url = {ENDPOINT}\nrole_arn = arn:aws:iam::111111111111:role/A\nsource_profile = nowhere\n"),
                credentials: .text(""), expected: ["nowhere"]),
            HostileInputCase(
                category: c, name: "the credentials file is a directory", credentials: .directory, expected: ["credentials", "directory"]),
            HostileInputCase(
                category: c, name: "a config file that is not UTF-8",
                config: .bytes { Data([0x5B, 0x70, 0x72, 0x6F, 0x66, 0xFF, 0xFE, 0x5D, 0x0A, 0xC3, 0x28]) }, expected: ["config"]),
            HostileInputCase(
                category: c, name: "max_attempts that is not a number",
                config: .text(validConfig + "max_attempts = lots\n"), environment: ["AWS_MAX_ATTEMPTS": unset],
                expected: ["max_attempts", "lots"]),
            HostileInputCase(
                category: c, name: "an unknown retry_mode",
                config: .text(validConfig + "retry_mode = aggressive\n"), expected: ["retry_mode", "aggressive"]),
            HostileInputCase(
                category: c, name: "a profile with no credentials at all",
                config: .text(validConfig), credentials: .text(""), expected: ["gov", "credentials"]),
        ]
    }()

    static let topologyCases: [HostileInputCase] = {
        let c = HostileCategory.topology
        let valid = validTopology
        return [
            HostileInputCase(
                category: c, name: "stages as a list", topology: .text("version: 1\nregion: us-east-1\nstages: [governance, dev, preprod, prod]\n"),
                expected: ["mlopsctl.yaml", "stages"]),
            HostileInputCase(
                category: c, name: "region as a list", edits: [("region: us-east-1", "region: [us-east-1, eu-west-1]")],
                expected: ["mlopsctl.yaml", "region"]),
            HostileInputCase(
                category: c, name: "a stage that is a string", edits: [("  dev:        { account: \"222222222222\", profile: gov }", "  dev: yes")],
                expected: ["mlopsctl.yaml", "dev"]),
            HostileInputCase(category: c, name: "alias bomb (billion laughs)", topology: .text(fixture("alias-bomb.yaml")), expected: ["mlopsctl.yaml", "unknown key"]),
            HostileInputCase(
                category: c, name: "unknown key with a did-you-mean", topology: .text(fixture("unknown-key.yaml")), expected: ["regoin", "region"]),
            HostileInputCase(
                category: c, name: "a stage given twice", topology: .text(fixture("duplicate-stages.yaml")), expected: ["mlopsctl.yaml", "dev"]),
            HostileInputCase(category: c, name: "tabs for indentation", topology: .text(fixture("tabs.yaml")), expected: ["mlopsctl.yaml", "line 4"]),
            HostileInputCase(category: c, name: "a directory instead of a file", topology: .directory, expected: ["mlopsctl.yaml", "directory"]),
            HostileInputCase(category: c, name: "an empty file", topology: .text(""), expected: ["mlopsctl.yaml", "empty"]),
            HostileInputCase(category: c, name: "an unknown version", edits: [("version: 1", "version: 7")], expected: ["mlopsctl.yaml", "version", "7"]),
            HostileInputCase(
                category: c, name: "a base-60 version that overflows (trapped in Yams)",
                edits: [("version: 1", "version: " + Array(repeating: "2222", count: 40).joined(separator: ":"))], expected: ["mlopsctl.yaml", "version"]),
            HostileInputCase(category: c, name: "a version that is not a number", edits: [("version: 1", "version: one")], expected: ["mlopsctl.yaml", "version"]),
            HostileInputCase(
                category: c, name: "NUL bytes in the file",
                topology: .bytes { Data(valid.replacingOccurrences(of: "profile: gov }", with: "profile: g\0v }").utf8) },
                expected: ["mlopsctl.yaml"]),
            HostileInputCase(
                category: c, name: "flow collections nested 100,000 deep",
                topology: .bytes { Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8) },
                expected: ["mlopsctl.yaml"]),
            HostileInputCase(
                category: c, name: "a megabyte profile name", edits: [("profile: gov }", "profile: \(megabyte) }")], expected: ["mlopsctl.yaml"]),
            HostileInputCase(
                category: c, name: "a topology that is not UTF-8", topology: .bytes { Data([0x76, 0x65, 0x72, 0xFF, 0xFE, 0x3A, 0x20, 0x31]) },
                expected: ["mlopsctl.yaml", "UTF-8"]),
        ]
    }()
}
