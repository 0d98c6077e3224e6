import Foundation
import Testing
@testable import AWSConfig

/// Parser details the conformance data does not pin down: error text, line numbers, and value shapes.
@Suite struct ConfigFileParserTests {
    private func parseError(_ config: String) throws -> ConfigParseError {
        try #require(throws: ConfigParseError.self) {
            try SharedConfig.parse(configFile: config, credentialsFile: "", configPath: "~/.aws/config")
        }
    }

    @Test(arguments: [
        ("[profile foo", "~/.aws/config line 1: expected ']' closing the section header, found '[profile foo'"),
        ("region = x", "~/.aws/config line 1: expected a '[section]' header before the first 'key = value', found 'region…'"),
        ("[default]\n= value", "~/.aws/config line 2: expected a name before '=' in a property, found '=…'"),
        ("[default]\nregion : x", "~/.aws/config line 2: expected '[section]' or 'key = value', found 'region…'"),
        ("  indented", "~/.aws/config line 1: expected a '[section]' header before indented lines, found an indented line"),
        ("[default]\n\n  -continued", "~/.aws/config line 3: expected 'key = value' before an indented continuation line, found an indented line"),
        ("[default]\ns3 =\n  addressing_style path", "~/.aws/config line 3: expected 'name = value' as a sub-property of 's3', found 'addressing_style…'"),
        ("[default]\r\nregion = x\r\n\r\nbroken\r\n", "~/.aws/config line 4: expected '[section]' or 'key = value', found 'broken'"),
    ])
    func errorsNameFileLineAndExpectation(config: String, message: String) throws {
        #expect(try parseError(config).description == message)
    }

    @Test func keyMaterialIsNotEchoed() throws {
        let error = try parseError("[default]\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        #expect(error.found == "a line of 40 characters (not shown: it may hold a secret)")
    }

    @Test func subPropertiesKeepCommentsAndCase() throws {
        let config = try SharedConfig.parse(
            configFile: "[default]\nS3 =\n  Addressing_Style = path # kept\n  max_concurrent_requests = 20\n", credentialsFile: "")
        let profile = try #require(config.profile(named: "default"))
        #expect(profile.subProperties("s3") == ["Addressing_Style": "path # kept", "max_concurrent_requests": "20"])
        #expect(profile["s3"] == nil)
    }

    @Test func continuedValuesJoinWithNewlines() throws {
        let config = try SharedConfig.parse(configFile: "[default]\nca_bundle = a\n  b ; kept\n", credentialsFile: "")
        #expect(config.profile(named: "default")?["ca_bundle"] == "a\nb ; kept")
    }

    @Test func sectionsOfEachKindLandInTheirMaps() throws {
        let config = try SharedConfig.parse(
            configFile: "\u{FEFF}[default]\nregion=us-east-1\n[sso-session corp]\nsso_region = eu-west-1\n[services local]\nsts =\n endpoint_url = http://x\n[plugins p]\na = b\n",
            credentialsFile: "[sso-session corp]\nsso_region = ignored\n")
        #expect(config.profile(named: "default")?["region"] == "us-east-1")
        #expect(config.ssoSessions["corp"]?["sso_region"] == "eu-west-1")
        #expect(config.services["local"]?.subProperties("sts") == ["endpoint_url": "http://x"])
        #expect(config.profiles.count == 1)
    }

    /// Hostile input (Tests/IntegrationTests/HostileInput*): a NUL byte means a damaged file, refused with its line.
    @Test(arguments: ["[profile a\u{0}b]\nregion = us-east-1\n", "[default]\nregion = us-east-1\u{0}\n"])
    func nulBytesAreRefusedWithTheirLine(text: String) {
        #expect(throws: ConfigParseError.self) { try SharedConfig.parse(configFile: text, credentialsFile: "") }
        do {
            _ = try SharedConfig.parse(configFile: text, credentialsFile: "", configPath: "cfg")
        } catch {
            #expect("\(error)".hasPrefix("cfg line "), "\(error)")
            #expect("\(error)".contains("NUL byte"))
        }
    }
}
