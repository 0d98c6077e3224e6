import AWSServices
import Ledger

/// `mlopsctl status --org`: per stage role and stack set, how many instances are current, outdated and failed, with
/// the failed ones listed; from the ledger (no AWS call), or with `verify` from a live listing of every stack set.
public struct OrganizationStatus: Sendable, Codable, Equatable {
    public struct FailedInstance: Sendable, Codable, Equatable {
        public let account: String
        public let region: String
        public let status: String
        public let reason: String?
    }

    public var stage: String
    public var stackSet: String
    public var adminAccount: String
    public var region: String
    public var instances: StackInstanceCounts
    public var failed: [FailedInstance]
    /// With --verify: the counts StackSets lists now.
    public var live: StackInstanceCounts?

    /// The ledger's view: one summary query, then the failed instances of each stack set (at most `failedLimit` each).
    public static func read(ledger: LedgerDatabase, failedLimit: Int? = 50) async throws -> [OrganizationStatus] {
        var statuses: [OrganizationStatus] = []
        for summary in try await ledger.stackSetSummaries() where summary.status != "deleted" {
            let failed = try await ledger.failedStackInstances(summary.key, limit: failedLimit).map {
                FailedInstance(account: $0.account, region: $0.region, status: $0.detailedStatus ?? $0.status, reason: $0.statusReason)
            }
            statuses.append(OrganizationStatus(
                stage: summary.stage, stackSet: summary.key.name, adminAccount: summary.key.adminAccount, region: summary.key.region,
                instances: StackInstanceCounts(total: summary.total - summary.deleted, current: summary.current, outdated: summary.outdated, failed: summary.failed),
                failed: failed, live: nil))
        }
        return statuses
    }

    /// Adds the live counts of each stack set (read-only; every page streamed, nothing kept but the counts).
    public static func verify(_ statuses: [OrganizationStatus], access: OrganizationAccess) async throws -> [OrganizationStatus] {
        var verified = statuses
        for index in verified.indices where verified[index].adminAccount == access.callerAccount {
            var counts = StackInstanceCounts()
            for try await summary in access.session.inRegion(verified[index].region).cloudFormation.stackInstances(verified[index].stackSet, callAs: access.callAs) {
                counts.add(summary)
            }
            verified[index].live = counts
        }
        return verified
    }

    /// Whether the live counts (when read) differ from the ledger's, or anything failed.
    public var isHealthy: Bool { instances.failed == 0 && instances.outdated == 0 && (live.map { $0 == instances } ?? true) }
}

extension StackInstanceCounts {
    mutating func add(_ summary: StackInstanceSummary) {
        total += 1
        if summary.status == .inoperable || summary.detailedStatus == .failed || summary.detailedStatus == .cancelled {
            failed += 1
        } else if summary.status == .current {
            current += 1
        } else {
            outdated += 1
        }
    }
}
