import Foundation
import Testing
@testable import CFNTemplate

/// The Service Catalog stack's structure: parameters, portfolio, product versions, associations, outputs.
@Suite struct CatalogTemplateTests {
    let options = CatalogFixtures.options()

    @Test func declaresExactlyTheCatalogResources() throws {
        let template = try CatalogTemplate.make(options)
        let types = template.resources.mapValues(\.type)
        #expect(types.filter { $0.value == "AWS::SSM::Parameter" }.count == 3 + 2 * 4)
        #expect(types["Portfolio"] == "AWS::ServiceCatalog::Portfolio")
        #expect(types["Product"] == "AWS::ServiceCatalog::CloudFormationProduct")
        #expect(types["PortfolioProductAssociation"] == "AWS::ServiceCatalog::PortfolioProductAssociation")
        #expect(types["PortfolioPrincipalAssociation"] == "AWS::ServiceCatalog::PortfolioPrincipalAssociation")
        #expect(types["LaunchRoleConstraint"] == "AWS::ServiceCatalog::LaunchRoleConstraint")
        #expect(types["LaunchRole"] == "AWS::IAM::Role")
        #expect(template.resources.count == 11 + 6)
        #expect(template.parameters.isEmpty)
        #expect(template.description == CatalogTemplate.description)
    }

    @Test func ssmParametersHaveNamesAndTheOptionsValues() throws {
        let template = try CatalogTemplate.make(options)
        var byName: [String: String] = [:]
        for resource in template.resources.values where resource.type == "AWS::SSM::Parameter" {
            #expect(resource.properties["Type"] == "String")
            let name = try #require(resource.properties["Name"]?.text, "SSM parameters need a Name (moto fails without)")
            byName[name] = resource.properties["Value"]?.text
        }
        var expected = [
            "/mlops/code/seed_bucket": CatalogFixtures.bucket, "/mlops/code/build": CatalogFixtures.buildKey,
            "/mlops/code/deploy": CatalogFixtures.deployKey,
        ]
        for (stage, target) in CatalogFixtures.stages {
            expected["/mlops/\(stage)/account_id"] = target.account
            expected["/mlops/\(stage)/region"] = target.region
        }
        #expect(byName == expected)
        #expect(template.resources["PreprodAccountIdParameter"]?.properties["Name"] == "/mlops/preprod/account_id")
        #expect(template.resources["CodeSeedBucket"]?.properties["Value"] == .string(CatalogFixtures.bucket))
    }

    @Test func portfolioUsesTheSeedDefaultsWithARealDescription() throws {
        let portfolio = try #require(try CatalogTemplate.make(options).resources["Portfolio"])
        #expect(portfolio.properties["DisplayName"] == "SageMaker Organization Templates")
        #expect(portfolio.properties["ProviderName"] == "administrator")
        let description = try #require(portfolio.properties["Description"]?.text)
        #expect(!description.contains("drift detection"))
        #expect(description.contains("SageMaker project templates"))
    }

    @Test func portfolioAndProductNamesComeFromTheOptions() throws {
        var custom = options
        custom.portfolioDisplayName = "ML Platform"
        custom.portfolioProviderName = "platform-team"
        custom.productName = "Real-time project"
        custom.productOwner = "ml-platform"
        custom.productDescription = "Build and deploy pipelines"
        let template = try CatalogTemplate.make(custom)
        #expect(template.resources["Portfolio"]?.properties["DisplayName"] == "ML Platform")
        #expect(template.resources["Portfolio"]?.properties["ProviderName"] == "platform-team")
        let product = try #require(template.resources["Product"])
        #expect(product.properties["Name"] == "Real-time project")
        #expect(product.properties["Owner"] == "ml-platform")
        #expect(product.properties["Description"] == "Build and deploy pipelines")
    }

