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

    static func template(_ source: ProjectTemplateOptions.Source) throws -> Template {
        try ProjectTemplate.make(options(source))
    }

    /// The fixture file of each source variant.
    static func fixtureName(_ source: ProjectTemplateOptions.Source) -> String {
        source == .s3 ? "project-s3.json" : "project-codecommit.json"
    }
}
