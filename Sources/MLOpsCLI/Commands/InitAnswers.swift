import AWSConfig
import Foundation
import Topology

/// The answers `mlopsctl init` needs: flags first, then the seed's constants file (`--from-seed-constants`), then, on
/// a terminal, prompts for the rest (accounts, profiles, region, qualifier, how projects are launched and sourced).
/// Without a terminal the accounts, profiles and region are required flags; the other settings default.
struct InitAnswers {
    var region: String
    /// Stages that live in another region than `region` (`--<stage>-region`).
    var stageRegions: [Stage: String]
    var qualifier: String
    var stages: [Stage: (account: String, profile: String)]
    var project: ProjectSettings
    var trust: [Stage: [Stage]] = Topology.defaultTrust
    var executionPolicies: [Stage: [ExecutionPolicy]] = [:]
    var bootstrap = BootstrapSettings()
    var catalog = CatalogSettings()

    static func collect(from command: MLOpsCommand.Init, profiles: [String], environment: EnvironmentVariables) throws -> InitAnswers {
        let flags: [Stage: (account: String?, profile: String?)] = [
            .governance: (command.governanceAccount, command.governanceProfile), .dev: (command.devAccount, command.devProfile),
            .preprod: (command.preprodAccount, command.preprodProfile), .prod: (command.prodAccount, command.prodProfile),
        ]
        let seed = try command.fromSeedConstants.map { path in
            do { return try SeedConstants.read(path: path) } catch let error as SeedConstantsError { throw CLIError(error.description) }
        }
        var seedProblems: [String] = []
        func fromSeed(_ value: Result<SeedConstants.Value, SeedConstants.Problem>?, flag: String) -> String? {
            switch value {
            case .success(let value): return value.text
            case .failure(let problem): seedProblems.append("\(problem); fix the file or pass \(flag)"); return nil
            case nil: return nil
            }
        }

        // Everything the file gives, checked before any question is asked.
        var seedAccounts: [Stage: String] = [:]
        var seedRegion: String?
        if let seed {
            for stage in Stage.allCases where flags[stage]?.account == nil {
                seedAccounts[stage] = fromSeed(seed.account(stage), flag: "--\(stage.rawValue)-account")
            }
            if command.region == nil { seedRegion = fromSeed(seed.region, flag: "--region") }
        }
        guard seedProblems.isEmpty else { throw CLIError(seedProblems.joined(separator: "\n")) }

        let prompter = Prompter()
        var missing: [String] = []
        var stages: [Stage: (account: String, profile: String)] = [:]
        if prompter.isInteractive && !profiles.isEmpty {
            FileHandle.standardError.write(Data("AWS profiles found: \(profiles.joined(separator: ", "))\n".utf8))
        }
        for stage in Stage.allCases {
            var account = flags[stage]?.account ?? seedAccounts[stage]
            var profile = flags[stage]?.profile
            if account == nil, prompter.isInteractive {
                account = prompter.ask("\(stage.rawValue) account id") { TopologyFormats.accountProblem($0) }
            }
            if profile == nil, prompter.isInteractive {
                // A profile whose name has the stage as a word (acme-prod, prod_admin), not inside another (preprod).
                let guess = profiles.first { name in
                    name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == stage.rawValue }
                }
                profile = prompter.ask("\(stage.rawValue) AWS profile", default: guess) { name in
                    profiles.isEmpty || profiles.contains(name) ? nil : "no profile '\(name)' in your AWS config files"
                }
            }
            if account == nil { missing.append("--\(stage.rawValue)-account") }
            if profile == nil { missing.append("--\(stage.rawValue)-profile") }
            if let account, let profile { stages[stage] = (account, profile) }
        }
        var region = command.region ?? seedRegion ?? RegionResolver.resolve(explicit: nil, environment: environment, profile: nil)
        if region == nil, prompter.isInteractive { region = prompter.ask("region", default: "us-east-1") }
        if region == nil { missing.append("--region") }
        guard missing.isEmpty, let region else {
            throw CLIError("missing answers: \(missing.joined(separator: ", ")) (without a terminal every answer is a flag)")
        }
        let stageRegions: [Stage: String] = [
            .governance: command.governanceRegion, .dev: command.devRegion, .preprod: command.preprodRegion, .prod: command.prodRegion,
        ].compactMapValues { $0 }
        let regionProblems = ([("--region", region)] + stageRegions.sorted { $0.key.rawValue < $1.key.rawValue }.map { ("--\($0.key.rawValue)-region", $0.value) })
            .compactMap { flag, value in TopologyFormats.regionProblem(value).map { "\(flag): \($0)" } }
        guard regionProblems.isEmpty else { throw CLIError(regionProblems.joined(separator: "; ")) }
        let sections = try command.settings.sections()
        var qualifier = command.qualifier
        var via = command.settings.via
        var source = command.settings.source
        if prompter.isInteractive {
            if qualifier == nil {
                qualifier = prompter.ask("CDK bootstrap qualifier", default: Topology.defaultQualifier) { TopologyFormats.qualifierProblem($0) }
            }
            if via == nil {
                FileHandle.standardError.write(Data(Self.viaExplanation.utf8))
                via = prompter.ask("how launch-project creates projects (sagemaker or cloudformation)", default: ProjectSettings.Via.sagemaker.rawValue) {
                    ProjectSettings.Via(rawValue: $0) == nil ? "answer sagemaker or cloudformation" : nil
                }.flatMap(ProjectSettings.Via.init(rawValue:))
            }
            if source == nil {
                source = prompter.ask("where project pipelines read their code (s3 or codecommit)", default: ProjectSettings.Source.s3.rawValue) {
                    ProjectSettings.Source(rawValue: $0) == nil ? "answer s3 or codecommit" : nil
                }.flatMap(ProjectSettings.Source.init(rawValue:))
            }
        }
        if let qualifier, let problem = TopologyFormats.qualifierProblem(qualifier) { throw CLIError("--qualifier: \(problem)") }
        return InitAnswers(
            region: region, stageRegions: stageRegions, qualifier: qualifier ?? Topology.defaultQualifier, stages: stages,
            project: ProjectSettings(source: source ?? .s3, via: via ?? .sagemaker), trust: sections.trust,
            executionPolicies: sections.policies, bootstrap: sections.bootstrap, catalog: sections.catalog)
    }

    static let viaExplanation = """
        Projects: sagemaker = SageMaker CreateProject from the Service Catalog product (needs SageMaker Studio);
                  cloudformation = the project template deployed as a stack in dev (no Studio; the local emulator).

        """

    /// The topology these answers describe, validated by the same rules as a file (written, then read back).
    func topology() throws -> Topology {
        let configs = Stage.allCases.map { stage in
            StageConfig(stage: stage, account: stages[stage]!.account, profile: stages[stage]!.profile, region: stageRegions[stage] ?? region)
        }
        let candidate = Topology(
            region: region, qualifier: qualifier, stages: configs, trust: trust, executionPolicies: executionPolicies, bootstrap: bootstrap,
            catalog: catalog, project: project)
        do {
            return try TopologyLoader.parse(yaml: TopologyWriter.yaml(for: candidate), file: "the answers")
        } catch let error as TopologyError {
            // The lines of a file nobody has seen mean nothing: each problem names the flag (or prompt) to fix instead.
            throw CLIError(error.problems.map { "\(Self.flag(for: $0.path)): \($0.message)" }.joined(separator: "\n"))
        }
    }

    /// The flag that sets the topology key at `path` (the key itself when no flag does).
    static func flag(for path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        switch (parts.first, parts.dropFirst().first) {
        case ("stages", let stage?): return "--\(stage)-\(parts.dropFirst(2).first ?? "account")"
        case ("trust", _): return "--trust"
        case ("executionPolicies", _): return "--execution-policy"
        case ("bootstrap", "stackName"): return "--bootstrap-stack-name"
        case ("bootstrap", "tags"): return "--tag"
        case ("catalog", let key?):
            return "--" + key.reduce(into: "") { text, letter in text += letter.isUppercase ? "-\(letter.lowercased())" : String(letter) }
        case ("qualifier", _), ("region", _): return "--\(path)"
        default: return path
        }
    }
}
