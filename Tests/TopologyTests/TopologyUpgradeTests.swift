import Foundation
import Testing
@testable import Topology

/// Topology files written by earlier releases keep loading: every section added since is optional with the
/// earlier behaviour as its default.
@Suite struct TopologyUpgradeTests {
    /// Exactly what `mlopsctl init` of release 0.1.0 (9115103) wrote: no trust, executionPolicies, bootstrap, catalog or
    /// project section.
    static let writtenBy010Init = """
        # Topology written by `mlopsctl init`. Reference: README.md, section "Topology file".
        version: 1
        region: eu-west-1
        qualifier: hnb659fds
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: dev }
          preprod:    { account: "333333333333", profile: preprod }
          prod:       { account: "444444444444", profile: prod }

        """

    @Test func aFileWithoutTheNewerOptionalSectionsLoadsWithTheirDefaults() throws {
        let topology = try TopologyLoader.parse(yaml: Self.writtenBy010Init)

        #expect(topology.version == 1)
        #expect(topology.stages.map(\.region) == ["eu-west-1", "eu-west-1", "eu-west-1", "eu-west-1"])
        #expect(topology.trust == Topology.defaultTrust)
        #expect(topology.executionPolicies.isEmpty)
        #expect(topology.bootstrap == BootstrapSettings())
        #expect(topology.catalog == CatalogSettings())
        #expect(topology.project == ProjectSettings())
    }

    @Test func theVersionThisBuildWritesIsOneItReads() {
        #expect(Topology.supportedVersions.contains(Topology.supportedVersion))
        #expect(Topology.supportedVersions == Topology.supportedVersions.sorted())
    }
}
