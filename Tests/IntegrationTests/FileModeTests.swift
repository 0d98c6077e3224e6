import Foundation
import Testing
import TestSupport

/// Every file mlopsctl writes is private: 0600 (0700 for an executable script) and every folder it creates 0700, even
/// under `umask 000`. Through the binary on the emulator: `init` (the topology), `doctor --record-requests` (the
/// journal), `teardown` on a fresh ledger path (the ledger and its folders, its -wal/-shm), `synth --out` and
/// `seed-code export` (new nested folders), and whatever lands in HOME (Foundation's caches).
@Suite struct FileModeTests {
    /// `sh -c 'umask 000; exec mlopsctl …'`: the most permissive umask a user could have.
    static let underUmask000 = ["/bin/sh", "-c", "umask 000; exec \"$@\"", "sh"]

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Everything under `root` (not `root` itself), as (path, is folder).
    static func entries(under root: URL) -> [(String, Bool)] {
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        return paths.map { relative in
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return (path, isDirectory.boolValue)
        }
    }

    @Test func everyFileAndFolderMlopsctlWritesIsPrivateUnderUmask000() async throws {
        try await withEmulator { emulator in
            let work = emulator.directory.appendingPathComponent("modes-\(UUID().uuidString.prefix(6))")
            let home = work.appendingPathComponent("home")
            let out = work.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var environment = emulator.environment
            environment["HOME"] = home.path
            let topology = out.appendingPathComponent("new/folders/mlopsctl.yaml").path
            let ledger = out.appendingPathComponent("state/mlopsctl/ledger.sqlite").path
            var initFlags = ["--out", topology, "--region", "us-east-1"]
            for account in emulator.accounts {
                initFlags += ["--\(account.stage)-account", account.accountID, "--\(account.stage)-profile", account.profile]
            }
            let prod = try #require(emulator.account("prod")).accountID
            let runs: [[String]] = [
                ["init"] + initFlags,
                ["doctor", "--topology", topology, "--record-requests", out.appendingPathComponent("doctor.jsonl").path],
                ["teardown", "--all", "--yes", "--confirm-prod", prod, "--topology", topology, "--ledger", ledger,
                 "--record-requests", out.appendingPathComponent("teardown.jsonl").path],
                ["synth", "--topology", topology, "--out", out.appendingPathComponent("synth/nested").path],
                ["seed-code", "export", out.appendingPathComponent("seed/nested").path],
            ]
            for arguments in runs {
                let result = try await CommandRunner().run(
                    [CommandRunner.defaultExecutable.path] + arguments, environment: environment, currentDirectory: out, through: Self.underUmask000)
                try #require(result.status == 0, "mlopsctl \(arguments.joined(separator: " ")): \(result.combined)")
            }

            let written = Self.entries(under: out) + Self.entries(under: home).filter { !$0.0.contains("/.aws") }
            let files = written.filter { !$0.1 }.map(\.0)
            // What each command should have written is there, so the check below covers it.
            for expected in [topology, ledger, "doctor.jsonl", "teardown.jsonl", "synth/nested/dev", "seed/nested/deploy_app"] {
                let path = expected.hasPrefix("/") ? expected : out.appendingPathComponent(expected).path
                #expect(FileManager.default.fileExists(atPath: path), "\(path) was not written")
            }
            #expect(files.count > 40, "\(files.count) files")
            let open = written.compactMap { path, isFolder -> String? in
                let mode = Self.mode(path) & 0o777
                let allowed = isFolder ? [0o700] : [0o600, 0o700]
                return allowed.contains(mode) ? nil : "\(path.replacingOccurrences(of: work.path, with: "…")) \(String(mode, radix: 8))"
            }
            #expect(open.isEmpty, "not private under umask 000:\n\(open.joined(separator: "\n"))")
            // A script stays executable for its owner.
            let scripts = files.filter { Self.mode($0) & 0o100 != 0 }
            #expect(scripts.allSatisfy { Self.mode($0) & 0o777 == 0o700 })
        }
    }
}
