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
                AWS config files) and the region; --<stage>-region puts one stage in its own region. Without a terminal, the flags must give every answer. \
                --from-seed-constants FILE takes the accounts and the region from the seed's config/constants.py, the file \
                cdk-account-setup.sh fills in (PIPELINE_ACCOUNT for governance, DEV_ACCOUNT, PREPROD_ACCOUNT, PROD_ACCOUNT, \
                DEFAULT_DEPLOYMENT_REGION): read as text, never run; flags override it; the profiles still come from flags or \
                prompts. Before writing, it checks with STS that each profile really reaches the account given (skip with \
                --no-verify). Writes profiles/mlopsctl.yaml unless --out says otherwise; an existing file needs --force.

                Examples:
                  Answer the questions on a terminal:
                    mlopsctl init
                  Start from the seed's constants.py (the profiles are still asked for):
                    mlopsctl init --from-seed-constants config/constants.py
                  Write ./mlopsctl.yaml without the STS check (offline):
                    mlopsctl init --out mlopsctl.yaml --no-verify
                """)

        @Option(help: "Where to write the topology.") var out: String = "profiles/mlopsctl.yaml"
        @Option(
            help: ArgumentHelp("Read the accounts and the region from the seed's config/constants.py.", valueName: "file"),
            completion: .file(extensions: ["py"]))
        var fromSeedConstants: String?
        @Option(help: "Default region of every stage.") var region: String?
        @Option(help: "Governance region, when it differs from --region.") var governanceRegion: String?
        @Option(help: "Dev region, when it differs from --region.") var devRegion: String?
        @Option(help: "Preprod region, when it differs from --region.") var preprodRegion: String?
        @Option(help: "Prod region, when it differs from --region.") var prodRegion: String?
        @Option(help: "CDK bootstrap qualifier ([A-Za-z0-9_-]{1,10}).") var qualifier: String = Topology.defaultQualifier
        @Option(help: "Governance account id.") var governanceAccount: String?
        @Option(help: "Governance AWS profile.") var governanceProfile: String?
        @Option(help: "Dev account id.") var devAccount: String?
        @Option(help: "Dev AWS profile.") var devProfile: String?
        @Option(help: "Preprod account id.") var preprodAccount: String?
        @Option(help: "Preprod AWS profile.") var preprodProfile: String?
        @Option(help: "Prod account id.") var prodAccount: String?
        @Option(help: "Prod AWS profile.") var prodProfile: String?
        @Flag(help: "Overwrite an existing file.") var force = false
        @Flag(help: "Do not check the profiles against the accounts (offline).") var noVerify = false
        @Flag(help: "Log AWS requests to stderr.") var debug = false
        @Option(
            help: ArgumentHelp("Append one JSON line per AWS request to FILE (default: $MLOPSCTL_RECORD_REQUESTS).", valueName: "file"),
            completion: .file())
        var recordRequests: String?
        @Option(help: ArgumentHelp("Seconds to wait for a connection to AWS; 0 = no limit (default 60).", valueName: "seconds"))
        var cliConnectTimeout: String?
        @Option(help: ArgumentHelp("Seconds an AWS connection may stay silent; 0 = no limit (default 60).", valueName: "seconds"))
        var cliReadTimeout: String?

        func run() async throws {
            let environment = EnvironmentVariables.current
            if FileManager.default.fileExists(atPath: out) && !force {
                throw CLIError("\(out) already exists; pass --force to overwrite it or --out to write elsewhere")
            }
            let config = try SharedConfigFiles.load(environment: environment)
            let answers = try InitAnswers.collect(from: self, profiles: config.profiles.keys.sorted(), environment: environment)
            var options = GlobalOptions()
            options.debug = debug
            options.recordRequests = recordRequests
            options.cliConnectTimeout = cliConnectTimeout
            options.cliReadTimeout = cliReadTimeout
            let sessions = StageSessions(
                config: config, environment: environment, transport: CurlTransport(), logger: options.makeLogger(),
                observer: try options.requestJournal(verb: Self._commandName, environment: environment), timeouts: try options.httpTimeouts())
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
            _ = try TopologyLoader.parse(yaml: yaml, file: out)  // what we write must read back
            let url = URL(fileURLWithPath: out)
            try PrivateFiles.write(Data(yaml.utf8), to: url)
            Console.print("wrote \(out)\(noVerify ? " (profiles not verified)" : "; every profile reaches its account")")
        }
    }
}
