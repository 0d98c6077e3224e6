import AWSServices
import Foundation
import Topology

extension PromotionStatus {
    /// `live` when the stage's endpoint stack serves the recorded package.
    public static let asRecorded = "as recorded"

    /// Reads each stage's endpoint stack (with that stage's profile, its account confirmed first) and says in `live`
    /// whether it still serves what the ledger recorded: "as recorded", "serves <arn>", "no endpoint stack", or why it
    /// could not be read. Reads only; stages are read concurrently.
    public static func verify(_ statuses: [PromotionStatus], topology: Topology, sessions: StageSessions) async -> [PromotionStatus] {
        var verified = statuses
        await withTaskGroup(of: (Int, String).self) { group in
            for (index, status) in statuses.enumerated() {
                group.addTask { (index, await live(status, topology: topology, sessions: sessions)) }
            }
            for await (index, live) in group { verified[index].live = live }
        }
        return verified
    }

    private static func live(_ status: PromotionStatus, topology: Topology, sessions: StageSessions) async -> String {
        guard let stage = Stage(rawValue: status.stage) else { return "cannot check: the topology has no stage \(status.stage)" }
        do {
            // The stage's profile, in the region the promotion was recorded in (the ledger, not today's topology).
            let session = try sessions.session(for: topology[stage], region: status.region)
            let identity = try await session.sts.getCallerIdentity()
            guard identity.account == status.account else {
                return "cannot check: profile '\(session.profileName)' reaches account \(identity.account), not \(status.account)"
            }
            switch try await PromoteWorkflow.livePackage(project: status.project, stage: stage, session: session) {
            case nil: return "no endpoint stack (changed outside mlopsctl?)"
            case status.packageArn?: return asRecorded
            case let other?: return "serves \(other) (changed outside mlopsctl?)"
            }
        } catch {
            return "cannot check: \(error)"
        }
    }
}
