import Foundation
import Topology

/// Where `mlopsctl init` writes the topology: the same resolution every other command reads it by (`--out` or
/// `--topology`, else `$MLOPSCTL_TOPOLOGY`, else `./mlopsctl.yaml`), so the next command finds the file without flags.
struct InitDestination {
    let location: TopologyLocation
    /// Whether a command run here without --topology reads this file.
    let isFoundByDefault: Bool
    let currentDirectory: String

    init(explicit: String?, environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath) {
        location = TopologyLocation.resolve(explicit: explicit, environment: environment, currentDirectory: currentDirectory)
        let standard = TopologyLocation.resolve(explicit: nil, environment: environment, currentDirectory: currentDirectory)
        isFoundByDefault = Self.same(location.path, standard.path)
        self.currentDirectory = currentDirectory
    }

    /// The path as the user would type it: relative to the current directory when the file is below it.
    var displayPath: String {
        let base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.path
        let path = URL(fileURLWithPath: location.path).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? "./" + path.dropFirst(prefix.count) : path
    }

    /// The closing line: the command to run next, with `--topology` when the other commands would not find the file alone.
    func nextStep(verified: Bool) -> String {
        let flag = isFoundByDefault ? "" : " --topology \(Self.shellQuoted(displayPath))"
        return verified
            ? "next: mlopsctl bootstrap --dry-run\(flag)   (the plan of each stage; then mlopsctl bootstrap\(flag))"
            : "next: mlopsctl doctor\(flag)   (checks that each profile reaches its account)"
    }

    private static func same(_ first: String, _ second: String) -> Bool {
        URL(fileURLWithPath: first).standardizedFileURL.path == URL(fileURLWithPath: second).standardizedFileURL.path
    }

    private static func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+@:,".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
