import Foundation

/// Whom a stack-set call acts as (`CallAs`): the organization's management account itself, or a member account
/// registered as a delegated administrator for StackSets.
public enum StackSetCallAs: String, Sendable, Equatable, CaseIterable {
    case selfAccount = "SELF"
    case delegatedAdmin = "DELEGATED_ADMIN"

    /// The service principal a StackSets delegated administrator is registered for
    /// (`OrganizationsClient.listDelegatedAdministrators(servicePrincipal:)`).
    public static let delegatedAdminServicePrincipal = "member-account.org.stacksets.cloudformation.amazonaws.com"
}

/// `PermissionModels`: SERVICE_MANAGED stack sets deploy through Organizations' own roles to OUs.
public enum StackSetPermissionModel: String, Sendable, Equatable, CaseIterable {
    case serviceManaged = "SERVICE_MANAGED"
    case selfManaged = "SELF_MANAGED"
}

/// Deployment to accounts added to a target OU later (service-managed stack sets only).
public struct StackSetAutoDeployment: Sendable, Equatable {
    public var enabled: Bool
    /// Keep an account's stack when the account leaves the OU (nil: the service default, false).
    public var retainStacksOnAccountRemoval: Bool?
    /// ARNs of stack sets whose auto-deployment must finish first.
    public var dependsOn: [String]

    public init(enabled: Bool, retainStacksOnAccountRemoval: Bool? = nil, dependsOn: [String] = []) {
        self.enabled = enabled
        self.retainStacksOnAccountRemoval = retainStacksOnAccountRemoval
        self.dependsOn = dependsOn
    }
}

/// `RegionConcurrencyType`.
public enum StackSetRegionConcurrency: String, Sendable, Equatable, CaseIterable {
    case sequential = "SEQUENTIAL"
    case parallel = "PARALLEL"
}

/// `ConcurrencyMode`: whether the failure tolerance also caps concurrency (STRICT, the default) or not (SOFT).
public enum StackSetConcurrencyMode: String, Sendable, Equatable, CaseIterable {
    case strictFailureTolerance = "STRICT_FAILURE_TOLERANCE"
    case softFailureTolerance = "SOFT_FAILURE_TOLERANCE"
}

/// How a stack-set operation fans out (`StackSetOperationPreferences`). A count and a percentage of the same
/// limit exclude each other; nil members are left to the service's defaults (one account at a time, no failure).
public struct StackSetOperationPreferences: Sendable, Equatable {
    public var regionConcurrencyType: StackSetRegionConcurrency?
    public var regionOrder: [String]
    public var failureToleranceCount: Int?
    public var failureTolerancePercentage: Int?
    public var maxConcurrentCount: Int?
    public var maxConcurrentPercentage: Int?
    public var concurrencyMode: StackSetConcurrencyMode?

    public init(
        regionConcurrencyType: StackSetRegionConcurrency? = nil, regionOrder: [String] = [], failureToleranceCount: Int? = nil,
        failureTolerancePercentage: Int? = nil, maxConcurrentCount: Int? = nil, maxConcurrentPercentage: Int? = nil,
        concurrencyMode: StackSetConcurrencyMode? = nil
    ) {
        self.regionConcurrencyType = regionConcurrencyType
        self.regionOrder = regionOrder
        self.failureToleranceCount = failureToleranceCount
        self.failureTolerancePercentage = failureTolerancePercentage
        self.maxConcurrentCount = maxConcurrentCount
        self.maxConcurrentPercentage = maxConcurrentPercentage
        self.concurrencyMode = concurrencyMode
    }
}

/// `AccountFilterType`: how `accounts` narrow or widen the OUs of `StackSetDeploymentTargets`.
public enum StackSetAccountFilter: String, Sendable, Equatable, CaseIterable {
    /// All accounts of the OUs (accounts must be empty).
    case none = "NONE"
    /// Only the listed accounts that are in the OUs.
    case intersection = "INTERSECTION"
    /// The OUs' accounts except the listed ones.
    case difference = "DIFFERENCE"
    /// The OUs' accounts and the listed ones.
    case union = "UNION"
}

/// The accounts a service-managed stack-set operation reaches (`DeploymentTargets`).
public struct StackSetDeploymentTargets: Sendable, Equatable {
    public var organizationalUnitIds: [String]
    public var accounts: [String]
    public var accountFilterType: StackSetAccountFilter?

