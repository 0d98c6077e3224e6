import Foundation

// SageMaker statuses are structs rather than enums so a value AWS adds later is carried through
// instead of failing the decode (as `StackStatus` does for CloudFormation).

/// `ModelApprovalStatus`: the registry's approval gate for a model package version.
public struct ModelApprovalStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let approved = ModelApprovalStatus(rawValue: "Approved")
    public static let rejected = ModelApprovalStatus(rawValue: "Rejected")
    public static let pendingManualApproval = ModelApprovalStatus(rawValue: "PendingManualApproval")
}

/// `ModelPackageStatus` (`Pending`, `InProgress`, `Completed`, `Failed`, `Deleting`).
public struct ModelPackageStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let pending = ModelPackageStatus(rawValue: "Pending")
    public static let inProgress = ModelPackageStatus(rawValue: "InProgress")
    public static let completed = ModelPackageStatus(rawValue: "Completed")
    public static let failed = ModelPackageStatus(rawValue: "Failed")
    public static let deleting = ModelPackageStatus(rawValue: "Deleting")
}

/// `ModelPackageGroupStatus` (`Pending`, `InProgress`, `Completed`, `Failed`, `Deleting`, `DeleteFailed`).
public struct ModelPackageGroupStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let pending = ModelPackageGroupStatus(rawValue: "Pending")
    public static let inProgress = ModelPackageGroupStatus(rawValue: "InProgress")
    public static let completed = ModelPackageGroupStatus(rawValue: "Completed")
    public static let failed = ModelPackageGroupStatus(rawValue: "Failed")
    public static let deleting = ModelPackageGroupStatus(rawValue: "Deleting")
    public static let deleteFailed = ModelPackageGroupStatus(rawValue: "DeleteFailed")
}

/// `ProjectStatus` of a SageMaker project (`Pending`, `CreateInProgress`, `CreateCompleted`, …).
public struct SageMakerProjectStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let pending = SageMakerProjectStatus(rawValue: "Pending")
    public static let createInProgress = SageMakerProjectStatus(rawValue: "CreateInProgress")
    public static let createCompleted = SageMakerProjectStatus(rawValue: "CreateCompleted")
    public static let createFailed = SageMakerProjectStatus(rawValue: "CreateFailed")
    public static let deleteInProgress = SageMakerProjectStatus(rawValue: "DeleteInProgress")
    public static let deleteFailed = SageMakerProjectStatus(rawValue: "DeleteFailed")
    public static let deleteCompleted = SageMakerProjectStatus(rawValue: "DeleteCompleted")
    public static let updateInProgress = SageMakerProjectStatus(rawValue: "UpdateInProgress")
    public static let updateCompleted = SageMakerProjectStatus(rawValue: "UpdateCompleted")
    public static let updateFailed = SageMakerProjectStatus(rawValue: "UpdateFailed")

    /// The project is still changing and polling again makes sense.
    public var isInProgress: Bool { self == .pending || rawValue.hasSuffix("InProgress") }
}

/// `EndpointStatus` (`Creating`, `InService`, `Updating`, `Failed`, …).
public struct EndpointStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let outOfService = EndpointStatus(rawValue: "OutOfService")
    public static let creating = EndpointStatus(rawValue: "Creating")
    public static let updating = EndpointStatus(rawValue: "Updating")
    public static let systemUpdating = EndpointStatus(rawValue: "SystemUpdating")
    public static let rollingBack = EndpointStatus(rawValue: "RollingBack")
    public static let inService = EndpointStatus(rawValue: "InService")
    public static let deleting = EndpointStatus(rawValue: "Deleting")
    public static let failed = EndpointStatus(rawValue: "Failed")
    public static let updateRollbackFailed = EndpointStatus(rawValue: "UpdateRollbackFailed")
}
