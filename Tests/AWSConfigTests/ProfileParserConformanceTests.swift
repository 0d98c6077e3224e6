import Foundation
import Testing
@testable import AWSConfig

/// Cross-SDK parser suite (smithy-rs `profile-parser-tests.json`): 65 cases.
@Suite struct ProfileParserConformanceTests {
    @Test func allParserCases() throws {
        guard let root = try loadConformanceJSON("aws-profile-config/profile-parser-tests.json") as? [String: Any],
            let tests = root["tests"] as? [[String: Any]]
        else { return }
        var executed = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let input = test["input"] as? [String: Any] ?? [:]
            let output = test["output"] as? [String: Any] ?? [:]
            let configText = input["configFile"] as? String ?? ""
            let credentialsText = input["credentialsFile"] as? String ?? ""
            executed += 1
            let parsed = Result { try SharedConfig.parse(configFile: configText, credentialsFile: credentialsText) }
            if output["errorContaining"] != nil {
                // The brief: expect a failure, do not match the SDK's wording.
                #expect(throws: ConfigParseError.self, "\(name)") { try parsed.get() }
                continue
            }
            guard case .success(let config) = parsed else {
                Issue.record("\(name): unexpected error \(parsed)")
                continue
            }
            let expected = output["config"] as? [String: Any] ?? [:]
            let expectedProfiles = expected["profiles"] as? [String: Any] ?? [:]
            #expect(flatten(config.profiles) == sections(expectedProfiles, name), "\(name)")
            if let sessions = expected["sso_sessions"] as? [String: Any] {
                #expect(flatten(config.ssoSessions) == sections(sessions, name), "\(name)")
            }
        }
        #expect(executed == 65)
    }

    /// The data writes a sub-property block the way smithy-rs stores it (`"\nname = value"`); decode that
    /// text into name/value pairs so it can be compared with `.subProperties`.
    private func sections(_ object: [String: Any], _ context: String) -> [String: [String: ExpectedValue]] {
        object.mapValues { section in
            stringMap(section, context).mapValues { text -> ExpectedValue in
                guard text.hasPrefix("\n") else { return .value(text) }
                var pairs: [String: String] = [:]
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let key = parts[0].trimmingCharacters(in: .whitespaces)
                    pairs[key] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
                }
                return .subProperties(pairs)
            }
        }
    }

    private func flatten(_ sections: [String: ConfigSection]) -> [String: [String: ExpectedValue]] {
        sections.mapValues { section in
            section.properties.mapValues { value in
                switch value {
                case .value(let text): return .value(text)
                case .subProperties(let pairs): return .subProperties(pairs)
                }
            }
        }
    }

    private enum ExpectedValue: Equatable, CustomStringConvertible {
        case value(String)
        case subProperties([String: String])
        var description: String {
            switch self {
            case .value(let text): return text.debugDescription
            case .subProperties(let pairs): return "sub\(pairs)"
            }
        }
    }
}
