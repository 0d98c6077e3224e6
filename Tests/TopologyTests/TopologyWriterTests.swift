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

    /// The sections init takes from flags are written when they differ from the defaults, and read back the same;
    /// `project` is always written (how projects are launched is a choice the reader should see).
    @Test func theOptionalSectionsReadBack() throws {
        let stages = Stage.allCases.enumerated().map { index, stage in
            StageConfig(stage: stage, account: String(repeating: "\(index + 1)", count: 12), profile: "acme-\(stage.rawValue)", region: "eu-west-1")
        }
        let plain = Topology(region: "eu-west-1", qualifier: "acme01", stages: stages)
        let plainYAML = TopologyWriter.yaml(for: plain)
        #expect(plainYAML.hasSuffix("project: { source: s3, via: sagemaker }\n"), "\(plainYAML)")
        #expect(!plainYAML.contains("bootstrap:") && !plainYAML.contains("catalog:") && !plainYAML.contains("executionPolicies:"))

        let full = Topology(
            region: "eu-west-1", qualifier: "acme01", stages: stages,
            executionPolicies: [.dev: [.managed(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess")]],
            bootstrap: BootstrapSettings(stackName: "AcmeToolkit", terminationProtection: false, tags: ["cost center": "4\"2", "team": "ml"]),
            catalog: CatalogSettings(portfolioName: "Acme: templates", productVersion: "2.0"),
            project: ProjectSettings(source: .codecommit, via: .cloudformation))
        let parsed = try TopologyLoader.parse(yaml: TopologyWriter.yaml(for: full), file: "written.yaml")
        #expect(parsed.executionPolicies == full.executionPolicies)
        #expect(parsed.bootstrap == full.bootstrap)
        #expect(parsed.catalog == full.catalog)
        #expect(parsed.project == full.project)
    }
}
