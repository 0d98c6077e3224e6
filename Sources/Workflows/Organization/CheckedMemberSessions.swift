import AWSServices
import Synchronization

/// The member sessions of one teardown run, each confirmed with STS once: the image step and the bucket step in one
/// account share one assumed role and one identity check (two requests fewer per member).
final class CheckedMemberSessions: Sendable {
    private let confirmed = Mutex<[StackInstanceKey: AWSSession]>([:])

    /// The session in `place` through the access role, and the account STS says it reached (only a session that reached
    /// `place.account` is kept and reused).
    func session(_ place: StackInstanceKey, access: OrganizationAccess) async throws -> (session: AWSSession, reached: String) {
        if let known = confirmed.withLock({ $0[place] }) { return (known, place.account) }
        let session = access.memberSession(place.account, region: place.region)
        let reached = try await session.sts.getCallerIdentity().account
        if reached == place.account { confirmed.withLock { $0[place] = session } }
        return (session, reached)
    }
}
