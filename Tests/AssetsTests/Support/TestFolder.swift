import Foundation

/// A temporary folder tree for zip tests; `remove()` deletes it.
struct TestFolder {
    let url: URL

    init(_ label: String = "assets") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` at `path` (folders created), with POSIX `mode` and modification date `date`.
    func write(_ path: String, _ text: String, mode: Int = 0o644, date: Date? = nil) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: mode]
        if let date { attributes[.modificationDate] = date }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: file.path)
    }

    func makeDirectory(_ path: String, mode: Int = 0o755) throws {
        let directory = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: directory.path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// A small seed-code-like tree, plus files the default exclusions must leave out.
    static func seed(_ label: String, date: Date? = nil, fileMode: Int = 0o644) throws -> TestFolder {
        let folder = try TestFolder(label)
        try folder.write("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands: [make]\n", mode: fileMode, date: date)
        try folder.write("pipelines/run_pipeline.py", String(repeating: "print('train')\n", count: 200), mode: fileMode, date: date)
        try folder.write("pipelines/__init__.py", "", mode: fileMode, date: date)
        try folder.write("scripts/build.sh", "#!/bin/sh\nexec make\n", mode: 0o755, date: date)
        try folder.write("README.md", "# build app\n", mode: fileMode, date: date)
        try folder.write("a.txt", "sorted after a/ in byte order\n", mode: fileMode, date: date)
        try folder.write("a/b.txt", "inside a\n", mode: fileMode, date: date)
        try folder.makeDirectory("empty")
        // Excluded by default.
        try folder.write(".git/HEAD", "ref: refs/heads/main\n", date: date)
        try folder.write("pipelines/__pycache__/run_pipeline.cpython-311.pyc", "\u{0}bytecode", date: date)
        try folder.write("pipelines/stale.pyc", "\u{0}bytecode", date: date)
        try folder.write(".pytest_cache/v/cache/nodeids", "[]", date: date)
        try folder.write(".DS_Store", "finder", date: date)
        return folder
    }
}
