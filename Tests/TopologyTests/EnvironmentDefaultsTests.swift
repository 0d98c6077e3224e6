import Testing
@testable import Topology

/// AWS_PROFILE and AWS_REGION fill a stage the topology leaves without a profile or region, saying so; they never
/// override what the file names.
@Suite struct EnvironmentDefaultsTests {
    static let withoutDevProfile = """
        version: 1
        stages:
          governance: { account: "111111111111", profile: gov, region: us-east-1 }
          dev: { account: "222222222222", region: eu-west-1 }
          preprod: { account: "333333333333", profile: pre, region: us-east-1 }
          prod: { account: "444444444444", profile: prd, region: us-east-1 }
        """

    @Test func aStageWithoutAProfileTakesAWSProfileWithANote() throws {
        let defaults = EnvironmentDefaults(environment: ["AWS_PROFILE": "ops", "AWS_DEFAULT_PROFILE": "other"])
        let topology = try TopologyLoader.parse(yaml: Self.withoutDevProfile, defaults: defaults)
        #expect(topology[.dev].profile == "ops")
        #expect(topology[.governance].profile == "gov")
        #expect(topology.notes == ["stages.dev.profile is not set; using AWS_PROFILE=ops"])
    }

    @Test func awsDefaultProfileIsTheFallbackOfAWSProfile() throws {
        let topology = try TopologyLoader.parse(yaml: Self.withoutDevProfile, defaults: EnvironmentDefaults(environment: ["AWS_DEFAULT_PROFILE": "other"]))
        #expect(topology[.dev].profile == "other")
    }

    @Test func withoutTheVariableTheMissingProfileIsAnErrorNamingIt() throws {
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: Self.withoutDevProfile) }
        #expect(error.description.contains("stages.dev.profile") && error.description.contains("AWS_PROFILE"), "\(error)")
    }

    @Test func aMissingRegionTakesAWSRegionAndAFileRegionWins() throws {
        let yaml = Self.withoutDevProfile.replacingOccurrences(of: ", region: eu-west-1", with: ", profile: dev")
            .replacingOccurrences(of: "profile: gov, region: us-east-1", with: "profile: gov")
        let defaults = EnvironmentDefaults(environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "sa-east-1"])
        let topology = try TopologyLoader.parse(yaml: yaml, defaults: defaults)
        #expect(topology[.governance].region == "ap-south-1" && topology[.dev].region == "ap-south-1")
        #expect(topology[.prod].region == "us-east-1")
        #expect(topology.notes.sorted() == [
            "stages.dev.region is not set; using AWS_REGION=ap-south-1", "stages.governance.region is not set; using AWS_REGION=ap-south-1",
        ])
    }

    @Test func aBadValueInTheVariableIsNotUsed() throws {
        #expect(throws: TopologyError.self) {
            try TopologyLoader.parse(yaml: Self.withoutDevProfile, defaults: EnvironmentDefaults(environment: ["AWS_PROFILE": "bad profile\n"]))
        }
    }
}
