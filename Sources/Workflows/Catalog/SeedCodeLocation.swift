import Assets
import Foundation
import SeedCode

/// Where the seed code folders (`build_app`, `deploy_app`) are read from: `--seed-code DIR`, else
/// `$MLOPSCTL_SEED_CODE`, else the copy of `seed_code/` built into the executable (`mlopsctl seed-code export`
/// writes it out as a starting point for a team's own).
public enum SeedCodeLocation: Sendable, Equatable {
    case embedded
    case directory(URL)

    public static let environmentVariable = "MLOPSCTL_SEED_CODE"
    public static let apps = ["build_app", "deploy_app"]

    /// `explicit` (the flag) wins over the environment; a relative path is taken from `currentDirectory`.
    public init(explicit: String?, environment: [String: String], currentDirectory: String) {
        guard let path = explicit ?? environment[Self.environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
            self = .embedded
            return
        }
        self = .directory(URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).standardizedFileURL)
    }

    /// For messages: the folder's path, or where the built-in copy came from.
    public var description: String {
        switch self {
        case .embedded: return "the seed code built into mlopsctl"
        case .directory(let url): return url.path
        }
    }

    /// The app folders' files (as they will be zipped), or the problems that make them unusable.
    public func appTrees() throws -> [String: FileTree] {
        switch self {
        case .embedded:
            var found: [String: FileTree] = [:]
            for app in Self.apps { found[app] = EmbeddedSeedCode.tree.subtree(app) }
            // Only a build from a checkout without seed_code/ could get here.
            guard found.count == Self.apps.count else {
                throw CatalogInputError(problems: ["this mlopsctl was built without seed code; pass --seed-code DIR or set \(Self.environmentVariable)"])
            }
            return found
        case .directory(let directory):
            var problems: [String] = []
            var found: [String: FileTree] = [:]
            for app in Self.apps {
                let url = directory.appendingPathComponent(app)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    do {
                        found[app] = try FileTree.scan(directory: url)
                    } catch {
                        problems.append(String(describing: error))
                    }
                } else {
                    problems.append(
                        "seed code folder \(url.path) not found; pass --seed-code DIR (a folder with build_app/ and deploy_app/, "
                            + "e.g. from `mlopsctl seed-code export DIR`), or leave out --seed-code and \(Self.environmentVariable) "
                            + "to use the seed code built into mlopsctl")
                }
            }
            guard problems.isEmpty else { throw CatalogInputError(problems: problems) }
            return found
        }
    }
}
