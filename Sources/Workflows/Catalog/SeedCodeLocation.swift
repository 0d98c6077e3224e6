import Foundation

/// Where the seed code folders (`build_app`, `deploy_app`) are read from: `--seed-code DIR`, else
/// `$MLOPSCTL_SEED_CODE`, else `./seed_code` (the repository's own, when run from a checkout).
public struct SeedCodeLocation: Sendable, Equatable {
    public static let environmentVariable = "MLOPSCTL_SEED_CODE"
    public static let apps = ["build_app", "deploy_app"]

    public let directory: URL

    public init(explicit: String?, environment: [String: String], currentDirectory: String) {
        let path = explicit ?? environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "seed_code"
        directory = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).standardizedFileURL
    }

    /// The app folders, or the problems that make them unusable.
    public func appDirectories() throws -> [String: URL] {
        var problems: [String] = []
        var found: [String: URL] = [:]
        for app in Self.apps {
            let url = directory.appendingPathComponent(app)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                found[app] = url
            } else {
                problems.append(
                    "seed code folder \(url.path) not found; pass --seed-code DIR (a folder with build_app/ and deploy_app/) "
                        + "or set \(Self.environmentVariable)")
            }
        }
        guard problems.isEmpty else { throw CatalogInputError(problems: problems) }
        return found
    }
}
