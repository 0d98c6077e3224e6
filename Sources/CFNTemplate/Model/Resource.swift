/// A template resource.
public struct Resource: Sendable, Hashable {
    /// The resource type, e.g. `AWS::S3::Bucket`.
    public var type: String
    public var properties: [String: CFNValue]
    /// The name of a condition in the template's `Conditions`; the resource exists only when it is true.
    public var condition: String?
    /// Logical ids of resources that must be created first.
    public var dependsOn: [String]
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var metadata: [String: CFNValue]

    public init(type: String,
                properties: [String: CFNValue] = [:],
                condition: String? = nil,
                dependsOn: [String] = [],
                deletionPolicy: DeletionPolicy? = nil,
                updateReplacePolicy: DeletionPolicy? = nil,
                metadata: [String: CFNValue] = [:]) {
        self.type = type
        self.properties = properties
        self.condition = condition
        self.dependsOn = dependsOn
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
        self.metadata = metadata
    }
}

/// What CloudFormation does with a resource when the stack deletes or replaces it.
public enum DeletionPolicy: String, Sendable, Hashable, CaseIterable {
    case delete = "Delete"
    case retain = "Retain"
    case retainExceptOnCreate = "RetainExceptOnCreate"
    case snapshot = "Snapshot"
}
