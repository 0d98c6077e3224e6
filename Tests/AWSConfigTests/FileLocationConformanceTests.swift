import Foundation
import Testing
@testable import AWSConfig

/// smithy-rs `file-location-tests.json`: 9 cases of home directory, file overrides and profile selection.
@Suite struct FileLocationConformanceTests {
    @Test func allFileLocationCases() throws {
        guard let root = try loadConformanceJSON("aws-profile-config/file-location-tests.json") as? [String: Any],
            let tests = root["tests"] as? [[String: Any]]
        else { return }
        var executed = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let environment = EnvironmentVariables(stringMap(test["environment"], name))
            let style: SharedConfigFiles.PathStyle = test["platform"] as? String == "windows" ? .windows : .posix
            let locations = SharedConfigFiles.locations(environment: environment, pathStyle: style)
            #expect(locations.configFile == test["configLocation"] as? String, "\(name)")
            #expect(locations.credentialsFile == test["credentialsLocation"] as? String, "\(name)")
            if let profile = test["profile"] as? String {
                #expect(ProfileSelection.select(environment: environment).name == profile, "\(name)")
            }
            executed += 1
        }
        #expect(executed == 9)
    }
}
