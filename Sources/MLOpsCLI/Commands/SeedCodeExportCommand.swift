import ArgumentParser
import BuildInfo
import Foundation
import Workflows

extension MLOpsCommand.SeedCodeCommand {
    /// Writes the built-in seed code to a folder.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the seed code built into mlopsctl to a folder, as a starting point for your own.",
            discussion: """
                Writes build_app/, deploy_app/ and the seed's README, pytest.ini and .gitignore into DIR (created when \
                missing; folders 0755, files 0644, or tighter under your umask). A folder that already holds files is \
                refused unless --force, which writes the seed code's files over it and keeps every other file. Then use \
                it with --seed-code DIR or MLOPSCTL_SEED_CODE=DIR.

                Examples:
                  Export into a new folder:
                    mlopsctl seed-code export my-seed
                  Refresh an existing copy (its other files are kept):
                    mlopsctl seed-code export my-seed --force
                """)

        @Argument(help: "The folder to write into.", completion: .directory) var directory: String
        @Flag(help: "Write into a folder that already holds files (the seed code's files are replaced, others kept).") var force = false
        @OptionGroup var global: GlobalOptions

        struct Result: Encodable {
            var directory: String
            var version: String
            var files: [String]
        }

        func run() async throws {
            let target = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            let export = SeedCodeExport(directory: target, force: force)
            let written: [String]
            do {
                written = try export.write()
            } catch let error as SeedCodeExportError {
                throw CLIError(error.description)
            }
            try global.contract("seed-code export").result(
                Result(directory: export.directory.path, version: MLOpsVersion.description, files: written),
                text: """
                    wrote \(written.count) files of the seed code built into \(MLOpsVersion.description) to \(export.directory.path)
                    use them with: --seed-code \(export.directory.path)   (or MLOPSCTL_SEED_CODE=\(export.directory.path))
                    """)
        }
    }
}
