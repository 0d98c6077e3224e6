@testable import CFNTemplate

/// The options the project template tests share: the emulator's dev/preprod/prod accounts in one region,
/// seed zips in the dev CDK staging bucket.
enum ProjectFixtures {
    static let dev = ProjectTemplateOptions.Environment(account: "222222222222", region: "eu-west-1")
    static let preprod = ProjectTemplateOptions.Environment(account: "333333333333", region: "eu-west-1")
    static let prod = ProjectTemplateOptions.Environment(account: "444444444444", region: "eu-west-1")
    static let buildKey = "mlops/seed-code/build_app.zip"
    static let deployKey = "mlops/seed-code/deploy_app.zip"

    static func options(_ source: ProjectTemplateOptions.Source, qualifier: String = BootstrapNames.defaultQualifier) -> ProjectTemplateOptions {
        ProjectTemplateOptions(
            qualifier: qualifier, dev: dev, preprod: preprod, prod: prod,
            seedBucket: BootstrapNames(qualifier: qualifier, account: dev.account, region: dev.region).stagingBucket,
            buildKey: buildKey, deployKey: deployKey, source: source)
    }

    /// preprod and prod each in a region of its own (dev stays in eu-west-1): the deploy pipeline acts in three regions.
    static func crossRegionOptions() -> ProjectTemplateOptions {
        var options = options(.s3)
        options.preprod.region = "eu-central-1"
        options.prod.region = "ap-southeast-2"
        return options
    }

    /// The support stack of eu-central-1 for `crossRegionOptions` (dev's account; preprod's roles read it).
    static func supportTemplate() -> Template {
        let options = crossRegionOptions()
        return PipelineSupportTemplate.make(options.supportNames("eu-central-1"), readers: options.supportReaders("eu-central-1"))
    }

    static func template(_ source: ProjectTemplateOptions.Source) throws -> Template {
        try ProjectTemplate.make(options(source))
    }

    /// The fixture file of each source variant.
    static func fixtureName(_ source: ProjectTemplateOptions.Source) -> String {
        source == .s3 ? "project-s3.json" : "project-codecommit.json"
    }
}
