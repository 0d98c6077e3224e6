import Foundation

/// Writes a generated source only when its text changes, so an unchanged input set never recompiles the module.
enum GeneratedFile {
    static func write(_ text: String, to url: URL) throws {
        let data = Data(text.utf8)
        if FileManager.default.contents(atPath: url.path) == data { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