    public init(organizationalUnitIds: [String] = [], accounts: [String] = [], accountFilterType: StackSetAccountFilter? = nil) {
        self.organizationalUnitIds = organizationalUnitIds
        self.accounts = accounts
        self.accountFilterType = accountFilterType
    }
}

/// The inputs of CreateStackSet that mlopsctl sends.
public struct CreateStackSetRequest: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var templateBody: String
    /// Parameter key → value, sent sorted by key.
    public var parameters: [String: String]
    public var capabilities: [StackCapability]
    public var tags: [StackTag]
    public var permissionModel: StackSetPermissionModel
    public var autoDeployment: StackSetAutoDeployment?
    /// `ManagedExecution.Active`: let StackSets queue non-conflicting operations instead of refusing them.
    public var managedExecutionActive: Bool?
    public var callAs: StackSetCallAs
    /// Makes a retried create one call; nil sends a fresh token (the same for every retry of this call).
    public var clientRequestToken: String?

    public init(
        name: String, description: String? = nil, templateBody: String, parameters: [String: String] = [:], capabilities: [StackCapability] = [],
        tags: [StackTag] = [], permissionModel: StackSetPermissionModel = .serviceManaged, autoDeployment: StackSetAutoDeployment? = nil,
        managedExecutionActive: Bool? = nil, callAs: StackSetCallAs, clientRequestToken: String? = nil
    ) {
        self.name = name
        self.description = description
        self.templateBody = templateBody
        self.parameters = parameters
        self.capabilities = capabilities
        self.tags = tags
        self.permissionModel = permissionModel
        self.autoDeployment = autoDeployment
        self.managedExecutionActive = managedExecutionActive
        self.callAs = callAs
        self.clientRequestToken = clientRequestToken
    }
}

/// The inputs of UpdateStackSet that mlopsctl sends. The update applies to every instance of the stack set.
public struct UpdateStackSetRequest: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var templateBody: String
    public var parameters: [String: String]
    public var capabilities: [StackCapability]
    /// nil leaves the stack set's tags alone; an empty list removes them all (sent as `Tags=`).
    public var tags: [StackTag]?
    public var operationPreferences: StackSetOperationPreferences?
    public var autoDeployment: StackSetAutoDeployment?
    public var managedExecutionActive: Bool?
    public var callAs: StackSetCallAs
    /// The operation's id; nil sends a fresh one (the same for every retry of this call).
    public var operationId: String?

    public init(
        name: String, description: String? = nil, templateBody: String, parameters: [String: String] = [:], capabilities: [StackCapability] = [],
        tags: [StackTag]? = nil, operationPreferences: StackSetOperationPreferences? = nil, autoDeployment: StackSetAutoDeployment? = nil,
        managedExecutionActive: Bool? = nil, callAs: StackSetCallAs, operationId: String? = nil
    ) {
        self.name = name
        self.description = description
        self.templateBody = templateBody
        self.parameters = parameters
        self.capabilities = capabilities
        self.tags = tags
        self.operationPreferences = operationPreferences
        self.autoDeployment = autoDeployment
        self.managedExecutionActive = managedExecutionActive
        self.callAs = callAs
        self.operationId = operationId
    }
}

/// The inputs of CreateStackInstances, UpdateStackInstances and DeleteStackInstances.
public struct StackInstancesRequest: Sendable, Equatable {
    public var stackSetName: String
    public var deploymentTargets: StackSetDeploymentTargets
    public var regions: [String]
    /// Per-instance parameter values (create and update only), sent sorted by key.
    public var parameterOverrides: [String: String]
    public var operationPreferences: StackSetOperationPreferences?
    public var callAs: StackSetCallAs
    /// The operation's id; nil sends a fresh one (the same for every retry of this call). A caller that records the
    /// id before sending can resume after a crash: the same id is answered `OperationIdAlreadyExistsException`.
    public var operationId: String?

