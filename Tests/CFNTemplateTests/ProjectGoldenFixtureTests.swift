import Foundation
import Testing
@testable import CFNTemplate

/// The rendered project template of both source variants, byte for byte, against committed fixtures.
/// `RECORD_SNAPSHOTS=1` re-records them.
@Suite struct ProjectGoldenFixtureTests {
    @Test(arguments: ProjectTemplateOptions.Source.allCases)
    func projectTemplate(source: ProjectTemplateOptions.Source) throws {
        let rendered = TemplateRenderer().render(try ProjectFixtures.template(source))
        try Snapshot.assertMatches(rendered, fixture: ProjectFixtures.fixtureName(source))
    }

    /// preprod and prod in their own regions: an artifact store per region and regional deploy actions.
    @Test func crossRegionProjectTemplateAndSupportStack() throws {
        try Snapshot.assertMatches(
            TemplateRenderer().render(try ProjectTemplate.make(ProjectFixtures.crossRegionOptions())), fixture: "project-s3-cross-region.json")
        try Snapshot.assertMatches(TemplateRenderer().render(ProjectFixtures.supportTemplate()), fixture: "pipeline-support.json")
    }

    /// The fixtures differ where the variants do, so a variant cannot silently render the other one.
    @Test func variantsDiffer() throws {
        let s3 = TemplateRenderer().render(try ProjectFixtures.template(.s3))
        let codeCommit = TemplateRenderer().render(try ProjectFixtures.template(.codeCommit))
        #expect(s3 != codeCommit)
        #expect(s3.contains("\"Provider\": \"S3\"") && !s3.contains("AWS::CodeCommit::Repository"))
        #expect(codeCommit.contains("\"Provider\": \"CodeCommit\"") && !codeCommit.contains("\"Provider\": \"S3\""))
    }
}
