import ArgumentParser
import AWSConfig
import AWSWire
import Foundation
import Topology
import Workflows

extension MLOpsCommand {
    /// The replacement for cdk-account-setup.sh's prompts: writes a topology file, never edits source files.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a topology file for your four accounts (asks on a terminal, or takes flags).",
            discussion: """
                On a terminal, asks for each stage's account id and AWS profile (offering the profiles found in your \
                AWS config files), the region, the CDK bootstrap qualifier, how launch-project creates projects (project.via: \
                sagemaker or cloudformation) and where their pipelines read code (project.source: s3 or codecommit); \
                --<stage>-region puts one stage in its own region. Without a terminal, the flags must give every account, \
                profile and the region; the other settings default (qualifier hnb659fds, --via sagemaker, --source s3). \
                The optional sections have flags only: --trust, --execution-policy, --bootstrap-stack-name, \
                --[no-]termination-protection, --tag, --portfolio-name, --portfolio-owner, --product-name, --product-version. \
                The organization: section (StackSets to member accounts) is not written by init: add it by hand (README, \
                "Topology file"). --from-seed-constants FILE takes the accounts and the region from the seed's \
                config/constants.py, the file cdk-account-setup.sh fills in (PIPELINE_ACCOUNT for governance, DEV_ACCOUNT, \
                PREPROD_ACCOUNT, PROD_ACCOUNT, DEFAULT_DEPLOYMENT_REGION): read as text, never run; flags override it; the \
                profiles still come from flags or prompts. Before writing, it checks with STS that each profile really reaches \
                the account given (skip with --no-verify). Writes where the other commands look for the topology: --out or \
                --topology PATH, else $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml; an existing file needs --force.

                Examples:
                  Answer the questions on a terminal:
                    mlopsctl init
                  Start from the seed's constants.py (the profiles are still asked for):
                    mlopsctl init --from-seed-constants config/constants.py
                  Without the STS check (offline):
                    mlopsctl init --no-verify
                """)

        @Option(
            help: ArgumentHelp("Where to write the topology (default: --topology, else $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
        var out: String?
        /// --topology (the same as --out: the file the other commands then read), --output, --debug, the timeouts.
        @OptionGroup var global: GlobalOptions
        @Option(
            help: ArgumentHelp("Read the accounts and the region from the seed's config/constants.py.", valueName: "file"),
            completion: .file(extensions: ["py"]))
        var fromSeedConstants: String?
        @Option(help: "Default region of every stage.") var region: String?
        @Option(help: "Governance region, when it differs from --region.") var governanceRegion: String?
        @Option(help: "Dev region, when it differs from --region.") var devRegion: String?
        @Option(help: "Preprod region, when it differs from --region.") var preprodRegion: String?
        @Option(help: "Prod region, when it differs from --region.") var prodRegion: String?
        @Option(help: "CDK bootstrap qualifier ([A-Za-z0-9_-]{1,10}; asked on a terminal; default hnb659fds).") var qualifier: String?
        @Option(help: "Governance account id.") var governanceAccount: String?
        @Option(help: "Governance AWS profile.") var governanceProfile: String?
        @Option(help: "Dev account id.") var devAccount: String?
        @Option(help: "Dev AWS profile.") var devProfile: String?
        @Option(help: "Preprod account id.") var preprodAccount: String?
        @Option(help: "Preprod AWS profile.") var preprodProfile: String?
        @Option(help: "Prod account id.") var prodAccount: String?
        @Option(help: "Prod AWS profile.") var prodProfile: String?
        @OptionGroup(title: "Project and optional settings") var settings: InitSettingsOptions
        @Flag(help: "Overwrite an existing file.") var force = false
        @Flag(help: "Do not check the profiles against the accounts (offline).") var noVerify = false

        func validate() throws {
            if let out, let topology = global.topology, out != topology { throw ValidationError("--out and --topology both say where to write the topology; give one of them") }
        }

        func run() async throws {
            let environment = EnvironmentVariables.current
            let destination = InitDestination(explicit: out ?? global.topology, environment: environment.values)
            let out = destination.displayPath
            if FileManager.default.fileExists(atPath: destination.location.path) && !force {
                throw CLIError("\(out) already exists; pass --force to overwrite it or --out to write elsewhere")
            }
            let config = try SharedConfigFiles.load(environment: environment)
            let answers = try InitAnswers.collect(from: self, profiles: config.profiles.keys.sorted(), environment: environment)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let topology = try answers.topology()
            if !noVerify {
                let rows = await DoctorWorkflow(topology: topology, sessions: sessions).run()
                let problems = rows.filter { !$0.isHealthy }.map { "\($0.stage): \($0.problem ?? $0.verdict.rawValue)" }
                guard problems.isEmpty else {
                    throw CLIError("not written: \(problems.joined(separator: "; ")) (use --no-verify to write it anyway)")
                }
            }
            let source = fromSeedConstants.map { " from \($0)" } ?? ""
            let header = "Topology written by `mlopsctl init`\(source). Reference: README.md, section \"Topology file\"."
            let yaml = TopologyWriter.yaml(for: topology, header: header)
            _ = try TopologyLoader.parse(yaml: yaml, file: destination.location.path)  // what we write must read back
            try PrivateFiles.write(Data(yaml.utf8), to: URL(fileURLWithPath: destination.location.path))
            let next = destination.nextStep(verified: !noVerify)
            try global.contract("init").result(
                InitResult(file: destination.location.path, verified: !noVerify, next: next, topology: topology),
                text: "wrote \(out)\(noVerify ? " (profiles not verified)" : "; every profile reaches its account")\n\(next)")
        }
    }
}