    public init(
        stackSetName: String, deploymentTargets: StackSetDeploymentTargets, regions: [String], parameterOverrides: [String: String] = [:],
        operationPreferences: StackSetOperationPreferences? = nil, callAs: StackSetCallAs, operationId: String? = nil
    ) {
        self.stackSetName = stackSetName
        self.deploymentTargets = deploymentTargets
        self.regions = regions
        self.parameterOverrides = parameterOverrides
        self.operationPreferences = operationPreferences
        self.callAs = callAs
        self.operationId = operationId
    }
}

/// A stack set as DescribeStackSet returns it.
public struct StackSetDescription: Sendable, Equatable {
    public var name: String
    /// `<name>:<uuid>`.
    public var id: String
    public var arn: String?
    /// `ACTIVE` or `DELETED`.
    public var status: String
    public var description: String?
    /// Exactly as stored (not trimmed), so it can be compared byte for byte with the body that would be sent.
    public var templateBody: String?
    /// Key → value; `NoEcho` parameters read `****`.
    public var parameters: [String: String]
    public var capabilities: [StackCapability]
    public var tags: [StackTag]
    public var permissionModel: StackSetPermissionModel?
    public var autoDeployment: StackSetAutoDeployment?
    public var managedExecutionActive: Bool?
    /// The OUs the stack set has instances in (service-managed only).
    public var organizationalUnitIds: [String]
    public var regions: [String]

    public init(
        name: String, id: String, arn: String? = nil, status: String, description: String? = nil, templateBody: String? = nil,
        parameters: [String: String] = [:], capabilities: [StackCapability] = [], tags: [StackTag] = [],
        permissionModel: StackSetPermissionModel? = nil, autoDeployment: StackSetAutoDeployment? = nil, managedExecutionActive: Bool? = nil,
        organizationalUnitIds: [String] = [], regions: [String] = []
    ) {
        self.name = name
        self.id = id
        self.arn = arn
        self.status = status
        self.description = description
        self.templateBody = templateBody
        self.parameters = parameters
        self.capabilities = capabilities
        self.tags = tags
        self.permissionModel = permissionModel
        self.autoDeployment = autoDeployment
        self.managedExecutionActive = managedExecutionActive
        self.organizationalUnitIds = organizationalUnitIds
        self.regions = regions
    }
}

/// A stack-set value the API may extend (`StackInstanceStatus`, `StackInstanceDetailedStatus`,
/// `StackSetOperationStatus`, …), kept as text so a value added later is carried through.
public protocol StackSetStatusValue: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension StackSetStatusValue {
    public var description: String { rawValue }
}

/// `StackInstanceStatus`: whether the instance's stack matches the stack set.
public struct StackInstanceStatus: StackSetStatusValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let current = StackInstanceStatus(rawValue: "CURRENT")
    /// The last operation on it failed or was stopped, or it was never deployed.
    public static let outdated = StackInstanceStatus(rawValue: "OUTDATED")
    /// A DeleteStackInstances with RetainStacks left it behind, or its stack can no longer be reached.
    public static let inoperable = StackInstanceStatus(rawValue: "INOPERABLE")
}

/// `StackInstanceDetailedStatus`.
public struct StackInstanceDetailedStatus: StackSetStatusValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = StackInstanceDetailedStatus(rawValue: "PENDING")
    public static let running = StackInstanceDetailedStatus(rawValue: "RUNNING")
    public static let succeeded = StackInstanceDetailedStatus(rawValue: "SUCCEEDED")
    public static let failed = StackInstanceDetailedStatus(rawValue: "FAILED")
    public static let cancelled = StackInstanceDetailedStatus(rawValue: "CANCELLED")
    public static let inoperable = StackInstanceDetailedStatus(rawValue: "INOPERABLE")
    public static let skippedSuspendedAccount = StackInstanceDetailedStatus(rawValue: "SKIPPED_SUSPENDED_ACCOUNT")
    public static let failedImport = StackInstanceDetailedStatus(rawValue: "FAILED_IMPORT")
}

/// One ListStackInstances entry.
public struct StackInstanceSummary: Sendable, Equatable {
    public var account: String
    public var region: String
    public var status: StackInstanceStatus
    public var detailedStatus: StackInstanceDetailedStatus?
    public var statusReason: String?
    /// The instance's stack in the member account (absent before it was first deployed).
    public var stackId: String?
    public var organizationalUnitId: String?
    /// `DRIFTED`, `IN_SYNC`, `UNKNOWN` or `NOT_CHECKED`.
    public var driftStatus: String?
    public var lastOperationId: String?

