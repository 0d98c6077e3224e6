import AWSServices
import Foundation

/// A mutating stack operation the deployer runs and waits for.
public enum StackOperation: String, Sendable, Equatable {
    case create
    case update
    case delete

    /// The only status that ends the operation successfully (the waiters' success acceptor).
    public var successStatus: StackStatus {
        switch self {
        case .create: .createComplete
        case .update: .updateComplete
        case .delete: .deleteComplete
        }
    }

    /// `creating`, `updating`, `deleting`.
    public var gerund: String {
        switch self {
        case .create: "creating"
        case .update: "updating"
        case .delete: "deleting"
        }
    }
}
