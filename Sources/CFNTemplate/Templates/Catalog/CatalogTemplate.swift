/// The Service Catalog stack deployed in the dev account (the seed's `service_catalog_stack.py` +
/// `ssm_construct.py`): the portfolio and the SageMaker project product with every published version,
/// the launch role projects are provisioned as, portfolio access for the lead data scientist role, and
/// the SSM parameters the project templates read (seed-code location, stage accounts and regions).
///
/// Differences from the seed, on purpose:
/// - the launch role holds least-privilege inline permissions (CodeBuild included) instead of eight AWS
///   managed *FullAccess policies, and lives at path `/` (the dev execution policy's naming contract);
/// - the portfolio description names what it holds (the seed kept "drift detection pipelines");
/// - `/mlops/<stage>/{account_id,region}` exist for every stage, governance and dev included;
/// - no output uses `Fn::GetAtt` on a Service Catalog resource: the emulator (moto) fails a stack whose
///   outputs do; provisioning artifact ids are read with the Service Catalog API instead.
public enum CatalogTemplate {
    public static let description =
        "Service Catalog portfolio and SageMaker project product, launch role, seed-code and stage parameters (mlopsctl)"
    /// The tag that makes a product appear among SageMaker Studio's organization templates.
    public static let studioVisibilityTag = "sagemaker:studio-visibility"

    /// SSM parameters the project templates resolve.
    public enum ParameterName {
        public static let seedBucket = "/mlops/code/seed_bucket"
        public static let buildCode = "/mlops/code/build"
        public static let deployCode = "/mlops/code/deploy"
        public static func account(_ stage: String) -> String { "/mlops/\(stage)/account_id" }
        public static func region(_ stage: String) -> String { "/mlops/\(stage)/region" }
    }

    /// Logical ids other code refers to.
    public enum LogicalID {
        public static let portfolio = "Portfolio"
        public static let product = "Product"
        public static let productAssociation = "PortfolioProductAssociation"
        public static let principalAssociation = "PortfolioPrincipalAssociation"
        public static let launchRole = "LaunchRole"
        public static let launchRoleConstraint = "LaunchRoleConstraint"
    }

    public enum OutputName: String, CaseIterable, Sendable {
        case portfolioId = "PortfolioId"
        case productId = "ProductId"
        case launchRoleArn = "LaunchRoleArn"
    }

    /// The whole template for `options`.
    /// - Throws: `CatalogTemplateError` when the options break a rule (`CatalogTemplateOptions.validate`).
    public static func make(_ options: CatalogTemplateOptions) throws -> Template {
        try options.validate()
        var resources = parameterResources(options)
        resources[LogicalID.launchRole] = launchRole(options)
        resources.merge(catalogResources(options)) { first, _ in first }
        return Template(description: description, resources: resources, outputs: outputs)
    }

    // MARK: - Portfolio and product

    static func catalogResources(_ options: CatalogTemplateOptions) -> [String: Resource] {
        let portfolio: CFNValue = .ref(LogicalID.portfolio)
        let product: CFNValue = .ref(LogicalID.product)
        let artifacts: [CFNValue] = options.versions.map { version in
            [
                "Name": .string(version.name),
                "Description": .string(version.description),
                "Info": ["LoadTemplateFromURL": .string(version.templateURL)],
                "Type": "CLOUD_FORMATION_TEMPLATE",
                "DisableTemplateValidation": false,
            ]
        }
        return [
            LogicalID.portfolio: Resource(type: "AWS::ServiceCatalog::Portfolio", properties: [
                "DisplayName": .string(options.portfolioDisplayName),
                "ProviderName": .string(options.portfolioProviderName),
                "Description": .string(options.portfolioDescription),
            ]),
            LogicalID.product: Resource(type: "AWS::ServiceCatalog::CloudFormationProduct", properties: [
                "Name": .string(options.productName),
                "Owner": .string(options.productOwner),
                "Description": .string(options.productDescription),
                // Oldest first; with replacement off, existing artifacts (and their ids) survive an update.
                "ProvisioningArtifactParameters": .array(artifacts),
                "ReplaceProvisioningArtifacts": false,
                "Tags": [["Key": .string(studioVisibilityTag), "Value": "true"]],
            ]),
            LogicalID.productAssociation: Resource(
                type: "AWS::ServiceCatalog::PortfolioProductAssociation", properties: ["PortfolioId": portfolio, "ProductId": product]),
            LogicalID.principalAssociation: Resource(
                type: "AWS::ServiceCatalog::PortfolioPrincipalAssociation",
                properties: ["PortfolioId": portfolio, "PrincipalARN": .string(options.leadRoleArn), "PrincipalType": "IAM"],
                dependsOn: [LogicalID.product]),
            // A launch constraint needs the product in the portfolio first.
            LogicalID.launchRoleConstraint: Resource(
                type: "AWS::ServiceCatalog::LaunchRoleConstraint",
                properties: [
                    "PortfolioId": portfolio, "ProductId": product, "RoleArn": .getAtt(LogicalID.launchRole, "Arn"),
                    "Description": .sub("Launch as ${\(LogicalID.launchRole).Arn}"),
                ],
                dependsOn: [LogicalID.productAssociation, LogicalID.principalAssociation]),
        ]
    }

    // MARK: - Parameters

    static func parameterResources(_ options: CatalogTemplateOptions) -> [String: Resource] {
        func parameter(_ name: String, _ value: String, _ description: String) -> Resource {
            // Name is mandatory for the emulator (moto fails the stack without it) and fixed by contract anyway.
            Resource(type: "AWS::SSM::Parameter", properties: [
                "Name": .string(name), "Type": "String", "Value": .string(value), "Description": .string(description),
            ])
        }
        var resources: [String: Resource] = [
            "CodeSeedBucket": parameter(ParameterName.seedBucket, options.seedBucket, "The bucket holding the project seed code"),
            "CodeBuildKey": parameter(ParameterName.buildCode, options.buildCodeKey, "The object key of the model build seed code zip"),
            "CodeDeployKey": parameter(ParameterName.deployCode, options.deployCodeKey, "The object key of the model deploy seed code zip"),
        ]
        for (stage, target) in options.stages {
            let prefix = stagePrefix(stage)
            resources["\(prefix)AccountIdParameter"] = parameter(ParameterName.account(stage), target.account, "The \(stage) account id")
            resources["\(prefix)RegionParameter"] = parameter(ParameterName.region(stage), target.region, "The \(stage) region")
        }
        return resources
    }

    /// `preprod` → `Preprod`, `ml-dev` → `MlDev`: the logical-id prefix of a stage's parameters.
    static func stagePrefix(_ stage: String) -> String {
        stage.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: - Outputs

    static var outputs: [String: Output] {
        [
            // Ref only: moto drops these silently (it does not model Service Catalog) instead of failing the stack.
            OutputName.portfolioId.rawValue: Output(value: .ref(LogicalID.portfolio), description: "The portfolio id"),
            OutputName.productId.rawValue: Output(value: .ref(LogicalID.product), description: "The product id"),
            OutputName.launchRoleArn.rawValue: Output(
                value: .getAtt(LogicalID.launchRole, "Arn"), description: "The role Service Catalog provisions projects as"),
        ]
    }
}
