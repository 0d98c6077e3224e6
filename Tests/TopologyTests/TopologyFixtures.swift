/// The example topology from the file-format description, used as the base that bad inputs mutate.
enum TopologyFixtures {
    static let valid = """
        version: 1
        region: us-east-1            # default for every stage
        qualifier: hnb659fds         # CDK bootstrap qualifier
        stages:
          governance: { account: "111111111111", profile: acme-governance }
          dev:        { account: "222222222222", profile: acme-dev }
          preprod:    { account: "333333333333", profile: acme-preprod, region: eu-west-1 }
          prod:       { account: "444444444444", profile: acme-prod }
        """

    /// `valid` with one exact substring replaced; fails loudly if the fixture drifted.
    static func valid(replacing target: String, with replacement: String) -> String {
        precondition(valid.contains(target), "fixture does not contain \(target)")
        return valid.replacingOccurrences(of: target, with: replacement)
    }
}
