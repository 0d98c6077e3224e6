import Foundation

/// A CloudFormation stack status (`StackStatus` in the API). A struct rather than an enum so a status
/// AWS adds later is carried through instead of failing the decode.
public struct StackStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let createInProgress = StackStatus("CREATE_IN_PROGRESS")
    public static let createFailed = StackStatus("CREATE_FAILED")
    public static let createComplete = StackStatus("CREATE_COMPLETE")
    public static let rollbackInProgress = StackStatus("ROLLBACK_IN_PROGRESS")
    public static let rollbackFailed = StackStatus("ROLLBACK_FAILED")
    public static let rollbackComplete = StackStatus("ROLLBACK_COMPLETE")
    public static let deleteInProgress = StackStatus("DELETE_IN_PROGRESS")
    public static let deleteFailed = StackStatus("DELETE_FAILED")
    public static let deleteComplete = StackStatus("DELETE_COMPLETE")
    public static let updateInProgress = StackStatus("UPDATE_IN_PROGRESS")
    public static let updateCompleteCleanupInProgress = StackStatus("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")
    public static let updateComplete = StackStatus("UPDATE_COMPLETE")
    public static let updateFailed = StackStatus("UPDATE_FAILED")
    public static let updateRollbackInProgress = StackStatus("UPDATE_ROLLBACK_IN_PROGRESS")
    public static let updateRollbackFailed = StackStatus("UPDATE_ROLLBACK_FAILED")
    public static let updateRollbackCompleteCleanupInProgress = StackStatus("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")
    public static let updateRollbackComplete = StackStatus("UPDATE_ROLLBACK_COMPLETE")
    public static let reviewInProgress = StackStatus("REVIEW_IN_PROGRESS")
    public static let importInProgress = StackStatus("IMPORT_IN_PROGRESS")
    public static let importComplete = StackStatus("IMPORT_COMPLETE")
    public static let importRollbackInProgress = StackStatus("IMPORT_ROLLBACK_IN_PROGRESS")
    public static let importRollbackFailed = StackStatus("IMPORT_ROLLBACK_FAILED")
    public static let importRollbackComplete = StackStatus("IMPORT_ROLLBACK_COMPLETE")

    /// An operation is running and the status will change on its own. `REVIEW_IN_PROGRESS` is not
    /// included: it is a stack created by a change set that nobody executed, and waiting never ends it.
    public var isInProgress: Bool {
        rawValue.hasSuffix("_IN_PROGRESS") && self != .reviewInProgress
    }

    /// The failure outcomes of soto's / botocore's `StackCreateComplete`, `StackUpdateComplete` and
    /// `StackDeleteComplete` waiter acceptors (plus the paused `*_FAILED` states of `--disable-rollback`).
    public var isFailure: Bool {
        Self.failures.contains(self)
    }

    /// The one rule for "is this stack there to be used" (a published catalog, a live endpoint, a bootstrap's
    /// outputs): its last operation completed, or an update or import rolled back to the working state before it.
    /// Not `ROLLBACK_COMPLETE` (a create that failed: its resources are gone and it can only be deleted), nor any
    /// `*_IN_PROGRESS`, `*_FAILED`, `DELETE_COMPLETE` or `REVIEW_IN_PROGRESS` (a stack no change set has filled).
    public var isUsable: Bool {
        Self.usable.contains(self)
    }

    static let usable: Set<StackStatus> = [.createComplete, .updateComplete, .updateRollbackComplete, .importComplete, .importRollbackComplete]

    static let failures: Set<StackStatus> = [
        .createFailed, .rollbackComplete, .rollbackFailed, .updateFailed, .updateRollbackComplete, .updateRollbackFailed, .deleteFailed,
        .importRollbackComplete, .importRollbackFailed,
    ]
}

/// A resource status in a stack event or resource summary (`ResourceStatus`), kept as text.
public struct ResourceStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `CREATE_FAILED`, `UPDATE_FAILED`, `DELETE_FAILED`, `ROLLBACK_FAILED`…
    public var isFailed: Bool { rawValue.hasSuffix("_FAILED") }
    /// `CREATE_COMPLETE`, `UPDATE_COMPLETE`, `DELETE_COMPLETE`, `DELETE_SKIPPED`, `IMPORT_COMPLETE`: the resource is settled.
    public var isDone: Bool {
        ["CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "DELETE_SKIPPED", "IMPORT_COMPLETE"].contains(rawValue)
    }
    public var isInProgress: Bool { rawValue.hasSuffix("_IN_PROGRESS") }
}
