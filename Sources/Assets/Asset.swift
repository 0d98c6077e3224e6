import Crypto
import Foundation

/// A file to publish (a zipped seed-code folder, a product template), named by its content: the object key
/// is `<sha256>.<extension>`, so the same bytes always land on the same key and an upload of unchanged
/// content is skipped.
public struct Asset: Sendable, Hashable {
    /// What the asset is, for messages (`build_app`, `deploy_app`); not part of the key.
    public var name: String
    public var data: Data
    /// Lower-case hex SHA-256 of `data`.
    public let sha256: String
    /// The key's extension without the dot (`zip`, `json`).
    public var fileExtension: String

    public init(name: String, data: Data, fileExtension: String = "zip") {
        self.name = name
        self.data = data
        self.sha256 = Self.hexDigest(data)
        self.fileExtension = fileExtension
    }

    /// `<sha256>.zip`: content-addressed, as the CDK names file assets in the staging bucket.
    public var key: String { "\(sha256).\(fileExtension)" }

    /// The asset made by zipping `directory` with `DeterministicZip`; its name is the folder's name.
    public static func zipping(directory: URL, excluding: [String] = DeterministicZip.defaultExclusions) throws -> Asset {
        Asset(name: directory.lastPathComponent, data: try DeterministicZip.archive(directory: directory, excluding: excluding))
    }

    /// The asset made by zipping `tree` with `DeterministicZip`: the same files give the same key as `zipping(directory:)`.
    public static func zipping(_ tree: FileTree, name: String) throws -> Asset {
        Asset(name: name, data: try DeterministicZip.archive(tree, describedAs: name))
    }

    /// Lower-case hex SHA-256 of `data`.
    public static func hexDigest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
