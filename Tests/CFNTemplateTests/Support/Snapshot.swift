import Foundation
import Testing

/// Golden-file comparison for rendered templates in `Tests/CFNTemplateTests/Fixtures`.
/// `RECORD_SNAPSHOTS=1` (re)writes the file instead of comparing.
/// Under `CI=true` recording is refused (a CI run that rewrote its own expectations could not fail): the test fails with
/// that message and compares against the committed file instead.
enum Snapshot {
    enum Mode: Equatable {
        case compare
        case record
        case refused(String)
    }

    static let refusedUnderCI = "RECORD_SNAPSHOTS=1 is refused under CI=true: fixtures are recorded on a workstation and committed, "
        + "CI only compares; unset RECORD_SNAPSHOTS"

    static func mode(environment: [String: String]) -> Mode {
        let value = environment["RECORD_SNAPSHOTS"]?.lowercased()
        guard value == "1" || value == "true" else { return .compare }
        return environment["CI"]?.lowercased() == "true" ? .refused(refusedUnderCI) : .record
    }

    static func assertMatches(_ actual: String, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.fixtures.appendingPathComponent(name)
        switch mode(environment: ProcessInfo.processInfo.environment) {
        case .record:
            try FileManager.default.createDirectory(at: TestPaths.fixtures, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        case .refused(let message):
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        case .compare:
            break
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("fixture \(name) is missing; run `RECORD_SNAPSHOTS=1 swift test --filter CFNTemplateTests` and commit it",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let message = "rendered output differs from Fixtures/\(name) \(firstDifference(expected, actual)); if the change is intended, "
            + "re-record with `RECORD_SNAPSHOTS=1 swift test --filter CFNTemplateTests` and review the diff"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// `at line N: expected "…", got "…"`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let lhs = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let rhs = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? String(lhs[index]) : "<end of file>"
            let right = index < rhs.count ? String(rhs[index]) : "<end of file>"
            if left != right { return "at line \(index + 1): expected \(left.debugDescription), got \(right.debugDescription)" }
        }
        return "(only in line endings)"
    }
}
