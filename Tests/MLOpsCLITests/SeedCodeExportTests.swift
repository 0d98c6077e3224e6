import Foundation
import TestSupport
import Testing

/// `mlopsctl seed-code export DIR`, run as a user runs it: writes the built-in seed code, which is exactly the
/// checkout's seed_code/ (less caches), refuses a folder with files unless --force, and never loosens modes.
@Suite struct SeedCodeExportTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seed-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Relative path → bytes of every regular file under `root`, minus the caches a zip leaves out.
    static func files(under root: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = root.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
            if ["__pycache__", ".pytest_cache"].contains(url.lastPathComponent) || url.pathExtension == "pyc" { continue }
            let path = url.standardizedFileURL.path
            guard !path.contains("/__pycache__/"), !path.contains("/.pytest_cache/") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[String(path.dropFirst(base.count))] = FileManager.default.contents(atPath: path)
            }
        }
        return found
    }

    static func mode(_ url: URL) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: url.path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func exportWritesTheCheckoutsSeedCodeFromAnywhere() async throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        // From an unrelated folder, a relative DIR: nothing is read from the checkout at run time.
        let result = try await CommandRunner().run(["seed-code", "export", "out/seed"], currentDirectory: work)
        #expect(result.status == 0, "\(result.combined)")
        let out = work.appendingPathComponent("out/seed")
        let exported = try Self.files(under: out)
        let checkout = try Self.files(under: ConformanceData.packageRoot.appendingPathComponent("seed_code"))
        #expect(result.stdout.hasPrefix("wrote \(checkout.count) files of the seed code built into mlopsctl "), "\(result.stdout)")
        #expect(checkout.count >= 40)
        #expect(exported == checkout, "differs: \(Set(exported.keys).symmetricDifference(checkout.keys).sorted())")
        #expect(try Self.mode(out.appendingPathComponent("deploy_app/config/dev.json")) & 0o777 == 0o600)
        #expect(try Self.mode(out.appendingPathComponent("deploy_app/config")) & 0o777 == 0o700)
    }

    @Test func aFolderWithFilesIsRefusedUnlessForced() async throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let mine = work.appendingPathComponent("notes.txt")
        try Data("mine\n".utf8).write(to: mine)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("deploy_app"), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: work.appendingPathComponent("deploy_app/app.py"))

        let refused = try await CommandRunner().run(["seed-code", "export", work.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: \(work.path) is not empty; pick a new or empty folder, or pass --force to write the seed code over it "
            + "(its other files are kept)\n")
        #expect(FileManager.default.contents(atPath: work.appendingPathComponent("deploy_app/app.py").path) == Data("{}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("build_app").path))

        let forced = try await CommandRunner().run(["seed-code", "export", work.path, "--force", "--output", "json"])
        #expect(forced.status == 0, "\(forced.combined)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as? [String: Any])
        #expect((json["files"] as? [String])?.contains("deploy_app/app.py") == true)
        #expect(json["directory"] as? String == work.path)
        #expect(FileManager.default.contents(atPath: mine.path) == Data("mine\n".utf8))
        let seedApp = ConformanceData.packageRoot.appendingPathComponent("seed_code/deploy_app/app.py")
        #expect(FileManager.default.contents(atPath: work.appendingPathComponent("deploy_app/app.py").path) == FileManager.default.contents(atPath: seedApp.path))
    }

    @Test func somethingInTheWayIsRefusedBeforeAnyWrite() async throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data("not a folder\n".utf8).write(to: work.appendingPathComponent("build_app"))
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("deploy_app").path, withDestinationPath: "/tmp")
        let result = try await CommandRunner().run(["seed-code", "export", work.path, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(work.path)/build_app is in the way (not a folder)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["build_app", "deploy_app"])

        let file = work.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: file)
        let onAFile = try await CommandRunner().run(["seed-code", "export", file.path])
        #expect(onAFile.status == 1)
        #expect(onAFile.stderr == "Error: \(file.path) exists and is not a folder; pick a new or empty folder\n")
    }

    /// The asset keys publish-catalog would use (content-addressed zips, in the project template) are the same for the
    /// built-in seed code and for the checkout's seed_code/ given with --seed-code.
    @Test func synthFromTheBuiltInSeedCodeEqualsSynthFromTheFolder() async throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let topology = ConformanceData.packageRoot.appendingPathComponent("profiles/local.yaml").path
        let builtIn = try await CommandRunner().run(["synth", "--topology", topology, "--out", "a"], currentDirectory: work)
        let folder = try await CommandRunner().run(
            ["synth", "--topology", topology, "--out", "b", "--seed-code", ConformanceData.packageRoot.appendingPathComponent("seed_code").path],
            currentDirectory: work)
        #expect(builtIn.status == 0 && folder.status == 0, "\(builtIn.combined)\(folder.combined)")
        let a = try Self.files(under: work.appendingPathComponent("a"))
        #expect(a == (try Self.files(under: work.appendingPathComponent("b"))))
        let project = String(decoding: try #require(a["dev/project.template.json"]), as: UTF8.self)
        #expect(project.range(of: #"[0-9a-f]{64}\.zip"#, options: .regularExpression) != nil)
    }
}
