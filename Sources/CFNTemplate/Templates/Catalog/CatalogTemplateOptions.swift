/// One published version of the SageMaker project template: a Service Catalog provisioning artifact.
public struct ProductVersion: Sendable, Hashable {
    /// The artifact name users pick in SageMaker Studio, e.g. `1.0`.
    public var name: String
    /// Where Service Catalog loads the template from: an `https://` S3 object URL (see `s3URL`).
    public var templateURL: String
    public var description: String

    public init(name: String, templateURL: String, description: String) {
        self.name = name
        self.templateURL = templateURL
        self.description = description
    }

    /// `https://s3.<region>.amazonaws.com/<bucket>/<key>`, the path-style URL the CDK gives product templates.
    public static func s3URL(bucket: String, key: String, region: String, urlSuffix: String = "amazonaws.com") -> String {
        "https://s3.\(region).\(urlSuffix)/\(bucket)/\(key)"
    }
}

/// Where one stage lives; written to `/mlops/<stage>/account_id` and `/mlops/<stage>/region`.
public struct StageTarget: Sendable, Hashable {
    public var account: String
    public var region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }
}

/// Everything the catalog stack is built from; mlopsctl fills it from the topology, the uploaded seed-code
/// assets and the product versions published so far.
public struct CatalogTemplateOptions: Sendable, Hashable {
    /// The stages whose account and region parameters the project templates read.
    public static let requiredStages = ["governance", "dev", "preprod", "prod"]
    /// The seed's portfolio name and owner, which SageMaker Studio shows.
    public static let defaultPortfolioName = "SageMaker Organization Templates"
    public static let defaultPortfolioOwner = "administrator"
    public static let defaultPortfolioDescription = "SageMaker project templates of the MLOps platform, published by mlopsctl"
    public static let defaultProductName = "Basic MLOps template for real-time deployment"
    public static let defaultProductDescription =
        "Creates a model build pipeline that trains and registers models, and a deploy pipeline that deploys approved models "
        + "to real-time endpoints in the dev, preprod and prod accounts."

    /// The CDK bootstrap qualifier; part of the launch role's name.
    public var qualifier: String
    public var portfolioDisplayName: String
    public var portfolioProviderName: String
    public var portfolioDescription: String
    public var productName: String
    public var productOwner: String
    public var productDescription: String
    /// Every version published so far, oldest first; publishing appends one (`appending(_:)`).
    public var versions: [ProductVersion]
    /// The lead data scientist role (SSM `/mlops/role/lead`), given access to the portfolio.
    public var leadRoleArn: String
    /// The bucket holding the seed-code zips (the dev bootstrap staging bucket).
    public var seedBucket: String
    /// The object keys of the build and deploy seed-code zips (`<sha256>.zip`).
    public var buildCodeKey: String
    public var deployCodeKey: String
    /// Account and region of each stage, by stage name; must hold every `requiredStages` entry.
    public var stages: [String: StageTarget]

    public init(
        qualifier: String = BootstrapNames.defaultQualifier,
        portfolioDisplayName: String = CatalogTemplateOptions.defaultPortfolioName,
        portfolioProviderName: String = CatalogTemplateOptions.defaultPortfolioOwner,
        portfolioDescription: String = CatalogTemplateOptions.defaultPortfolioDescription,
        productName: String = CatalogTemplateOptions.defaultProductName,
        productOwner: String = CatalogTemplateOptions.defaultPortfolioOwner,
        productDescription: String = CatalogTemplateOptions.defaultProductDescription,
        versions: [ProductVersion],
        leadRoleArn: String,
        seedBucket: String,
        buildCodeKey: String,
        deployCodeKey: String,
        stages: [String: StageTarget]
    ) {
        self.qualifier = qualifier
        self.portfolioDisplayName = portfolioDisplayName
        self.portfolioProviderName = portfolioProviderName
        self.portfolioDescription = portfolioDescription
        self.productName = productName
        self.productOwner = productOwner
        self.productDescription = productDescription
        self.versions = versions
        self.leadRoleArn = leadRoleArn
        self.seedBucket = seedBucket
        self.buildCodeKey = buildCodeKey
        self.deployCodeKey = deployCodeKey
        self.stages = stages
    }

    /// `mlops-<qualifier>-catalog-launch`: the role Service Catalog provisions projects as.
    public var launchRoleName: String { "mlops-\(qualifier)-catalog-launch" }

    /// These options with `version` published: appended after the existing ones, which stay (users may
    /// still launch or update projects on them). Publishing the same version again changes nothing.
    /// - Throws: `CatalogTemplateError.versionConflict` when the name exists with another template or description.
    public func appending(_ version: ProductVersion) throws -> CatalogTemplateOptions {
        if let existing = versions.first(where: { $0.name == version.name }) {
            guard existing == version else { throw CatalogTemplateError.versionConflict(name: version.name) }
            return self
        }
        var copy = self
        copy.versions.append(version)
        return copy
    }
}
