import AWSServices
import Foundation

extension StackDeployer {
    /// Deletes the stack and waits for `DELETE_COMPLETE`. A stack that does not exist is success
    /// (`.notFound`); a running operation is waited out first. `roleARN` is the service role
    /// CloudFormation deletes as (needed when the stack was deployed through one that still exists).
    /// Termination protection is not lifted: a protected stack fails with CloudFormation's ValidationError.
    public func delete(stackName: String, roleARN: String? = nil) async throws -> StackOutcome {
        let started = clock()
        guard var stack = try await call(stackName, "DescribeStacks", { try await cloudFormation.describeStack(stackName) }) else {
            sink.phaseChanged(.notFound, progress: idleProgress(stackName, since: started))
            return StackOutcome(kind: .notFound, stackName: stackName, stack: nil)
        }
        if stack.status.isInProgress {
            // The wait's last poll is the stack's state now: no second read.
            guard let current = try await waitForOtherOperation(stack, started: started), current.status != .deleteComplete else {
                sink.phaseChanged(.finished(.delete, .deleteComplete), progress: idleProgress(stackName, since: started))
                return StackOutcome(kind: .deleted, stackName: stackName, stack: nil)
            }
            stack = current
        }
        let final = try await deleteAndWait(stack, roleARN: roleARN)
        return StackOutcome(kind: .deleted, stackName: stackName, stack: final)
    }

    /// The stack's resources (every ListStackResources page), without moto's ghost rows.
    public func resources(stackName: String) async throws -> [StackResourceSummary] {
        try await call(stackName, "ListStackResources") {
            try await cloudFormation.listAllStackResources(stackName: stackName).filter { !$0.isGhost }
        }
    }
}
