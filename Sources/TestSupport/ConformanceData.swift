import Foundation

/// Locates the published cross-SDK test data in `../shared/conformance` (relative to the package root).
/// It is read at test time and never copied into the repository. Where the folder is absent (a user's
/// own machine) suites are skipped with a visible notice; under `CI=true` its absence is a failure.
public enum ConformanceData {
    /// The package root, derived from this file's location (`Sources/TestSupport/…`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `MLOPSCTL_CONFORMANCE_DIR` overrides the default `<package>/../shared/conformance`.
    public static var root: URL {
        if let override = ProcessInfo.processInfo.environment["MLOPSCTL_CONFORMANCE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    }

    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    public enum Availability: Sendable {
        case available(URL)
        /// Not present and not under CI: the caller skips, printing `notice`.
        case skipped(notice: String)
        /// Not present under CI: the caller must fail with `message`.
        case missingUnderCI(message: String)
    }

    /// Looks up a file or folder below the conformance root, e.g. `aws-profile-config/profile-parser-tests.json`.
    public static func locate(_ relativePath: String) -> Availability {
        let url = root.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { return .available(url) }
        if isCI {
            return .missingUnderCI(message: "conformance data \(url.path) is missing; CI=true requires ../shared/conformance")
        }
        let notice = "NOTICE: skipping conformance suite: \(url.path) not found (set MLOPSCTL_CONFORMANCE_DIR to run it)"
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        return .skipped(notice: notice)
    }
}
