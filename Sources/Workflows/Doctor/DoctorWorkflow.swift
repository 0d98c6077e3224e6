import AWSServices
import Foundation
import Topology

/// `mlopsctl doctor`: for every stage at once, resolve the profile, ask STS who the credentials are,
/// and compare with the account the topology names. It never mutates anything.
public struct DoctorWorkflow: Sendable {
    public let topology: Topology
    public let sessions: StageSessions

    public init(topology: Topology, sessions: StageSessions) {
        self.topology = topology
        self.sessions = sessions
    }

    /// One row per stage, in topology order; stages are checked concurrently.
    public func run() async -> [StageHealth] {
        await withTaskGroup(of: StageHealth.self) { group in
            for stage in topology.stages {
                group.addTask { await check(stage) }
            }
            var rows: [StageHealth] = []
            for await row in group { rows.append(row) }
            return rows.sorted { Stage(rawValue: $0.stage)! < Stage(rawValue: $1.stage)! }
        }
    }

    func check(_ stage: StageConfig) async -> StageHealth {
        var row = StageHealth(
            stage: stage.stage.rawValue, profile: stage.profile, expectedAccount: stage.account, region: stage.region,
            endpoint: "-", verdict: .healthy)
        let session: AWSSession
        do {
            session = try sessions.session(for: stage)
        } catch {
            row.verdict = .misconfigured
            row.problem = String(describing: error)
            return row
        }
        row.endpoint = session.endpoint(for: .sts).url.absoluteString
        do {
            let identity = try await session.sts.getCallerIdentity()
            row.actualAccount = identity.account
            row.arn = identity.arn
            if identity.account != stage.account {
                row.verdict = .wrongAccount
                row.problem =
                    "profile '\(stage.profile)' reaches account \(identity.account), but the topology says \(stage.account) "
                    + "for stage \(stage.stage.rawValue); fix the profile or the topology"
            }
        } catch {
            let diagnosis = FailureDiagnosis(error, profile: stage.profile)
            row.verdict = diagnosis.verdict
            row.problem = diagnosis.message
        }
        return row
    }
}
