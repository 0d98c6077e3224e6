import Foundation

/// Where the project's Python tools are: `scripts/ensure-tools` installs moto, the AWS CLI, cfn-lint, pytest… into
/// `.tools/venv` and links checkov into `.tools/bin` (or under `$MLOPSCTL_TOOLS_DIR`), never onto the system PATH.
/// `scripts/test` puts both first on PATH; this does the same for a `swift test` run directly.
public enum ProjectTools {
    /// `<tools>/bin` and `<tools>/venv/bin`, those that exist.
    public static func directories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let tools = environment["MLOPSCTL_TOOLS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ConformanceData.packageRoot.appendingPathComponent(".tools").path
        return ["\(tools)/bin", "\(tools)/venv/bin"].filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// `environment` with the tool folders first on PATH (once).
    public static func environment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var result = environment
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let missing = directories(environment: environment).filter { !path.contains($0) }
        result["PATH"] = (missing + path).joined(separator: ":")
        return result
    }

    /// The first executable named `name` on the tool folders, then PATH, like `command -v`.
    public static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        for directory in (self.environment(environment)["PATH"] ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
