/// Why an asset could not be built or published. Each description names the path or key and the fix.
public enum AssetError: Error, Sendable, Hashable, CustomStringConvertible {
    case notADirectory(path: String)
    case symbolicLink(path: String)
    case unsupportedFileType(path: String)
    case unreadableFile(path: String)
    case archiveFailed(directory: String, reason: String)
    case invalidUploaderSettings(String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            return "\(path) is not a folder; point the asset at the folder to zip"
        case .symbolicLink(let path):
            return "\(path) is a symbolic link, which a reproducible zip cannot hold; replace it with a copy of its target or remove it"
        case .unsupportedFileType(let path):
            return "\(path) is neither a file nor a folder (a socket, device or pipe); remove it from the asset folder"
        case .unreadableFile(let path):
            return "cannot read \(path); check that it exists and its permissions allow reading"
        case .archiveFailed(let directory, let reason):
            return "zipping \(directory) failed: \(reason); check the folder's files and free memory"
        case .invalidUploaderSettings(let reason):
            return "asset uploader settings: \(reason); fix the value passed to AssetUploader"
        }
    }
}
