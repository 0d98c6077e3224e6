import Foundation
import ZIPFoundation

/// Zips a folder so that the same content always gives the same bytes (and so the same SHA-256 and
/// asset key), wherever the folder is and whenever its files were touched: entries sorted by path
/// (byte order), every timestamp the DOS epoch (1980-01-01 00:00:00), permissions normalised to 0644
/// for files and 0755 for executables and directories, file data deflated.
public enum DeterministicZip {
    /// What the seed's `make clean-python` and `zip -x` patterns left out.
    public static let defaultExclusions = [".git", "__pycache__", ".pytest_cache", "*.pyc", ".DS_Store"]
    /// 1980-01-01 00:00:00 UTC, the earliest time a ZIP entry can hold (ZIPFoundation writes UTC fields).
    public static let dosEpoch = Date(timeIntervalSince1970: 315_532_800)

    /// The archive of `directory`'s content (paths relative to it, no top folder). A name matching any
    /// `excluding` pattern (`*` and `?` wildcards, matched against each path component) is left out with
    /// everything under it.
    /// - Throws: `AssetError` for a missing folder, a symbolic link or an unreadable file.
    public static func archive(directory: URL, excluding: [String] = defaultExclusions) throws -> Data {
        try archive(FileTree.scan(directory: directory, excluding: excluding), describedAs: directory.path)
    }

    /// The archive of `tree`; `describedAs` names it in errors (a folder's path).
    public static func archive(_ tree: FileTree, describedAs name: String) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw AssetError.archiveFailed(directory: name, reason: String(describing: error))
        }
        for entry in tree.entries {
            do {
                try add(entry, to: archive)
            } catch {
                throw AssetError.archiveFailed(directory: name, reason: "\(entry.path): \(error)")
            }
        }
        guard let data = archive.data else {
            throw AssetError.archiveFailed(directory: name, reason: "the in-memory archive has no data")
        }
        return data
    }

    private static func add(_ entry: FileTree.Entry, to archive: Archive) throws {
        switch entry.content {
        case .directory:
            try archive.addEntry(
                with: entry.path, type: .directory, uncompressedSize: 0, modificationDate: dosEpoch, permissions: 0o755,
                provider: { (_: Int64, _: Int) in Data() })
        case .file(let contents, let executable):
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(contents.count), modificationDate: dosEpoch,
                permissions: executable ? 0o755 : 0o644, compressionMethod: .deflate,
                provider: { (position: Int64, size: Int) in contents.subdata(in: Int(position)..<Int(position) + size) })
        }
    }
}
