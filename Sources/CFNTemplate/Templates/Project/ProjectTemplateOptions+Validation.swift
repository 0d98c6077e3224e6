import Foundation

extension ProjectTemplateOptions {
    /// Every malformed option, one line each naming the option and the fix. Empty when the options are usable.
    public func validationProblems() -> [String] {
        var problems: [String] = []
        if !Self.matches(qualifier, "[A-Za-z0-9_-]{1,10}") {
            problems.append("qualifier \"\(qualifier)\" must be 1-10 letters, digits, '_' or '-' (the CDK bootstrap qualifier)")
        }
        var validRegions = true
        for stage in Stage.allCases {
            let environment = environment(stage)
            if !Self.matches(environment.account, "[0-9]{12}") {
                problems.append("\(stage.rawValue) account \"\(environment.account)\" must be a 12-digit AWS account id")
            }
            if !Self.matches(environment.region, "[a-z]{2}(-[a-z]+)+-[0-9]+") {
                problems.append("\(stage.rawValue) region \"\(environment.region)\" is not an AWS region name such as eu-west-1")
                validRegions = false
            }
        }
        // Each other region gets an artifact store of the deploy pipeline (a support stack); partitions cannot be crossed.
        for stage in [Stage.preprod, .prod] where validRegions && Self.partition(of: environment(stage).region) != Self.partition(of: dev.region) {
            problems.append("\(stage.rawValue) region \(environment(stage).region) is in another AWS partition than the dev region \(dev.region); "
                + "a pipeline cannot deploy across partitions: choose a region of dev's partition")
        }
        if let problem = NameRule.s3Bucket.problem(with: seedBucket) {
            problems.append("seed bucket \"\(seedBucket)\": \(problem)")
        }
        for (label, key) in [("build key", buildKey), ("deploy key", deployKey)] where !Self.isValidKey(key) {
            problems.append("\(label) \"\(key)\" must be 1-1024 characters from A-Z a-z 0-9 / ! - _ . ' ( ) and not start with '/'")
        }
        if buildKey == deployKey {
            problems.append("build key and deploy key are both \"\(buildKey)\"; give each app its own object key")
        }
        if !Self.matches(partition, "aws(-[a-z]+)*") {
            problems.append("partition \"\(partition)\" must be aws, aws-cn or aws-us-gov")
        }
        return problems
    }

    /// S3's "safe" key characters only: a key lands in `Fn::Sub` text (no `${`), IAM resource ARNs (no `*` or `?`)
    /// and EventBridge patterns.
    private static func isValidKey(_ key: String) -> Bool {
        (1...1024).contains(key.utf8.count) && !key.hasPrefix("/") && matches(key, "[A-Za-z0-9/!_.'()-]+")
    }

    /// The partition of a region (as `Workflows.Partition`): regions of different partitions share nothing.
    static func partition(of region: String) -> String {
        for (prefix, partition) in [("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-iso-", "aws-iso"), ("us-isob-", "aws-iso-b")]
        where region.hasPrefix(prefix) { return partition }
        return "aws"
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
    }
}
