import Testing
@testable import Topology

@Suite struct TopologyLocationTests {
    private let cwd = "/home/me/platform"

    @Test func flagBeatsEnvironment() {
        let location = TopologyLocation.resolve(explicit: "/etc/t.yaml", environment: ["MLOPSCTL_TOPOLOGY": "/env.yaml"], currentDirectory: cwd)
        #expect(location == TopologyLocation(path: "/etc/t.yaml", source: .flag))
    }

    @Test func environmentBeatsDefault() {
        let location = TopologyLocation.resolve(explicit: nil, environment: ["MLOPSCTL_TOPOLOGY": "profiles/local.yaml"], currentDirectory: cwd)
        #expect(location == TopologyLocation(path: "/home/me/platform/profiles/local.yaml", source: .environment))
    }

    @Test func defaultIsMlopsctlYamlInTheCurrentDirectory() {
        let location = TopologyLocation.resolve(explicit: nil, environment: ["OTHER": "x"], currentDirectory: cwd + "/")
        #expect(location == TopologyLocation(path: "/home/me/platform/mlopsctl.yaml", source: .defaultFile))
    }

    @Test func emptyValuesCountAsUnset() {
        let location = TopologyLocation.resolve(explicit: "", environment: ["MLOPSCTL_TOPOLOGY": ""], currentDirectory: cwd)
        #expect(location.source == .defaultFile)
    }

    @Test func relativeFlagIsTakenFromTheCurrentDirectory() {
        let location = TopologyLocation.resolve(explicit: "./t.yaml", environment: [:], currentDirectory: cwd)
        #expect(location.path == "/home/me/platform/t.yaml")
    }
}
