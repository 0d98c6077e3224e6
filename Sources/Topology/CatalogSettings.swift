/// The `catalog:` section: how the SageMaker project template is published to Service Catalog in dev.
public struct CatalogSettings: Sendable, Equatable {
    public var portfolioName: String
    public var portfolioOwner: String
    public var productName: String
    /// The provisioning artifact name of this publication; a new value adds a version and keeps the old ones.
    public var productVersion: String

    public init(
        portfolioName: String = "SageMaker Organization Templates", portfolioOwner: String = "administrator",
        productName: String = "MLOps Foundation template for real-time deployment", productVersion: String = "1.0"
    ) {
        self.portfolioName = portfolioName
        self.portfolioOwner = portfolioOwner
        self.productName = productName
        self.productVersion = productVersion
    }
}

/// The `project:` section: how SageMaker projects get their code and how `launch-project` creates them.
public struct ProjectSettings: Sendable, Equatable {
    /// Where the project pipelines read their code. CodeCommit is closed to new AWS customers, hence S3 by default.
    public enum Source: String, Sendable, Equatable, CaseIterable { case s3, codecommit }
    /// `sagemaker`: SageMaker CreateProject from the catalog product (needs Studio and Service Catalog);
    /// `cloudformation`: deploy the project template directly as a stack in dev.
    public enum Via: String, Sendable, Equatable, CaseIterable { case sagemaker, cloudformation }

    public var source: Source
    public var via: Via

    public init(source: Source = .s3, via: Via = .sagemaker) {
        self.source = source
        self.via = via
    }
}
