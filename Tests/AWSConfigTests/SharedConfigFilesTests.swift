import Foundation
import Testing
@testable import AWSConfig

/// The loader: real files in a temporary home directory.
@Suite final class SharedConfigFilesTests {
    private let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("awsconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: home)
    }

    private func write(_ text: String, _ relative: String) throws {
        try text.write(to: home.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    private func environment(_ extra: [String: String] = [:]) -> EnvironmentVariables {
        EnvironmentVariables(["HOME": home.path].merging(extra) { $1 })
    }

    @Test func missingFilesAreEmpty() throws {
        let config = try SharedConfigFiles.load(environment: environment())
        #expect(config == SharedConfig())
    }

    @Test func mergesBothFilesWithCredentialsWinning() throws {
        try write("[profile dev]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n", ".aws/config")
        try write("[dev]\naws_access_key_id = FROMCREDS\naws_secret_access_key = s\n", ".aws/credentials")
        let dev = try #require(try SharedConfigFiles.load(environment: environment()).profile(named: "dev"))
        #expect(dev["region"] == "eu-west-1")
        #expect(dev["aws_access_key_id"] == "FROMCREDS")
        #expect(dev["aws_secret_access_key"] == "s")
    }

    @Test func honoursFileOverridesWithTildeExpansion() throws {
        try write("[profile other]\nregion = ap-south-1\n", "custom-config")
        try write("[creds]\naws_access_key_id = A\n", "custom-creds")
        let config = try SharedConfigFiles.load(
            environment: environment(["AWS_CONFIG_FILE": "~/custom-config", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/custom-creds"]))
        #expect(config.profile(named: "other")?["region"] == "ap-south-1")
        #expect(config.profile(named: "creds")?["aws_access_key_id"] == "A")
    }

    @Test func parseErrorNamesFileAndLine() throws {
        try write("[default]\nregion = us-east-1\n\n# comment\nthis line is wrong\n", ".aws/config")
        let error = try #require(throws: ConfigParseError.self) { try SharedConfigFiles.load(environment: environment()) }
        #expect(error.path == "~/.aws/config")
        #expect(error.line == 5)
        #expect(error.description == "~/.aws/config line 5: expected '[section]' or 'key = value', found 'this…'")
    }

    @Test func parseErrorInCredentialsNamesThatFile() throws {
        try write("[default]\naws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n", ".aws/credentials")
        let error = try #require(throws: ConfigParseError.self) { try SharedConfigFiles.load(environment: environment()) }
        #expect(error.description.hasPrefix("~/.aws/credentials line 2: "))
        #expect(!error.description.contains("wJalrXUtnFEMI"), "a secret must never be echoed")
    }

    @Test func directoryInPlaceOfFileIsAnError() throws {
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws/config"), withIntermediateDirectories: true)
        let error = try #require(throws: ConfigFileAccessError.self) { try SharedConfigFiles.load(environment: environment()) }
        #expect(error.path == "~/.aws/config")
        #expect(error.description.contains("directory"))
    }

    // root reads any file, so permission bits cannot make one unreadable there.
    @Test(.enabled(if: geteuid() != 0, "running as root: permission bits do not stop reads"))
    func unreadableFileIsAnError() throws {
        try write("[default]\n", ".aws/credentials")
        let path = home.appendingPathComponent(".aws/credentials").path
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        let error = try #require(throws: ConfigFileAccessError.self) { try SharedConfigFiles.load(environment: environment()) }
        #expect(error.description.contains("~/.aws/credentials"))
    }

    @Test func nonUTF8FileIsAnError() throws {
        try Data([0x5B, 0x64, 0x5D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: home.appendingPathComponent(".aws/config"))
        let error = try #require(throws: ConfigFileAccessError.self) { try SharedConfigFiles.load(environment: environment()) }
        #expect(error.description.contains("UTF-8"))
    }

    @Test func homeDirectoryOverrideBeatsEnvironment() {
        let locations = SharedConfigFiles.locations(
            environment: EnvironmentVariables(["HOME": "/ignored"]), homeDirectory: "/srv/me", pathStyle: .posix)
        #expect(locations.configFile == "/srv/me/.aws/config")
        #expect(locations.credentialsFile == "/srv/me/.aws/credentials")
    }

    @Test(arguments: [
        ([String: String](), nil as String?, "default", ProfileSelection.Source.defaultProfile),
        (["AWS_DEFAULT_PROFILE": "legacy"], nil, "legacy", .environment("AWS_DEFAULT_PROFILE")),
        (["AWS_PROFILE": "new", "AWS_DEFAULT_PROFILE": "legacy"], nil, "new", .environment("AWS_PROFILE")),
        (["AWS_PROFILE": "new"], "flag", "flag", .explicit),
        (["AWS_PROFILE": ""], nil, "default", .defaultProfile),
    ])
    func profileSelectionPrecedence(env: [String: String], explicit: String?, name: String, source: ProfileSelection.Source) {
        let selection = ProfileSelection.select(explicit: explicit, environment: EnvironmentVariables(env))
        #expect(selection == ProfileSelection(name: name, source: source))
    }
}
