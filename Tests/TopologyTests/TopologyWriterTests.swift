import Testing
@testable import Topology

@Suite struct TopologyWriterTests {
    @Test func writtenYAMLReadsBackToTheSameTopology() throws {
        let original = Topology(
            region: nil, qualifier: "acme01",
            stages: [
                StageConfig(stage: .governance, account: "011111111111", profile: "acme:gov", region: "us-east-1"),
                StageConfig(stage: .dev, account: "222222222222", profile: "acme-dev", region: "us-east-1"),
                StageConfig(stage: .preprod, account: "333333333333", profile: "acme-preprod", region: "eu-west-1"),
                StageConfig(stage: .prod, account: "444444444444", profile: "acme-prod", region: "us-east-1"),
            ],
            trust: Topology.defaultTrust.merging([.prod: [.dev]]) { $1 })
        let yaml = TopologyWriter.yaml(for: original, header: "written by a test")
        let parsed = try TopologyLoader.parse(yaml: yaml, file: "written.yaml")
        #expect(parsed.stages == original.stages)
        #expect(parsed.qualifier == "acme01")
        #expect(parsed.trust == original.trust)
        #expect(yaml.hasPrefix("# written by a test\nversion: 1\nregion: us-east-1\n"))
        #expect(yaml.contains("\"011111111111\""))
    }
}
