import AWSServices
import Credentials
import Foundation
import Topology

/// Safety before any mutating call: every stage's credentials must belong to the account the topology names.
/// All stages are checked at once, and one mismatch stops the whole run before anything changes.
enum AccountCheck {
    struct Mismatch: AccountMismatchError {
        /// One per failing stage, in stage order: the stage and what is wrong with it.
        let problems: [String]
        /// True when some stage's credentials reached another account (not merely failed to answer).
        var wrongAccount = false

        /// Stages with the same problem (one profile used by several stages) share a line, and the first line is a
        /// problem itself, naming its profile: that is the line a user (or a log's first line) sees.
        var description: String {
            ProblemList.describe(problems) { _ in "\(problems.count) stages failed the account check:" }
        }
    }

    /// Stages reached through the organization share a profile but not an account: their role and account are part of the key.
    private static func key(_ stage: StageConfig) -> String {
        "\(stage.profile)\u{0}\(stage.region)" + (stage.organizationRole.map { "\u{0}\($0)\u{0}\(stage.account)" } ?? "")
    }

    /// - Returns: the caller ARN of each stage.
    static func verify(_ sessions: [(StageConfig, AWSSession)]) async throws -> [Stage: String] {
        // One call per profile and region: stages sharing a profile share its answer (and one failure reads as one).
        var firstByKey: [String: AWSSession] = [:]
        for (stage, session) in sessions where firstByKey[key(stage)] == nil { firstByKey[key(stage)] = session }
        let identities = await withTaskGroup(of: (String, Result<CallerIdentity, any Error>).self) { group in
            for (key, session) in firstByKey {
                group.addTask { (key, await Result { try await session.sts.getCallerIdentity() }) }
            }
            var collected: [String: Result<CallerIdentity, any Error>] = [:]
            for await (key, outcome) in group { collected[key] = outcome }
            return collected
        }
        let outcomes = sessions.map { ($0.0, identities[key($0.0)]!) }.sorted { $0.0.stage < $1.0.stage }
        var problems: [String] = []
        var wrongAccount = false
        var arns: [Stage: String] = [:]
        for (stage, outcome) in outcomes {
            switch outcome {
            case .success(let identity) where identity.account == stage.account:
                arns[stage.stage] = identity.arn
            case .success(let identity):
                wrongAccount = true
                let reach = stage.organizationRole.map { "role \($0) assumed with profile '\(stage.profile)'" } ?? "profile '\(stage.profile)'"
                problems.append(
                    "\(stage.stage.rawValue): \(reach) reaches account \(identity.account), but the topology says "
                        + "\(stage.account); nothing was changed")
            case .failure(let error):
                problems.append("\(stage.stage.rawValue): \(Self.unconfirmed(profile: stage.profile, region: stage.region, error))")
            }
        }
        guard problems.isEmpty else { throw Mismatch(problems: problems, wrongAccount: wrongAccount) }
        return arns
    }
}

/// The account check stopped the run before any change; `wrongAccount` tells a profile that reaches another account
/// (exit 5) from one that could not be confirmed at all (exit 1).
public protocol AccountMismatchError: Error, CustomStringConvertible {
    var wrongAccount: Bool { get }
}

extension AccountCheck {
    /// "cannot confirm the account of profile 'p': …", without naming the profile twice when the error already
    /// starts with it (credential errors do). When the call itself failed the region is named too ("… 'p' in
    /// <region>: …"): an unknown region or its endpoint is a common cause, and unrelated to a credential failure.
    static func unconfirmed(profile: String, region: String, _ error: any Error) -> String {
        let text = String(describing: error)
        let prefix = "profile '\(profile)': "
        let reason = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        let place = error is CredentialError ? "" : " in \(region)"
        return "cannot confirm the account of profile '\(profile)'\(place): \(reason)"
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
