import Foundation

/// Paths in the package, derived from this file's location (`Tests/CFNTemplateTests/Support/…`).
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/CFNTemplateTests/Fixtures")
    static let policies = packageRoot.appendingPathComponent("policies")

    /// A fresh temporary directory; the caller removes it.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfntemplate-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
