import Foundation
import Testing
@testable import CFNTemplate

/// The rendered built-in templates, byte for byte, against committed fixtures: any change to what
/// mlopsctl deploys shows up as a reviewed diff. `RECORD_SNAPSHOTS=1` re-records them.
@Suite struct GoldenFixtureTests {
    static let stages = ["dev", "governance", "preprod", "prod"]

    @Test func bootstrapTemplate() throws {
        try Snapshot.assertMatches(TemplateRenderer().render(BootstrapTemplate.make()), fixture: "bootstrap.json")
    }

    @Test(arguments: stages)
    func executionPolicyTemplate(stage: String) throws {
        let template = try ExecutionPolicyTemplate.make(stage: stage)
        try Snapshot.assertMatches(TemplateRenderer().render(template), fixture: "execution-policy-\(stage).json")
    }

    /// Every stage with a bundled document has a fixture (a new policy file cannot slip by untested).
    @Test func fixturesCoverEveryBundledStage() {
        #expect(ExecutionPolicyDocuments.stages == Self.stages)
    }
}
