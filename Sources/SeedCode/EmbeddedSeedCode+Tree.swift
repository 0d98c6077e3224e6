import Assets
import Foundation

extension EmbeddedSeedCode {
    /// `seed_code/` as it was when this executable was built (the generated `entries`), decoded once.
    public static let tree = FileTree(entries: entries.map { entry in
        guard let base64 = entry.base64 else { return FileTree.Entry(path: entry.path, content: .directory) }
        // The generator wrote the base64 itself, so it always decodes.
        return FileTree.Entry(path: entry.path, content: .file(Data(base64Encoded: base64)!, executable: entry.executable))
    })
}
