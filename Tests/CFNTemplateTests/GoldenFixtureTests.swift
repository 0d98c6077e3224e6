import Foundation
import Testing
@testable import CFNTemplate

/// The rendered built-in templates, byte for byte, against committed fixtures: any change to what
/// mlopsctl deploys shows up as a reviewed diff.
@Suite struct GoldenFixtureTests {
    @Test func bootstrapTemplate() throws {
        try Snapshot.assertMatches(TemplateRenderer().render(BootstrapTemplate.make()), fixture: "bootstrap.json")
    }
}
