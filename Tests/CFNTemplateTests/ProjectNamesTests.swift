import Foundation
import Testing
@testable import CFNTemplate

/// `ProjectNames`: every derived name within its service's limit for the longest project name and id, the
/// template's patterns equal to the concrete names, and the deterministic shortening of run-time names.
@Suite struct ProjectNamesTests {
    static let longestName = "A" + String(repeating: "b", count: 31)
    static let longestId = "p-" + String(repeating: "a", count: 14)
    /// Among the longest region names AWS uses.
    static let longRegions = ["ap-southeast-2", "us-gov-west-1", "ap-northeast-3", "eu-central-2"]

    @Test(arguments: longRegions)
    func longestNamesFitEveryLimit(region: String) {
        let names = ProjectNames(projectName: Self.longestName, projectId: Self.longestId, account: "123456789012", region: region)
        #expect(Self.longestName.count == 32 && Self.longestId.count == 16)
        #expect(names.validationProblems() == [])
        for name in names.allNames {
            #expect(name.value.unicodeScalars.count <= name.rule.maxLength, "\(name.label) \(name.value)")
        }
        #expect(names.artifactBucket.count <= 63 && names.artifactBucket == names.artifactBucket.lowercased())
        #expect(names.sageMakerExecutionRole.count <= 64)
    }

    /// The seed's names for the same project overflow (§6.6): model 64 and endpoint config 67 characters.
    @Test func seedNamesWouldOverflowAndOursDoNot() {
        let names = ProjectNames(projectName: Self.longestName, projectId: Self.longestId, account: "123456789012", region: "eu-west-1")
        let stamp = "20240101120000"
        let seedModel = "\(Self.longestName)-\(Self.longestId)-\(stamp)"
        let seedConfig = "\(Self.longestName)-\(Self.longestId)-ec-\(stamp)"
        #expect(seedModel.count == 64 && seedConfig.count == 67)
        #expect(NameRule.sageMaker.problem(with: seedConfig) != nil)
        #expect(names.modelName(timestamp: stamp).count <= 63)
        #expect(names.endpointConfigName(timestamp: stamp).count == 63)
        #expect(NameRule.sageMaker.problem(with: names.endpointConfigName(timestamp: stamp)) == nil)
        #expect(names.sageMakerResourcePrefix.hasPrefix(String(Self.longestName.prefix(30))))
    }

    @Test func shortNamesAreNotShortened() {
        let names = ProjectNames(projectName: "churn", projectId: "p-abc123", account: "123456789012", region: "eu-west-1")
        #expect(names.sageMakerResourcePrefix == "churn-p-abc123")
        #expect(names.endpointName == "churn-p-abc123-e")
        #expect(names.modelName(timestamp: "20240101120000") == "churn-p-abc123-20240101120000")
    }

    /// FNV-1a 32-bit reference values, so other tools (the deploy app) can derive the same names.
    @Test(arguments: [("", "811c9dc5"), ("a", "e40c292c"), ("foobar", "bf9cf968")])
    func hashMatchesFNV1a(text: String, hex: String) {
        #expect(ProjectNames.hexHash(text) == hex)
    }

    @Test func shorteningIsDeterministicAndExact() {
        let long = String(repeating: "model-", count: 12)  // 72 characters, a hyphen at the cut
        let short = ProjectNames.shortened(long, toFit: 45)
        #expect(short == ProjectNames.shortened(long, toFit: 45))
        #expect(short.count <= 45)
        #expect(short.hasSuffix("-" + ProjectNames.hexHash(long)))
        #expect(!short.contains("--"), "trailing hyphens before the hash are dropped: \(short)")
        #expect(ProjectNames.shortened(long + "x", toFit: 45) != short, "different names, different hashes")
        #expect(ProjectNames.shortened("fits", toFit: 45) == "fits")
        let exact = String(repeating: "a", count: 45)
        #expect(ProjectNames.shortened(exact, toFit: 45) == exact)
        #expect(ProjectNames.shortened(exact + "a", toFit: 45).count == 45)
    }

