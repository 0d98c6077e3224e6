import AWSServices
import Foundation
import Topology

/// Safety before any mutating call: every stage's credentials must belong to the account the topology names.
/// All stages are checked at once, and one mismatch stops the whole run before anything changes.
enum AccountCheck {
    struct Mismatch: Error, CustomStringConvertible {
        /// One per failing stage, in stage order: the stage and what is wrong with it.
        let problems: [(stage: String, problem: String)]

        /// Stages with the same problem (one profile used by several stages) share a line, and the first line is a
        /// problem itself, naming its profile: that is the line a user (or a log's first line) sees.
        var description: String {
            var groups: [(stages: [String], problem: String)] = []
            for (stage, problem) in problems {
                if let index = groups.firstIndex(where: { $0.problem == problem }) {
                    groups[index].stages.append(stage)
                } else {
                    groups.append(([stage], problem))
                }
            }
            let lines = groups.map { "\($0.stages.joined(separator: ", ")): \($0.problem)" }
            guard problems.count > 1 else { return lines[0] }
            return ([lines[0]] + lines.dropFirst().map { "  \($0)" } + ["  (\(problems.count) stages failed the account check; nothing was changed)"])
                .joined(separator: "\n")
        }
    }

    /// - Returns: the caller ARN of each stage.
    static func verify(_ sessions: [(StageConfig, AWSSession)]) async throws -> [Stage: String] {
        let outcomes = await withTaskGroup(of: (StageConfig, Result<CallerIdentity, any Error>).self) { group in
            for (stage, session) in sessions {
                group.addTask { (stage, await Result { try await session.sts.getCallerIdentity() }) }
            }
            var collected: [(StageConfig, Result<CallerIdentity, any Error>)] = []
            for await outcome in group { collected.append(outcome) }
            return collected.sorted { $0.0.stage < $1.0.stage }
        }
        var problems: [(stage: String, problem: String)] = []
        var arns: [Stage: String] = [:]
        for (stage, outcome) in outcomes {
            switch outcome {
            case .success(let identity) where identity.account == stage.account:
                arns[stage.stage] = identity.arn
            case .success(let identity):
                problems.append(
                    (stage.stage.rawValue, "profile '\(stage.profile)' reaches account \(identity.account), but the topology says "
                        + "\(stage.account); nothing was changed"))
            case .failure(let error):
                problems.append((stage.stage.rawValue, Self.unconfirmed(profile: stage.profile, error)))
            }
        }
        guard problems.isEmpty else { throw Mismatch(problems: problems) }
        return arns
    }
}

extension AccountCheck {
    /// "cannot confirm the account of profile 'p': …", without naming the profile twice when the error already
    /// starts with it (credential errors do).
    static func unconfirmed(profile: String, _ error: any Error) -> String {
        let text = String(describing: error)
        let prefix = "profile '\(profile)': "
        let reason = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        return "cannot confirm the account of profile '\(profile)': \(reason)"
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