    @Test func productIsVisibleInStudioAndLoadsEachVersionFromItsURL() throws {
        let product = try #require(try CatalogTemplate.make(options).resources["Product"])
        #expect(product.properties["Tags"] == [["Key": "sagemaker:studio-visibility", "Value": "true"]])
        #expect(product.properties["ReplaceProvisioningArtifacts"] == false)
        let artifacts = try #require(product.properties["ProvisioningArtifactParameters"]?.items)
        #expect(artifacts.count == 1)
        #expect(artifacts[0]["Name"] == "1.0")
        #expect(artifacts[0]["Info"]?["LoadTemplateFromURL"]
            == "https://s3.eu-west-1.amazonaws.com/cdk-hnb659fds-assets-222222222222-eu-west-1/aaaa.json")
        #expect(artifacts[0]["Type"] == "CLOUD_FORMATION_TEMPLATE")
        #expect(artifacts[0]["DisableTemplateValidation"] == false)
    }

    @Test func publishingAppendsAVersionAndKeepsEveryEarlierOne() throws {
        let first = CatalogFixtures.version("1.0", "aaaa")
        let second = CatalogFixtures.version("1.1", "bbbb")
        let third = CatalogFixtures.version("2.0", "cccc")
        let published = try options.appending(second).appending(third)

        let artifacts = try #require(try CatalogTemplate.make(published).resources["Product"]?.properties["ProvisioningArtifactParameters"]?.items)

        #expect(artifacts.compactMap { $0["Name"]?.text } == ["1.0", "1.1", "2.0"])
        #expect(artifacts.compactMap { $0["Info"]?["LoadTemplateFromURL"]?.text } == [first, second, third].map(\.templateURL))
        #expect(artifacts.compactMap { $0["Description"]?.text } == [first, second, third].map(\.description))
        // The earlier versions render exactly as before.
        let before = try #require(try CatalogTemplate.make(options).resources["Product"]?.properties["ProvisioningArtifactParameters"]?.items)
        #expect(Array(artifacts.prefix(1)) == before)
    }

    @Test func republishingTheSameVersionChangesNothingButAConflictingOneIsRefused() throws {
        let same = CatalogFixtures.version("1.0", "aaaa")
        #expect(try options.appending(same) == options)
        let conflicting = CatalogFixtures.version("1.0", "ffff")
        #expect(throws: CatalogTemplateError.versionConflict(name: "1.0")) { try options.appending(conflicting) }
    }

    @Test func associationsGrantTheLeadRoleAndConstrainLaunchesToTheLaunchRole() throws {
        let template = try CatalogTemplate.make(options)
        let association = try #require(template.resources["PortfolioProductAssociation"])
        #expect(association.properties == ["PortfolioId": .ref("Portfolio"), "ProductId": .ref("Product")])
        let principal = try #require(template.resources["PortfolioPrincipalAssociation"])
        #expect(principal.properties["PrincipalARN"] == .string(CatalogFixtures.leadRole))
        #expect(principal.properties["PrincipalType"] == "IAM")
        #expect(principal.properties["PortfolioId"] == .ref("Portfolio"))
        let constraint = try #require(template.resources["LaunchRoleConstraint"])
        #expect(constraint.properties["RoleArn"] == .getAtt("LaunchRole", "Arn"))
        #expect(constraint.properties["ProductId"] == .ref("Product"))
        #expect(constraint.properties["Description"] == .sub("Launch as ${LaunchRole.Arn}"))
        #expect(Set(constraint.dependsOn) == ["PortfolioProductAssociation", "PortfolioPrincipalAssociation"])
    }

    /// The emulator fails a stack whose outputs use GetAtt on a type it does not model (all of Service Catalog).
    @Test func outputsNeverGetAttAServiceCatalogResource() throws {
        let template = try CatalogTemplate.make(options)
        #expect(Set(template.outputs.keys) == Set(CatalogTemplate.OutputName.allCases.map(\.rawValue)))
        #expect(template.outputs["PortfolioId"]?.value == .ref("Portfolio"))
        #expect(template.outputs["ProductId"]?.value == .ref("Product"))
        #expect(template.outputs["LaunchRoleArn"]?.value == .getAtt("LaunchRole", "Arn"))
        for (name, output) in template.outputs {
            if case .getAtt(let resource, _) = output.value {
                #expect(template.resources[resource]?.type.hasPrefix("AWS::ServiceCatalog::") == false, "\(name)")
            }
        }
    }

    @Test func theValidatorFindsNoProblem() throws {
        let published = try options.appending(CatalogFixtures.version("1.1", "bbbb"))
        #expect(TemplateValidator().problems(in: try CatalogTemplate.make(published)) == [])
    }

    @Test func goldenFixture() throws {
        let published = try options.appending(CatalogFixtures.version("1.1", "bbbb"))
        try Snapshot.assertMatches(TemplateRenderer().render(try CatalogTemplate.make(published)), fixture: "catalog.json")
    }
}
