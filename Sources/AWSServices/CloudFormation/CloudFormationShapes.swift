import Foundation

/// A stack as DescribeStacks returns it (the members mlopsctl reads).
public struct StackDescription: Sendable, Equatable {
    public var stackName: String
    /// `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`: stays valid after deletion.
    public var stackId: String
    public var status: StackStatus
    public var statusReason: String?
    public var parameters: [StackParameter]
    public var outputs: [StackOutput]
    public var tags: [StackTag]
    public var terminationProtection: Bool
    public var creationTime: Date
    public var lastUpdatedTime: Date?
    /// The service role CloudFormation acts as for this stack, when one was given.
    public var roleARN: String?
    public var capabilities: [StackCapability]

    public init(
        stackName: String, stackId: String, status: StackStatus, statusReason: String? = nil, parameters: [StackParameter] = [],
        outputs: [StackOutput] = [], tags: [StackTag] = [], terminationProtection: Bool = false, creationTime: Date,
        lastUpdatedTime: Date? = nil, roleARN: String? = nil, capabilities: [StackCapability] = []
    ) {
        self.stackName = stackName
        self.stackId = stackId
        self.status = status
        self.statusReason = statusReason
        self.parameters = parameters
        self.outputs = outputs
        self.tags = tags
        self.terminationProtection = terminationProtection
        self.creationTime = creationTime
        self.lastUpdatedTime = lastUpdatedTime
        self.roleARN = roleARN
        self.capabilities = capabilities
    }

    /// Output key → value.
    public var outputValues: [String: String] {
        Dictionary(outputs.map { ($0.key, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// Tag key → value.
    public var tagValues: [String: String] {
        Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A stack parameter: as input (a value, or `usePreviousValue`) or as DescribeStacks reports it.
public struct StackParameter: Sendable, Equatable {
    public var key: String
    /// nil with `usePreviousValue`; `****` in DescribeStacks for `NoEcho` parameters.
    public var value: String?
    /// Keep the value the stack already has (UpdateStack only).
    public var usePreviousValue: Bool
    /// The value an SSM-parameter-typed parameter resolved to (DescribeStacks only).
    public var resolvedValue: String?

    public init(key: String, value: String?, usePreviousValue: Bool = false, resolvedValue: String? = nil) {
        self.key = key
        self.value = value
        self.usePreviousValue = usePreviousValue
        self.resolvedValue = resolvedValue
    }

    public static func value(_ key: String, _ value: String) -> StackParameter {
        StackParameter(key: key, value: value)
    }

    public static func usePrevious(_ key: String) -> StackParameter {
        StackParameter(key: key, value: nil, usePreviousValue: true)
    }
}

public struct StackOutput: Sendable, Equatable {
    public var key: String
    public var value: String?
    public var description: String?
    public var exportName: String?

    public init(key: String, value: String?, description: String? = nil, exportName: String? = nil) {
        self.key = key
        self.value = value
        self.description = description
        self.exportName = exportName
    }
}

public struct StackTag: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One DescribeStackEvents entry. Events of the stack itself have `logicalResourceId` = the stack
/// name and `resourceType` `AWS::CloudFormation::Stack`.
public struct StackEvent: Sendable, Equatable {
    public var stackId: String
    public var eventId: String
    public var stackName: String
    public var logicalResourceId: String?
    public var physicalResourceId: String?
    public var resourceType: String?
    public var timestamp: Date
    public var resourceStatus: ResourceStatus?
    public var resourceStatusReason: String?
    /// The token of the operation that caused the event (AWS sets it when the call had one; moto never does).
    public var clientRequestToken: String?

    public init(
        stackId: String, eventId: String, stackName: String, logicalResourceId: String? = nil, physicalResourceId: String? = nil,
        resourceType: String? = nil, timestamp: Date, resourceStatus: ResourceStatus? = nil, resourceStatusReason: String? = nil,
        clientRequestToken: String? = nil
    ) {
        self.stackId = stackId
        self.eventId = eventId
        self.stackName = stackName
        self.logicalResourceId = logicalResourceId
        self.physicalResourceId = physicalResourceId
        self.resourceType = resourceType
        self.timestamp = timestamp
        self.resourceStatus = resourceStatus
        self.resourceStatusReason = resourceStatusReason
        self.clientRequestToken = clientRequestToken
    }

    /// True for events about the stack as a whole rather than one of its resources.
    public var isStackEvent: Bool {
        resourceType == "AWS::CloudFormation::Stack" && (logicalResourceId == stackName || physicalResourceId == stackId)
    }
}

/// One page of DescribeStackEvents, newest event first.
public struct StackEventPage: Sendable, Equatable {
    public var events: [StackEvent]
    public var nextToken: String?

    public init(events: [StackEvent], nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}

/// One ListStackResources entry. Every member is optional: moto lists resources it skipped
/// (unsupported types, false conditions) as rows with an empty `LogicalResourceId` and nothing else.
public struct StackResourceSummary: Sendable, Equatable {
    public var logicalResourceId: String?
    public var physicalResourceId: String?
    public var resourceType: String?
    public var lastUpdatedTimestamp: Date?
    public var resourceStatus: ResourceStatus?
    public var resourceStatusReason: String?

    public init(
        logicalResourceId: String?, physicalResourceId: String? = nil, resourceType: String? = nil, lastUpdatedTimestamp: Date? = nil,
        resourceStatus: ResourceStatus? = nil, resourceStatusReason: String? = nil
    ) {
        self.logicalResourceId = logicalResourceId
        self.physicalResourceId = physicalResourceId
        self.resourceType = resourceType
        self.lastUpdatedTimestamp = lastUpdatedTimestamp
        self.resourceStatus = resourceStatus
        self.resourceStatusReason = resourceStatusReason
    }

    /// A row that names no resource (moto's placeholder for something it did not create).
    public var isGhost: Bool { logicalResourceId?.isEmpty ?? true }
}

/// One page of ListStackResources.
public struct StackResourcePage: Sendable, Equatable {
    public var summaries: [StackResourceSummary]
    public var nextToken: String?

    public init(summaries: [StackResourceSummary], nextToken: String?) {
        self.summaries = summaries
        self.nextToken = nextToken
    }
}

/// What ValidateTemplate reports about a template.
public struct TemplateValidation: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var key: String
        public var defaultValue: String?
        public var noEcho: Bool
        public var description: String?

        public init(key: String, defaultValue: String? = nil, noEcho: Bool = false, description: String? = nil) {
            self.key = key
            self.defaultValue = defaultValue
            self.noEcho = noEcho
            self.description = description
        }
    }

    public var parameters: [Parameter]
    public var description: String?
    /// Capabilities the template needs (`CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`).
    public var capabilities: [StackCapability]
    public var capabilitiesReason: String?
    public var declaredTransforms: [String]

    public init(
        parameters: [Parameter], description: String? = nil, capabilities: [StackCapability] = [], capabilitiesReason: String? = nil,
        declaredTransforms: [String] = []
    ) {
        self.parameters = parameters
        self.description = description
        self.capabilities = capabilities
        self.capabilitiesReason = capabilitiesReason
        self.declaredTransforms = declaredTransforms
    }
}
