import Foundation

/// A customer-managed (or AWS-managed) IAM policy as GetPolicy returns it.
public struct IAMManagedPolicy: Sendable, Equatable {
    public var policyName: String
    public var policyId: String
    public var arn: String
    public var path: String
    /// The version in force (`v1`, `v2`…); every other version must be deleted before the policy can be.
    public var defaultVersionId: String?
    /// Roles, users and groups it is attached to (DeletePolicy refuses while this is not 0).
    public var attachmentCount: Int?
    public var createDate: Date?
    public var updateDate: Date?
    public var description: String?

    public init(
        policyName: String, policyId: String, arn: String, path: String = "/", defaultVersionId: String? = nil, attachmentCount: Int? = nil,
        createDate: Date? = nil, updateDate: Date? = nil, description: String? = nil
    ) {
        self.policyName = policyName
        self.policyId = policyId
        self.arn = arn
        self.path = path
        self.defaultVersionId = defaultVersionId
        self.attachmentCount = attachmentCount
        self.createDate = createDate
        self.updateDate = updateDate
        self.description = description
    }
}

/// The roles, users and groups a managed policy is attached to (ListEntitiesForPolicy), by name.
public struct IAMPolicyEntities: Sendable, Equatable {
    public var roleNames: [String]
    public var userNames: [String]
    public var groupNames: [String]

    public init(roleNames: [String] = [], userNames: [String] = [], groupNames: [String] = []) {
        self.roleNames = roleNames
        self.userNames = userNames
        self.groupNames = groupNames
    }

    public var isEmpty: Bool { roleNames.isEmpty && userNames.isEmpty && groupNames.isEmpty }
}

/// One page of ListEntitiesForPolicy; `marker` is set when IAM has more (`IsTruncated`).
public struct IAMPolicyEntitiesPage: Sendable, Equatable {
    public var entities: IAMPolicyEntities
    public var marker: String?

    public init(entities: IAMPolicyEntities, marker: String? = nil) {
        self.entities = entities
        self.marker = marker
    }
}

/// One version of a managed policy (ListPolicyVersions; the document is not listed).
public struct IAMPolicyVersion: Sendable, Equatable {
    public var versionId: String
    public var isDefaultVersion: Bool
    public var createDate: Date?

    public init(versionId: String, isDefaultVersion: Bool, createDate: Date? = nil) {
        self.versionId = versionId
        self.isDefaultVersion = isDefaultVersion
        self.createDate = createDate
    }
}

/// One page of ListPolicyVersions; `marker` is set when IAM has more (`IsTruncated`).
public struct IAMPolicyVersionPage: Sendable, Equatable {
    public var versions: [IAMPolicyVersion]
    public var marker: String?

    public init(versions: [IAMPolicyVersion], marker: String? = nil) {
        self.versions = versions
        self.marker = marker
    }
}
