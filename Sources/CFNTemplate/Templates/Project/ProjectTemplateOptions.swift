/// What the SageMaker project template bakes in when it is published (`mlopsctl publish-catalog`): the CDK
/// bootstrap qualifier, the three target environments and where the seed code lives. SageMaker passes only
/// the project name and id at launch, so everything else is a concrete value here — no `{{resolve:ssm:…}}`
/// dynamic references (the emulator cannot resolve them, and baked values make the product reproducible).
public struct ProjectTemplateOptions: Sendable, Hashable {
    /// Where the build and deploy pipelines take their code from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// One CodeCommit repository per pipeline (`<name>-build`, `<name>-deploy`), created from the seed zips.
        /// CodeCommit is closed to new AWS customers (since 2024-07-25): use it only in accounts that still have it.
        case codeCommit
        /// A versioned S3 source bucket of the project: mlopsctl uploads the zips under `buildKey` and `deployKey`,
        /// and an EventBridge "Object Created" rule on each key starts its pipeline.
        case s3
    }

    /// A deployment stage of the project's endpoints.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case dev, preprod, prod
    }

    /// One AWS account and region.
    public struct Environment: Sendable, Hashable {
        public var account: String
        public var region: String

        public init(account: String, region: String) {
            self.account = account
            self.region = region
        }
    }

    /// The CDK bootstrap qualifier of all three environments (names the deploy and cfn-exec roles).
    public var qualifier: String
    /// Where the project stack itself is launched (Service Catalog in the dev account), and the dev endpoints.
    public var dev: Environment
    public var preprod: Environment
    public var prod: Environment
    /// The bucket holding the seed code zips (for `.codeCommit`, CloudFormation reads them from here; for `.s3`,
    /// mlopsctl copies them into the project's source bucket). The dev execution policy lets CloudFormation read
    /// only the dev CDK staging bucket (`BootstrapNames.stagingBucket`), so publish the zips there.
    public var seedBucket: String
    /// The object key of the build app zip: in `seedBucket`, and in the project's source bucket for `.s3`.
    public var buildKey: String
    /// The object key of the deploy app zip: in `seedBucket`, and in the project's source bucket for `.s3`.
    public var deployKey: String
    public var source: Source
    /// `aws`, or `aws-cn` / `aws-us-gov` for the other partitions (used in the baked role ARNs).
    public var partition: String

    public init(qualifier: String = BootstrapNames.defaultQualifier,
                dev: Environment,
                preprod: Environment,
                prod: Environment,
                seedBucket: String,
                buildKey: String,
                deployKey: String,
                source: Source = .s3,
                partition: String = "aws") {
        self.qualifier = qualifier
        self.dev = dev
        self.preprod = preprod
        self.prod = prod
        self.seedBucket = seedBucket
        self.buildKey = buildKey
        self.deployKey = deployKey
        self.source = source
        self.partition = partition
    }

    /// The environment of `stage`.
    public func environment(_ stage: Stage) -> Environment {
        switch stage {
        case .dev: return dev
        case .preprod: return preprod
        case .prod: return prod
        }
    }

    /// The regions other than dev's that preprod or prod deploy to, sorted: each needs an artifact store of the deploy
    /// pipeline there (a support stack, `PipelineSupportTemplate`), created by `mlopsctl publish-catalog`.
    public var supportRegions: [String] {
        Array(Set([preprod.region, prod.region]).subtracting([dev.region])).sorted()
    }

    /// The support stack names of `region` (in the dev account).
    public func supportNames(_ region: String) -> PipelineSupportNames {
        PipelineSupportNames(qualifier: qualifier, account: dev.account, region: region, partition: partition)
    }

    /// The CDK bootstrap names of the stages deploying into `region`: who reads that region's support stack.
    public func supportReaders(_ region: String) -> [BootstrapNames] {
        [Stage.preprod, .prod].filter { environment($0).region == region }.map(bootstrapNames)
    }

    /// The CDK bootstrap names (deploy role, cfn-exec role, …) of `stage`'s environment.
    public func bootstrapNames(_ stage: Stage) -> BootstrapNames {
        let environment = environment(stage)
        return BootstrapNames(qualifier: qualifier, account: environment.account, region: environment.region, partition: partition)
    }
}
