import Foundation
import Testing
@testable import CFNTemplate

/// `ProjectTemplate.make` refuses options CloudFormation or the services would reject, naming each one.
@Suite struct ProjectOptionsTests {
    typealias Options = ProjectTemplateOptions

    static let cases: [(String, @Sendable (inout Options) -> Void, String)] = [
        ("qualifier", { $0.qualifier = "much-too-long-qualifier" }, "qualifier \"much-too-long-qualifier\""),
        ("account", { $0.preprod.account = "3333" }, "preprod account \"3333\" must be a 12-digit"),
        ("region", { $0.dev.region = "Europe" }, "dev region \"Europe\" is not an AWS region"),
        ("cross-partition", { $0.prod.region = "cn-north-1" }, "prod region cn-north-1 is in another AWS partition than the dev region eu-west-1"),
        ("seed bucket", { $0.seedBucket = "Seed_Bucket" }, "seed bucket \"Seed_Bucket\""),
        ("key with ${", { $0.buildKey = "seed/${AWS::Region}.zip" }, "build key \"seed/${AWS::Region}.zip\""),
        ("key with *", { $0.deployKey = "seed/*.zip" }, "deploy key \"seed/*.zip\""),
        ("absolute key", { $0.deployKey = "/seed/deploy.zip" }, "deploy key \"/seed/deploy.zip\""),
        ("same keys", { $0.deployKey = $0.buildKey }, "build key and deploy key are both"),
        ("partition", { $0.partition = "azure" }, "partition \"azure\""),
    ]

    @Test(arguments: cases.indices)
    func rejectsAMalformedOption(index: Int) throws {
        let (label, change, fragment) = Self.cases[index]
        var options = ProjectFixtures.options(.s3)
        change(&options)
        #expect(options.validationProblems().count == 1, "\(label): \(options.validationProblems())")
        do {
            _ = try ProjectTemplate.make(options)
            Issue.record("\(label): accepted")
        } catch let error as ProjectTemplateError {
            guard case .invalidOptions = error else { Issue.record("\(label): \(error)"); return }
            #expect(error.description.contains(fragment), "\(label): \(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: ProjectTemplateOptions.Source.allCases)
    func fixtureOptionsAreValid(source: ProjectTemplateOptions.Source) {
        #expect(ProjectFixtures.options(source).validationProblems() == [])
    }

    /// A region long enough to overflow the artifact bucket name for the longest project id.
    @Test func refusesNamesThatCouldOverflow() {
        var options = ProjectFixtures.options(.s3)
        let region = "xx-" + String(repeating: "long", count: 4) + "-1"
        options.dev.region = region
        options.preprod.region = region
        options.prod.region = region
        #expect(options.validationProblems() == [])
        #expect {
            try ProjectTemplate.make(options)
        } throws: { error in
            guard let error = error as? ProjectTemplateError, case .namesOverflow(let problems) = error else { return false }
            return problems.contains { $0.hasPrefix("artifact bucket") } && error.description.contains("32-character project name")
        }
    }
}
