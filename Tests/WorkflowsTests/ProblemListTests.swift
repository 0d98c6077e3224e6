import Testing

@testable import Workflows

/// Stages sharing a problem (four stages through one broken profile) share one line; the rest keep theirs.
@Suite struct ProblemListTests {
    @Test func stagesWithTheSameProblemShareOneLine() {
        let problems = ["governance: profile 'gov' is broken", "dev: profile 'gov' is broken", "prod: profile 'gov' is broken"]
        #expect(ProblemList.describe(problems) { "\($0) problems:" } == "governance, dev, prod: profile 'gov' is broken")
    }

    @Test func differentProblemsAreListedUnderTheCount() {
        let problems = ["governance: a", "dev: b", "preprod: a", "--flag is wrong"]
        #expect(ProblemList.describe(problems) { "\($0) problems:" } == "3 problems:\n  governance, preprod: a\n  dev: b\n  --flag is wrong")
    }
}
