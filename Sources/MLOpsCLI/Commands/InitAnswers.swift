import AWSConfig
import Foundation
import Topology

/// The answers `mlopsctl init` needs: flags first, then the seed's constants file (`--from-seed-constants`), then, on
/// a terminal, prompts for the rest.
struct InitAnswers {
    var region: String
    /// Stages that live in another region than `region` (`--<stage>-region`).
    var stageRegions: [Stage: String]
    var qualifier: String
    var stages: [Stage: (account: String, profile: String)]

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
        return InitAnswers(region: region, stageRegions: stageRegions, qualifier: command.qualifier, stages: stages)
    }

    /// The topology these answers describe, validated by the same rules as a file (written, then read back).
    func topology() throws -> Topology {
        let configs = Stage.allCases.map { stage in
            StageConfig(stage: stage, account: stages[stage]!.account, profile: stages[stage]!.profile, region: stageRegions[stage] ?? region)
        }
        let candidate = Topology(region: region, qualifier: qualifier, stages: configs)
        return try TopologyLoader.parse(yaml: TopologyWriter.yaml(for: candidate), file: "the answers")
    }
}
