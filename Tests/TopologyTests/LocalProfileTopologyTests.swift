import Foundation
import Testing
import TestSupport
import Topology

/// `profiles/local.yaml` must stay a valid topology that matches what `scripts/local-aws` creates.
@Suite struct LocalProfileTopologyTests {
    @Test func localTopologyMatchesTheEmulatorScript() throws {
        let path = ConformanceData.packageRoot.appendingPathComponent("profiles/local.yaml").path
        let topology = try TopologyLoader.load(path: path)

        let expected: [Stage: String] = [
            .governance: "111111111111", .dev: "222222222222", .preprod: "333333333333", .prod: "444444444444",
        ]
        for config in topology.stages {
            #expect(config.account == expected[config.stage])
            #expect(config.profile == "local-\(config.stage.rawValue)")
            #expect(config.region == "us-east-1")
        }
        #expect(topology.stages.count == 4)
    }
}
