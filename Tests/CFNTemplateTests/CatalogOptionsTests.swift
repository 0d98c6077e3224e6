import Foundation
import Testing
@testable import CFNTemplate

/// Bad catalog options are refused before anything renders, with an error naming the option.
@Suite struct CatalogOptionsTests {
    static let cases: [(name: String, change: @Sendable (inout CatalogTemplateOptions) -> Void, expected: CatalogTemplateError)] = [
        ("qualifier", { $0.qualifier = "way-too-long-q" }, .invalidQualifier("way-too-long-q")),
        ("display name", { $0.portfolioDisplayName = "" }, .invalidText(option: "portfolio display name", value: "", limit: 100)),
        ("provider name", { $0.portfolioProviderName = String(repeating: "x", count: 51) },
         .invalidText(option: "portfolio provider name", value: String(repeating: "x", count: 51), limit: 50)),
        ("no versions", { $0.versions = [] }, .noVersions),
        ("duplicate version", { $0.versions.append(CatalogFixtures.version("1.0", "bbbb")) }, .duplicateVersion(name: "1.0")),
        ("http URL", { $0.versions = [ProductVersion(name: "1.0", templateURL: "http://example.com/t.json", description: "d")] },
         .invalidTemplateURL(version: "1.0", url: "http://example.com/t.json")),
        ("lead role", { $0.leadRoleArn = "arn:aws:iam::222222222222:user/alice" }, .invalidRoleArn("arn:aws:iam::222222222222:user/alice")),
        ("bucket", { $0.seedBucket = "Not_A_Bucket" }, .invalidBucketName("Not_A_Bucket")),
        ("build key", { $0.buildCodeKey = "" }, .invalidObjectKey(option: "build code key", key: "")),
        ("deploy key", { $0.deployCodeKey = "${AWS::Region}.zip" }, .invalidObjectKey(option: "deploy code key", key: "${AWS::Region}.zip")),
        ("missing stage", { $0.stages["preprod"] = nil }, .missingStage("preprod")),
        ("stage name", { $0.stages["Staging"] = StageTarget(account: "555555555555", region: "eu-west-1") }, .invalidStageName("Staging")),
        ("colliding stage ids", {
            $0.stages["a-1"] = StageTarget(account: "555555555555", region: "eu-west-1")
            $0.stages["a1"] = StageTarget(account: "555555555555", region: "eu-west-1")
        }, .invalidStageName("a1")),
        ("account", { $0.stages["prod"] = StageTarget(account: "4444", region: "eu-west-1") }, .invalidAccount(stage: "prod", account: "4444")),
        ("region", { $0.stages["dev"] = StageTarget(account: "222222222222", region: "Europe") }, .invalidRegion(stage: "dev", region: "Europe")),
    ]

    @Test(arguments: cases.indices)
    func badOptionIsRefused(index: Int) {
        let bad = Self.cases[index]
        var options = CatalogFixtures.options()
        bad.change(&options)
        #expect(throws: bad.expected, "\(bad.name)") { try CatalogTemplate.make(options) }
        let text = bad.expected.description
        #expect(!text.contains("\n") && text.contains(";"), "\(bad.name): \(text)")
    }

    @Test func theFixtureOptionsAreValidAndAnExtraStageGetsItsParameters() throws {
        var options = CatalogFixtures.options()
        options.stages["ml-sandbox"] = StageTarget(account: "555555555555", region: "us-east-1")
        let template = try CatalogTemplate.make(options)
        #expect(template.resources["MlSandboxAccountIdParameter"]?.properties["Name"] == "/mlops/ml-sandbox/account_id")
        #expect(template.resources["MlSandboxRegionParameter"]?.properties["Value"] == "us-east-1")
    }

    @Test func productTemplateURLsArePathStyleS3() {
        #expect(ProductVersion.s3URL(bucket: "b", key: "k.json", region: "eu-west-1") == "https://s3.eu-west-1.amazonaws.com/b/k.json")
        #expect(ProductVersion.s3URL(bucket: "b", key: "k.json", region: "cn-north-1", urlSuffix: "amazonaws.com.cn")
            == "https://s3.cn-north-1.amazonaws.com.cn/b/k.json")
    }
}
