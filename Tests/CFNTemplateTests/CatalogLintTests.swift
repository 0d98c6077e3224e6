import Foundation
import Testing
@testable import CFNTemplate

/// cfn-lint finds no error in the catalog template (one version and several), using the same harness and
/// skip rules as `CFNLintTests`.
@Suite struct CatalogLintTests {
    @Test func catalogTemplateHasNoLintErrors() async throws {
        guard let linter = CFNLintTests.locateLinter() else { return }
        let single = try CatalogTemplate.make(CatalogFixtures.options())
        let several = try CatalogTemplate.make(
            try CatalogFixtures.options().appending(CatalogFixtures.version("1.1", "bbbb")).appending(CatalogFixtures.version("2.0", "cccc")))

        let (status, findings, output) = try await CFNLintTests.lint(linter, ["catalog-one.json": single, "catalog-three.json": several])

        #expect(status & ~(2 | 4 | 8) == 0, "cfn-lint failed to run: \(output)")
        #expect(status & 2 == 0, "cfn-lint errors:\n\(output)")
        #expect(findings.isEmpty, "cfn-lint findings:\n\(output)")
    }
}
