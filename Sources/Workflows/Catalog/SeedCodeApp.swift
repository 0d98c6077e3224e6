import Foundation
import SeedCode

/// One app folder of the seed code (`build_app` or `deploy_app`) wherever the seed code comes from.
public struct SeedCodeApp: Sendable, Equatable {
    public let location: SeedCodeLocation
    public let name: String

    public init(_ name: String, in location: SeedCodeLocation) {
        self.name = name
        self.location = location
    }

    /// `deploy_app`, whose `config/<stage>.json` sizes each stage's endpoint.
    public static func deploy(in location: SeedCodeLocation) -> SeedCodeApp { SeedCodeApp("deploy_app", in: location) }

    /// The bytes of `path` (e.g. `config/dev.json`) and how to name that file in messages; nil bytes when missing.
    public func file(_ path: String) -> (contents: Data?, name: String) {
        switch location {
        case .embedded:
            return (EmbeddedSeedCode.tree.contents(of: "\(name)/\(path)"), "\(name)/\(path) (built into mlopsctl)")
        case .directory(let directory):
            let url = directory.appendingPathComponent(name).appendingPathComponent(path)
            return (FileManager.default.contents(atPath: url.path), url.path)
        }
    }
}
