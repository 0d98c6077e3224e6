import Foundation
import PackagePlugin

/// Puts what mlopsctl needs at run time inside the executable, read at build time from its one source of truth:
/// SwiftPM's `.copy`/`.process` resources would land in a bundle folder beside the binary, which an install loses.
///
/// | target        | generated source             | from                                                       |
/// |---------------|------------------------------|------------------------------------------------------------|
/// | `CFNTemplate` | `EmbeddedPolicyFiles.swift`  | `policies/*.json`, through `Sources/CFNTemplate/Policies/policies` |
/// | `SeedCode`    | `EmbeddedSeedCode.swift`     | `seed_code/` (less caches, as zips do), through `Sources/SeedCode/seed_code` |
/// | `BuildInfo`   | `BuildCommit.swift`          | `.git`: the commit HEAD points at; the UTC day of the build|
///
/// Why the symbolic links: SwiftPM asks plugins for commands only when it plans the build again, which it does when
/// the manifest or a folder under a target's sources changes (names, not contents). A link to the data folder from
/// inside the target (excluded from its sources) makes adding, removing or renaming a file there plan again; a
/// changed file re-runs the command, whose inputs are the files. Git: HEAD (another branch) and logs/HEAD (git
/// appends a line there whenever HEAD moves: commit, reset, merge); not the branch's ref file, which `git pack-refs`
/// deletes (a vanished input fails the build).
@main
struct EmbedFiles: BuildToolPlugin {
    /// Names left out of embedded folders, with everything under them: `DeterministicZip.defaultExclusions`
    /// (a test checks the two lists are equal), so the embedded seed code zips to the bytes the folder would.
    static let exclusions = [".git", "__pycache__", ".pytest_cache", "*.pyc", ".DS_Store"]

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let package = context.package.directoryURL
        let generator = try context.tool(named: "EmbedGenerator").url
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(target.name)-generated")
        switch target.name {
        case "CFNTemplate":
            let root = try Self.linkedFolder("Sources/CFNTemplate/Policies/policies", to: "policies", in: package)
            let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".json") }.sorted()
            return [files(generator, type: "EmbeddedPolicyFiles", root: root, paths: names, output: output)]
        case "SeedCode":
            let root = try Self.linkedFolder("Sources/SeedCode/seed_code", to: "seed_code", in: package)
            return [files(generator, type: "EmbeddedSeedCode", root: root, paths: try Self.walk(root), output: output)]
        case "BuildInfo":
            let file = output.appendingPathComponent("BuildCommit.swift")
            var arguments = ["commit", "--output", file.path]
            let git = GitLocation(dotGit: package.appendingPathComponent(".git"))
            if let git { arguments += ["--git-dir", git.gitDir.path, "--common-dir", git.commonDir.path] }
            return [
                .buildCommand(
                    displayName: "Embedding the git commit into \(target.name)", executable: generator, arguments: arguments,
                    inputFiles: git?.inputs ?? [], outputFiles: [file]),
            ]
        default:
            throw EmbedFilesError("EmbedFiles has nothing to generate for target \(target.name)")
        }
    }

    /// The link `path` (relative to the package), checked to be the symbolic link to the package's `folder`.
    static func linkedFolder(_ path: String, to folder: String, in package: URL) throws -> URL {
        let link = package.appendingPathComponent(path)
        let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)
        guard let destination, link.deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL.path
            == package.appendingPathComponent(folder).standardizedFileURL.path
        else {
            let up = String(repeating: "../", count: path.split(separator: "/").count - 1)
            throw EmbedFilesError("\(link.path) must be a symbolic link to \(folder)/ (restore it: ln -sfn \(up)\(folder) \(path))")
        }
        return link
    }

    private func files(_ generator: URL, type: String, root: URL, paths: [String], output: URL) -> Command {
        let file = output.appendingPathComponent("\(type).swift")
        let arguments = ["files", "--type", type, "--root", root.path, "--output", file.path]
            + Self.exclusions.flatMap { ["--exclude", $0] } + ["--"] + paths
        return .buildCommand(
            displayName: "Embedding \(root.lastPathComponent)/ as \(type)", executable: generator, arguments: arguments,
            inputFiles: paths.filter { !$0.hasSuffix("/") }.map { root.appendingPathComponent($0) }, outputFiles: [file])
    }

    /// Every directory (`name/`) and regular file under `root`, relative to it, minus the exclusions.
    static func walk(_ root: URL, prefix: String = "") throws -> [String] {
        var found: [String] = []
        let directory = prefix.isEmpty ? root : root.appendingPathComponent(prefix)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !excluded(name) {
            let path = prefix + name
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                found.append(path + "/")
                found += try walk(root, prefix: path + "/")
            case .typeRegular?:
                found.append(path)
            default:
                // The zip refuses links and special files; refuse them here too rather than embed something else.
                throw EmbedFilesError("\(root.appendingPathComponent(path).path) is not a regular file or folder; seed code must not hold links")
            }
        }
        return found
    }

    /// A name, or `*suffix`, matched against one name (the exclusions use nothing more; `DeterministicZip` reads
    /// them as full shell-style patterns, which agree on these).
    static func excluded(_ name: String) -> Bool {
        exclusions.contains { pattern in
            if pattern.hasPrefix("*") { return name.hasSuffix(pattern.dropFirst()) }
            return name == pattern
        }
    }
}

/// Where git keeps HEAD (`gitDir`) and the shared refs (`commonDir`) of the checkout; nil outside one.
/// A linked worktree's `.git` is a file `gitdir: PATH`, and `PATH/commondir` names the folder holding the refs.
struct GitLocation {
    let gitDir: URL
    let commonDir: URL

    init?(dotGit: URL) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            gitDir = dotGit
        } else {
            guard let text = Self.read(dotGit), text.hasPrefix("gitdir: ") else { return nil }
            gitDir = Self.resolve(String(text.dropFirst("gitdir: ".count)), against: dotGit.deletingLastPathComponent())
        }
        let gitDir = gitDir
        commonDir = Self.read(gitDir.appendingPathComponent("commondir")).map { Self.resolve($0, against: gitDir) } ?? gitDir
    }

    /// The files whose change means HEAD points at another commit: HEAD itself, and the HEAD reflog git appends to on
    /// every move (when reflogs are off, a commit is seen at the next re-plan or clean build).
    var inputs: [URL] {
        [gitDir.appendingPathComponent("HEAD"), gitDir.appendingPathComponent("logs/HEAD")]
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    private static func resolve(_ path: String, against base: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
    }

    private static func read(_ url: URL) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct EmbedFilesError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
