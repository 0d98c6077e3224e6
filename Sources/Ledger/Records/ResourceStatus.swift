import GRDB

/// Where a resource is in its life, terraform-style: `planned` is written before the AWS call,
/// the other states after it.
public enum ResourceStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The AWS call is about to be made (or was made and its outcome never recorded).
    case planned
    /// The resource exists and mlopsctl owns it.
    case present
    /// The AWS call failed; `detail` says why. The resource may or may not exist.
    case failed
    /// A delete was started and not yet confirmed.
    case deleting
    /// Gone from AWS. The row stays as history.
    case deleted
    /// Deliberately left in AWS by teardown (e.g. a bucket with a retain policy); `detail` says why.
    case retained
    /// Handed over to someone else with `mlopsctl ledger forget`: it stays in AWS and mlopsctl no longer changes or
    /// deletes it; `detail` says who handed it over, when and why. The row stays as history.
    case handedOver
    /// Found gone by `mlopsctl refresh --apply`: deleted by someone else. The row stays as history.
    case deletedOutOfBand
}
