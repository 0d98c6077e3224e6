import Foundation

/// Whether a change set creates a stack or updates one (`ChangeSetType`; IMPORT is not used).
public enum ChangeSetType: String, Sendable, Equatable {
    case create = "CREATE"
    case update = "UPDATE"
}

/// The inputs of CreateChangeSet that mlopsctl sends.
public struct CreateChangeSetRequest: Sendable, Equatable {
    /// A name, or the stack id of the stack to update.
    public var stackName: String
    /// Unique per stack: a letter, then letters, digits and hyphens, at most 128.
    public var changeSetName: String
    public var template: TemplateSource
    public var parameters: [StackParameter]
    public var capabilities: [StackCapability]
    public var roleARN: String?
    /// nil leaves the stack's tags alone; an empty list removes them all.
    public var tags: [StackTag]?
    /// Makes a retried call idempotent (CreateChangeSet calls it `ClientToken`).
    public var clientToken: String?
    public var description: String?
    public var changeSetType: ChangeSetType

    public init(
        stackName: String, changeSetName: String, template: TemplateSource, parameters: [StackParameter] = [],
        capabilities: [StackCapability] = [], roleARN: String? = nil, tags: [StackTag]? = nil, clientToken: String? = nil,
        description: String? = nil, changeSetType: ChangeSetType = .update
    ) {
        self.stackName = stackName
        self.changeSetName = changeSetName
        self.template = template
        self.parameters = parameters
        self.capabilities = capabilities
        self.roleARN = roleARN
        self.tags = tags
        self.clientToken = clientToken
        self.description = description
        self.changeSetType = changeSetType
    }
}

/// What CreateChangeSet answers.
public struct CreatedChangeSet: Sendable, Equatable {
    /// The change set's ARN: names it unambiguously in the later calls.
    public var id: String
    public var stackId: String

    public init(id: String, stackId: String) {
        self.id = id
        self.stackId = stackId
    }
}

/// A change set's status (`ChangeSetStatus`): a struct so a value AWS adds later is carried through.
public struct ChangeSetStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let createPending = ChangeSetStatus(rawValue: "CREATE_PENDING")
    public static let createInProgress = ChangeSetStatus(rawValue: "CREATE_IN_PROGRESS")
    public static let createComplete = ChangeSetStatus(rawValue: "CREATE_COMPLETE")
    public static let failed = ChangeSetStatus(rawValue: "FAILED")

    /// Still being computed: poll again.
    public var isPending: Bool { self == .createPending || self == .createInProgress }
}

/// Whether a change set can be executed (`ExecutionStatus`).
public struct ChangeSetExecutionStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let available = ChangeSetExecutionStatus(rawValue: "AVAILABLE")
    public static let unavailable = ChangeSetExecutionStatus(rawValue: "UNAVAILABLE")
    public static let obsolete = ChangeSetExecutionStatus(rawValue: "OBSOLETE")
}

/// One page of DescribeChangeSet.
public struct ChangeSetDescription: Sendable, Equatable {
    public var changeSetId: String
    public var changeSetName: String
    public var stackId: String
    public var stackName: String
    public var status: ChangeSetStatus
    public var statusReason: String?
    public var executionStatus: ChangeSetExecutionStatus?
    /// The resource changes of this page (`Changes` members of `Type` Resource).
    public var changes: [ResourceChange]
    public var nextToken: String?

    public init(
        changeSetId: String, changeSetName: String, stackId: String, stackName: String, status: ChangeSetStatus, statusReason: String? = nil,
        executionStatus: ChangeSetExecutionStatus? = nil, changes: [ResourceChange] = [], nextToken: String? = nil
    ) {
        self.changeSetId = changeSetId
        self.changeSetName = changeSetName
        self.stackId = stackId
        self.stackName = stackName
        self.status = status
        self.statusReason = statusReason
        self.executionStatus = executionStatus
        self.changes = changes
        self.nextToken = nextToken
    }

    /// A FAILED change set that failed only because nothing would change. AWS says "The submitted
    /// information didn't contain changes. Submit different information to create a change set."
    /// (or "No updates are to be performed." for some updates).
    public var failedForNoChanges: Bool {
        guard status == .failed, let reason = statusReason else { return false }
        return reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
    }
}

/// One resource a change set would add, modify or remove (`ResourceChange`).
public struct ResourceChange: Sendable, Equatable {
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`, `SyncWithActual` (kept as sent).
    public var action: String
    public var logicalResourceId: String
    public var physicalResourceId: String?
    public var resourceType: String
    /// `True`, `False` or `Conditional` for a Modify; nil otherwise, and on emulators that do not compute it.
    public var replacement: String?
    /// What changes: `Properties`, `Tags`, `Metadata`, … .
    public var scope: [String]
    public var details: [ResourceChangeDetail]

    public init(
        action: String, logicalResourceId: String, physicalResourceId: String? = nil, resourceType: String, replacement: String? = nil,
        scope: [String] = [], details: [ResourceChangeDetail] = []
    ) {
        self.action = action
        self.logicalResourceId = logicalResourceId
        self.physicalResourceId = physicalResourceId
        self.resourceType = resourceType
        self.replacement = replacement
        self.scope = scope
        self.details = details
    }
}

/// Why a resource changes (`ResourceChangeDetail` with its `ResourceTargetDefinition`).
public struct ResourceChangeDetail: Sendable, Equatable {
    /// `Properties`, `Tags`, … .
    public var attribute: String?
    /// The property name, for `Properties`.
    public var name: String?
    /// `Never`, `Conditionally` or `Always`.
    public var requiresRecreation: String?
    /// `Static` or `Dynamic`.
    public var evaluation: String?
    /// `DirectModification`, `ParameterReference`, `ResourceReference`, … .
    public var changeSource: String?
    /// The parameter or resource that causes the change, e.g. `FileAssetsBucketName`.
    public var causingEntity: String?

    public init(
        attribute: String? = nil, name: String? = nil, requiresRecreation: String? = nil, evaluation: String? = nil,
        changeSource: String? = nil, causingEntity: String? = nil
    ) {
        self.attribute = attribute
        self.name = name
        self.requiresRecreation = requiresRecreation
        self.evaluation = evaluation
        self.changeSource = changeSource
        self.causingEntity = causingEntity
    }
}