    public init(
        account: String, region: String, status: StackInstanceStatus, detailedStatus: StackInstanceDetailedStatus? = nil,
        statusReason: String? = nil, stackId: String? = nil, organizationalUnitId: String? = nil, driftStatus: String? = nil,
        lastOperationId: String? = nil
    ) {
        self.account = account
        self.region = region
        self.status = status
        self.detailedStatus = detailedStatus
        self.statusReason = statusReason
        self.stackId = stackId
        self.organizationalUnitId = organizationalUnitId
        self.driftStatus = driftStatus
        self.lastOperationId = lastOperationId
    }
}

/// `StackSetOperationAction`.
public struct StackSetOperationAction: StackSetStatusValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let create = StackSetOperationAction(rawValue: "CREATE")
    public static let update = StackSetOperationAction(rawValue: "UPDATE")
    public static let delete = StackSetOperationAction(rawValue: "DELETE")
    public static let detectDrift = StackSetOperationAction(rawValue: "DETECT_DRIFT")
}

/// `StackSetOperationStatus`.
public struct StackSetOperationStatus: StackSetStatusValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let running = StackSetOperationStatus(rawValue: "RUNNING")
    public static let succeeded = StackSetOperationStatus(rawValue: "SUCCEEDED")
    public static let failed = StackSetOperationStatus(rawValue: "FAILED")
    public static let stopping = StackSetOperationStatus(rawValue: "STOPPING")
    public static let stopped = StackSetOperationStatus(rawValue: "STOPPED")
    /// Waiting behind another operation (managed execution only).
    public static let queued = StackSetOperationStatus(rawValue: "QUEUED")

    /// The operation has ended and will not change again.
    public var isFinished: Bool { [.succeeded, .failed, .stopped].contains(self) }
}

/// A stack-set operation as DescribeStackSetOperation returns it.
public struct StackSetOperation: Sendable, Equatable {
    public var operationId: String
    public var stackSetId: String?
    public var action: StackSetOperationAction
    public var status: StackSetOperationStatus
    public var statusReason: String?
    /// `StatusDetails.FailedStackInstancesCount`.
    public var failedStackInstancesCount: Int?
    public var retainStacks: Bool?
    public var creationTimestamp: Date?
    public var endTimestamp: Date?

    public init(
        operationId: String, stackSetId: String? = nil, action: StackSetOperationAction, status: StackSetOperationStatus,
        statusReason: String? = nil, failedStackInstancesCount: Int? = nil, retainStacks: Bool? = nil, creationTimestamp: Date? = nil,
        endTimestamp: Date? = nil
    ) {
        self.operationId = operationId
        self.stackSetId = stackSetId
        self.action = action
        self.status = status
        self.statusReason = statusReason
        self.failedStackInstancesCount = failedStackInstancesCount
        self.retainStacks = retainStacks
        self.creationTimestamp = creationTimestamp
        self.endTimestamp = endTimestamp
    }
}

/// `StackSetOperationResultStatus`.
public struct StackSetOperationResultStatus: StackSetStatusValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = StackSetOperationResultStatus(rawValue: "PENDING")
    public static let running = StackSetOperationResultStatus(rawValue: "RUNNING")
    public static let succeeded = StackSetOperationResultStatus(rawValue: "SUCCEEDED")
    public static let failed = StackSetOperationResultStatus(rawValue: "FAILED")
    public static let cancelled = StackSetOperationResultStatus(rawValue: "CANCELLED")
}

/// One account and region of a stack-set operation (ListStackSetOperationResults).
public struct StackSetOperationResult: Sendable, Equatable {
    public var account: String?
    public var region: String?
    public var status: StackSetOperationResultStatus
    /// CloudFormation's reason, for a failed account the stack's own failure.
    public var statusReason: String?
    public var organizationalUnitId: String?

    public init(
        account: String?, region: String?, status: StackSetOperationResultStatus, statusReason: String? = nil, organizationalUnitId: String? = nil
    ) {
        self.account = account
        self.region = region
        self.status = status
        self.statusReason = statusReason
        self.organizationalUnitId = organizationalUnitId
    }
}
