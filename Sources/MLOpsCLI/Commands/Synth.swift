import ArgumentParser
import AWSConfig
import Foundation
import Workflows

extension MLOpsCommand {
    /// Writes the templates mlopsctl would deploy, for review, linting and diffs.
    struct Synth: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every template mlopsctl would deploy for the topology (no AWS call).",
            discussion: """
                Writes, per stage, <stage>/<stack>.template.json and <stage>/<stack>.parameters.json (the parameters \
                mlopsctl would pass, in the AWS CLI's file form): the execution-policy and CDK bootstrap stacks of every stage, \
                and in dev the catalog stack and the SageMaker project template (from the seed code, built into mlopsctl unless \
                --seed-code or $MLOPSCTL_SEED_CODE names a folder; the lead role, read from \
                SSM when publishing, is a stand-in ARN here).

                Examples:
                  Write the templates, then lint them:
                    mlopsctl synth --out build/templates
                    cfn-lint build/templates/*/*.template.json
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Folder to write into (created when missing).", completion: .directory) var out: String
        @Flag(help: "Allow AdministratorAccess as an execution policy.") var allowAdminExecutionPolicy = false
        @Option(help: SeedCodeHelp.option, completion: .directory)
        var seedCode: String?

        func run() async throws {
            let output = global.contract("synth")
            let topology = try CommandContext.loadTopology(global, environment: .current, output: output)
            let options = BootstrapOptions(allowAdminExecutionPolicy: allowAdminExecutionPolicy)
            let environment = EnvironmentVariables.current
            let seed = SeedCodeLocation(explicit: seedCode, environment: environment.values, currentDirectory: FileManager.default.currentDirectoryPath)
            let written = try SynthWorkflow(topology: topology, options: options, seedCode: seed)
                .write(to: URL(fileURLWithPath: out))
            try output.result(["files": written], text: written.joined(separator: "\n") + "\nwrote \(written.count) files to \(out)")
        }
    }
}
