import Foundation
import Testing
import ZIPFoundation

@testable import Assets

/// Same content → same bytes → same SHA-256, whatever the folder's location, file times and non-execute
/// permission bits; the archive's entries are sorted, time-stamped at the DOS epoch and normalised.
@Suite struct DeterministicZipTests {
    static let expectedPaths = [
        "README.md", "a.txt", "a/", "a/b.txt", "buildspec.yml", "empty/", "pipelines/", "pipelines/__init__.py",
        "pipelines/run_pipeline.py", "scripts/", "scripts/build.sh",
    ]

    @Test func zippingTheSameFolderTwiceGivesTheSameBytes() throws {
        let folder = try TestFolder.seed("twice")
        defer { folder.remove() }

        let first = try DeterministicZip.archive(directory: folder.url)
        let second = try DeterministicZip.archive(directory: folder.url)

        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func aCopyElsewhereWithOtherTimesAndModesGivesTheSameBytes() throws {
        let original = try TestFolder.seed("original", date: Date(timeIntervalSince1970: 1_700_000_000))
        let copy = try TestFolder.seed("copy", date: Date(timeIntervalSince1970: 1_000_000_000), fileMode: 0o600)
        defer { original.remove(); copy.remove() }
        #expect(original.url.path != copy.url.path)

        let left = try Asset.zipping(directory: original.url)
        let right = try Asset.zipping(directory: copy.url)

        #expect(left.data == right.data)
        #expect(left.sha256 == right.sha256)
        #expect(left.key == right.key)
    }

    @Test func changingOneFileChangesTheHash() throws {
        let folder = try TestFolder.seed("change")
        defer { folder.remove() }
        let before = try Asset.zipping(directory: folder.url)

        try folder.write("pipelines/__init__.py", "# changed\n")
        let after = try Asset.zipping(directory: folder.url)

        #expect(before.sha256 != after.sha256)
    }

    @Test func makingAFileExecutableChangesTheHash() throws {
        let folder = try TestFolder.seed("exec")
        defer { folder.remove() }
        let before = try Asset.zipping(directory: folder.url)

        try FileManager.default.setAttributes([.posixPermissions: 0o744], ofItemAtPath: folder.url.appendingPathComponent("README.md").path)

        #expect(try Asset.zipping(directory: folder.url).sha256 != before.sha256)
    }

    @Test func entriesAreSortedNormalisedAndExclusionsLeftOut() throws {
        let folder = try TestFolder.seed("entries", date: Date(timeIntervalSince1970: 1_700_000_000))
        defer { folder.remove() }

        let data = try DeterministicZip.archive(directory: folder.url)
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)

        #expect(entries.map(\.path) == Self.expectedPaths)
        for entry in entries {
            #expect(entry.fileAttributes[.modificationDate] as? Date == DeterministicZip.dosEpoch, "\(entry.path)")
            let mode = (entry.fileAttributes[.posixPermissions] as? NSNumber)?.intValue
            let executable = entry.type == .directory || entry.path == "scripts/build.sh"
            #expect(mode == (executable ? 0o755 : 0o644), "\(entry.path)")
        }
        let script = try #require(entries.first { $0.path == "pipelines/run_pipeline.py" })
        #expect(script.isCompressed)
        #expect(script.compressedSize < script.uncompressedSize)
        var extracted = Data()
        _ = try archive.extract(script) { extracted.append($0) }
        #expect(extracted == Data(String(repeating: "print('train')\n", count: 200).utf8))
    }

    @Test func customExclusionsReplaceTheDefaults() throws {
        let folder = try TestFolder.seed("custom")
        defer { folder.remove() }

        let data = try DeterministicZip.archive(directory: folder.url, excluding: ["*.md", "scripts"])
        let paths = Array(try Archive(data: data, accessMode: .read)).map(\.path)

        #expect(!paths.contains("README.md") && !paths.contains("scripts/") && !paths.contains("scripts/build.sh"))
        #expect(paths.contains(".git/HEAD") && paths.contains("pipelines/stale.pyc"))
    }

    /// Python's zipfile, an independent reader, sees the same entries, times and modes.
    @Test func pythonsZipfileReadsTheArchive() async throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:))
            ?? Self.onPath("python3")
        else {
            FileHandle.standardError.write(Data("NOTICE: skipping the zipfile cross-check: python3 not found\n".utf8))
            return
        }
        let folder = try TestFolder.seed("python")
        defer { folder.remove() }
        let zip = folder.url.appendingPathExtension("zip")
        defer { try? FileManager.default.removeItem(at: zip) }
        try DeterministicZip.archive(directory: folder.url).write(to: zip)
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, i.date_time, oct(i.external_attr >> 16), i.compress_type)
            """

        let output = try Self.run(python, ["-c", script, zip.path])

        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.split(separator: " ")[0]) } == Self.expectedPaths)
        #expect(lines.allSatisfy { $0.contains("(1980, 1, 1, 0, 0, 0)") })
        #expect(lines.contains("scripts/build.sh (1980, 1, 1, 0, 0, 0) 0o100755 8"))
        #expect(lines.contains("README.md (1980, 1, 1, 0, 0, 0) 0o100644 8"))
        #expect(lines.contains("a/ (1980, 1, 1, 0, 0, 0) 0o40755 0"))
    }

    @Test func aSymbolicLinkIsRefused() throws {
        let folder = try TestFolder.seed("link")
        defer { folder.remove() }
        let link = folder.url.appendingPathComponent("pipelines/link.py")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "run_pipeline.py")

        #expect(throws: AssetError.symbolicLink(path: link.path)) { try DeterministicZip.archive(directory: folder.url) }
    }

    @Test func aMissingFolderIsNamed() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")

        let error = #expect(throws: AssetError.self) { try DeterministicZip.archive(directory: missing) }

        #expect(error == .notADirectory(path: missing.path))
        #expect(error?.description.contains(missing.path) == true)
    }

    @Test(arguments: [
        ("*.pyc", "a.pyc", true), ("*.pyc", "a.py", false), ("*.pyc", ".pyc", true), (".git", ".git", true), (".git", ".github", false),
        ("a?c", "abc", true), ("a?c", "ac", false), ("*", "", true), ("x*y*z", "x123y45z", true), ("x*y*z", "x123z", false),
    ])
    func globPatterns(_ pattern: String, _ name: String, _ matches: Bool) {
        #expect(GlobPattern(pattern).matches(name) == matches)
    }

    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first(where: FileManager.default.isExecutableFile(atPath:))
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
