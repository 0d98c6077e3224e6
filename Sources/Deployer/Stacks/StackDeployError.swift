import AWSServices
import Foundation

/// A stack operation that did not reach its goal. The description is one line naming the stack,
/// what happened and what to do.
public struct StackDeployError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The operation ended in `status` (not its success status). `firstFailure` is the root cause
        /// found in this operation's events.
        case operationFailed(StackOperation, status: StackStatus, statusReason: String?, firstFailure: ResourceFailure?)
        /// The stack was still `status` after `waited` seconds. `operation` nil: someone else's operation.
        case timedOut(StackOperation?, status: StackStatus, waited: TimeInterval)
        /// The stack is in a state mlopsctl does not repair by itself.
        case needsManualRepair(status: StackStatus)
        /// `REVIEW_IN_PROGRESS` with resources (or resources that could not be listed): not deleted automatically.
        case reviewInProgressNotEmpty(detail: String)
        /// The stack disappeared while a create or update was being watched.
        case vanished(StackOperation)
        /// A CloudFormation call failed (after the client's retries).
        case callFailed(operation: String, underlying: any Error)
        /// CloudFormation could not make the change set (its status reason), or took too long.
        case changeSetFailed(reason: String?)
        /// The update would replace or delete these stateful resources and replacing was not allowed; its change
        /// set was deleted, nothing was changed.
        case replacementRefused([PlannedResourceChange])
        /// The stack is deployed, but UpdateTerminationProtection was refused or failed (not merely unimplemented).
        case terminationProtectionFailed(enabled: Bool, underlying: any Error)
    }

    public var stackName: String
    public var kind: Kind

    public init(stackName: String, kind: Kind) {
        self.stackName = stackName
        self.kind = kind
    }

    /// The wait deadline expired while the stack was still in progress: not a failure of the stack itself.
    public var isTimeout: Bool {
        if case .timedOut = kind { return true }
        return false
    }

    /// The error CloudFormation answered, for `callFailed`.
    public var underlying: (any Error)? {
        if case .callFailed(_, let underlying) = kind { return underlying }
        if case .terminationProtectionFailed(_, let underlying) = kind { return underlying }
        return nil
    }

    public var description: String {
        let stack = "stack '\(stackName)'"
        switch kind {
        case .operationFailed(let operation, let status, let statusReason, let failure):
            let cause = failure.map { "; first failure: \($0)" } ?? statusReason.map { "; reason: \(Self.oneLine($0))" } ?? ""
            return "\(stack) failed to \(operation.rawValue): \(status)\(cause); \(Self.advice(operation, status))"
        case .timedOut(let operation, let status, let waited):
            let whose = operation == nil ? "another operation on it" : "the \(operation!.rawValue)"
            return "\(stack) is still \(status) after \(Self.minutes(waited)) waiting for \(whose); check its events in the "
                + "CloudFormation console (an emulator can leave a failed create in progress forever: delete the stack), then run again"
        case .needsManualRepair(let status):
            return "\(stack) is \(status), which mlopsctl does not repair by itself; \(Self.repair(status))"
        case .reviewInProgressNotEmpty(let detail):
            return "\(stack) is REVIEW_IN_PROGRESS (a change set was never executed) and \(detail); "
                + "delete the stack or execute its change set, then run again"
        case .vanished(let operation):
            return "\(stack) disappeared while mlopsctl was waiting for its \(operation.rawValue); someone deleted it: run again"
        case .callFailed(let operation, let underlying):
            return "\(stack): \(operation) failed: \(Self.oneLine(String(describing: underlying)))"
        case .changeSetFailed(let reason):
            return "\(stack): CloudFormation could not make a change set: \(reason.map(Self.oneLine) ?? "no reason given"); "
                + "fix the template or parameters, then run again"
        case .replacementRefused(let changes):
            let count = changes.count == 1 ? "1 stateful resource" : "\(changes.count) stateful resources"
            return "\(stack): refused: the update would replace or delete \(count), losing what it holds: "
                + changes.map(\.summary).joined(separator: "; ") + "; nothing was changed (the change set was deleted)"
        case .terminationProtectionFailed(let enabled, let underlying):
            return "\(stack) is deployed, but termination protection could not be turned \(enabled ? "on" : "off"): "
                + "\(Self.oneLine(String(describing: underlying))); allow cloudformation:UpdateTerminationProtection on it "
                + "(or change bootstrap.terminationProtection in the topology), then run again"
        }
    }

    static func advice(_ operation: StackOperation, _ status: StackStatus) -> String {
        switch (operation, status) {
        case (.create, .rollbackComplete), (.create, .rollbackFailed):
            "fix the cause and deploy again (the rolled-back stack is deleted and re-created)"
        case (.update, .updateRollbackComplete):
            "the stack was rolled back to its previous state; fix the cause and deploy again"
        case (.delete, _):
            "empty or retain the failed resources, then delete again"
        default:
            repair(status)
        }
    }

    static func repair(_ status: StackStatus) -> String {
        switch status {
        case .updateRollbackFailed:
            "run 'aws cloudformation continue-update-rollback' on it (or delete it), then run again"
        case .createFailed, .updateFailed:
            "rollback was disabled: run 'aws cloudformation rollback-stack' on it (or delete it), then run again"
        case .deleteFailed:
            "delete it (retaining the resources that failed to delete), then run again"
        default:
            "delete the stack in the CloudFormation console, then run again"
        }
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        seconds >= 120 ? "\(Int(seconds / 60)) min" : "\(Int(seconds)) s"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

/// The resource that made an operation fail, as its stack event reported it.
public struct ResourceFailure: Sendable, Equatable, CustomStringConvertible {
    public var logicalResourceId: String
    public var resourceType: String?
    public var status: ResourceStatus
    public var reason: String?

    public init(logicalResourceId: String, resourceType: String?, status: ResourceStatus, reason: String?) {
        self.logicalResourceId = logicalResourceId
        self.resourceType = resourceType
        self.status = status
        self.reason = reason
    }

    /// `Bucket (AWS::S3::Bucket) CREATE_FAILED: Resource handler returned message: …`
    public var description: String {
        var text = logicalResourceId
        if let resourceType { text += " (\(resourceType))" }
        text += " \(status)"
        if let reason, !reason.isEmpty { text += ": " + StackDeployError.oneLine(reason) }
        return text
    }

    /// The root cause among one operation's events (oldest first): the first failed resource whose
    /// reason is not a cancellation caused by another failure ("Resource creation cancelled"); else
    /// the first failed resource; else a failed event of the stack itself.
    public static func first(in events: [StackEvent]) -> ResourceFailure? {
        let failed = events.filter { $0.resourceStatus?.isFailed == true }
        let resources = failed.filter { !$0.isStackEvent }
        let chosen = resources.first { !isCancellation($0.resourceStatusReason) } ?? resources.first ?? failed.first
        guard let event = chosen, let status = event.resourceStatus else { return nil }
        return ResourceFailure(
            logicalResourceId: event.logicalResourceId ?? event.stackName, resourceType: event.resourceType, status: status,
            reason: event.resourceStatusReason)
    }

    /// "Resource creation cancelled", "Resource update cancelled", "Resource deletion cancelled".
    static func isCancellation(_ reason: String?) -> Bool {
        guard let reason else { return false }
        return reason.range(of: #"^Resource \w+ cancelled"#, options: .regularExpression) != nil
    }
}