    /// The template's `Fn::Sub` patterns, with the values put in, are exactly the concrete names.
    @Test func templatePatternsMatchConcreteNames() {
        let concrete = ProjectNames(projectName: "Churn-Model", projectId: "p-abc123", account: "222222222222", region: "eu-west-1")
        let values = [
            "SageMakerProjectName": "Churn-Model", "SageMakerProjectId": "p-abc123", "AWS::AccountId": "222222222222",
            "AWS::Region": "eu-west-1", "AWS::Partition": "aws",
        ]
        let patterns = ProjectNames.template.allNames
        #expect(patterns.count == concrete.allNames.count)
        for (pattern, name) in zip(patterns, concrete.allNames) where !name.label.hasPrefix("model") && !name.label.hasPrefix("endpoint") {
            #expect(substitute(pattern.value, values) == name.value, "\(name.label)")
        }
        #expect(substitute(ProjectNames.template.roleARN(ProjectNames.template.eventsRole), values)
                    == "arn:aws:iam::222222222222:role/mlops-p-abc123-events")
    }

    @Test func reportsEveryBrokenInput() {
        let names = ProjectNames(projectName: "9" + String(repeating: "x", count: 32), projectId: "P_ABC", account: "123456789012",
                                 region: "eu-west-1")
        let problems = names.validationProblems()
        #expect(problems.contains { $0.hasPrefix("project name \"9") && $0.contains("33 characters, over the 32") })
        #expect(problems.contains { $0.hasPrefix("project id \"P_ABC\"") && $0.contains("character 'P'") })
        // The capitals of the id reach the bucket names, which S3 would reject.
        #expect(problems.contains { $0.hasPrefix("artifact bucket \"mlops-P_ABC") })
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }

    @Test func reportsAnOverflowingRegion() {
        let region = "xx-" + String(repeating: "long", count: 4) + "-1"  // 21 characters
        let names = ProjectNames(projectName: "a", projectId: Self.longestId, account: "123456789012", region: region)
        let problems = names.validationProblems()
        #expect(problems.contains { $0.hasPrefix("artifact bucket") && $0.contains("over the 63 allowed for S3 bucket names") })
        #expect(!problems.contains { $0.hasPrefix("pipeline bucket") }, "\(problems)")
    }

    @Test(arguments: [
        (NameRule.s3Bucket, "mlops-p-1-artifacts", true), (NameRule.s3Bucket, "Mlops", false), (NameRule.s3Bucket, "ab", false),
        (NameRule.s3Bucket, "-mlops", false), (NameRule.s3Bucket, "mlops-", false),
        (NameRule.iamRole, "mlops-p-1-events", true), (NameRule.iamRole, String(repeating: "r", count: 65), false),
        (NameRule.iamRole, "mlops/role", false),
        (NameRule.sageMaker, "Churn-p-1", true), (NameRule.sageMaker, "churn_p", false), (NameRule.sageMaker, String(repeating: "m", count: 64), false),
        (NameRule.codeBuildProject, "a", false), (NameRule.codeBuildProject, "churn-build", true),
        (NameRule.codePipeline, String(repeating: "c", count: 101), false), (NameRule.eventsRule, "mlops-p-1-model-approval", true),
        (NameRule.eventsRule, "rule/x", false), (NameRule.kmsAlias, "alias/mlops-p-1-artifacts", true), (NameRule.kmsAlias, "mlops-key", false),
        (NameRule.ssmParameter, "/mlops/projects/churn/artifact-bucket", true), (NameRule.ssmParameter, "/mlops/a b", false),
        (NameRule.stackName, "churn-deploy-dev", true), (NameRule.stackName, "1churn", false),
        (NameRule.projectName, "churn", true), (NameRule.projectName, "9churn", false), (NameRule.projectId, "p-abc123def456", true),
        (NameRule.projectId, "p-ABC", false),
    ])
    func ruleDecides(rule: NameRule, name: String, valid: Bool) {
        let problem = rule.problem(with: name)
        #expect((problem == nil) == valid, "\(rule.service) \"\(name)\": \(problem ?? "valid")")
    }
}
