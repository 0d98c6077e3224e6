import AWSServices
import Foundation
import Topology

/// Safety before any mutating call: every stage's credentials must belong to the account the topology names.
/// All stages are checked at once, and one mismatch stops the whole run before anything changes.
enum AccountCheck {
    struct Mismatch: Error, CustomStringConvertible {
        let problems: [String]
        var description: String {
            problems.count == 1 ? problems[0] : "\(problems.count) stages failed the account check:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
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
        var problems: [String] = []
        var arns: [Stage: String] = [:]
        for (stage, outcome) in outcomes {
            switch outcome {
            case .success(let identity) where identity.account == stage.account:
                arns[stage.stage] = identity.arn
            case .success(let identity):
                problems.append(
                    "\(stage.stage.rawValue): profile '\(stage.profile)' reaches account \(identity.account), but the topology says "
                        + "\(stage.account); nothing was changed")
            case .failure(let error):
                problems.append("\(stage.stage.rawValue): cannot confirm the account of profile '\(stage.profile)': \(error)")
            }
        }
        guard problems.isEmpty else { throw Mismatch(problems: problems) }
        return arns
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
