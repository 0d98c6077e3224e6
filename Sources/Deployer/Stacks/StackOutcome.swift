import AWSServices
import Foundation

/// The result of `StackDeployer.deploy` or `delete`.
public struct StackOutcome: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
        case unchanged
        case deleted
        /// `delete` found no such stack (success: there is nothing to delete).
        case notFound
    }

    public var kind: Kind
    public var stackName: String
    /// The stack as last described (nil for `notFound`; `DELETE_COMPLETE` or nil after a delete).
    public var stack: StackDescription?
    /// True when a failed earlier attempt was deleted before this create.
    public var recreated: Bool
    /// Problems that did not fail the deploy (e.g. termination protection could not be changed).
    public var warnings: [String]

    public init(kind: Kind, stackName: String, stack: StackDescription?, recreated: Bool = false, warnings: [String] = []) {
        self.kind = kind
        self.stackName = stackName
        self.stack = stack
        self.recreated = recreated
        self.warnings = warnings
    }

    /// The stack's outputs, key → value.
    public var outputs: [String: String] { stack?.outputValues ?? [:] }
}
