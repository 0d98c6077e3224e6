import AWSServices
import AWSWire
import Foundation

extension StackDeployer {
    /// Polls DescribeStacks and DescribeStackEvents (with backoff) until `operation` leaves its
    /// `*_IN_PROGRESS` states, streaming the operation's new events to the sink. Returns the final
    /// stack on the success status (nil when a deleted stack is gone); otherwise throws
    /// `operationFailed` with the first failed resource, or `timedOut` after `waitPolicy.timeout`.
    @discardableResult
    func watch(_ operation: StackOperation, stack: String, name: String, token: String?, since: Date, total: Int?) async throws
        -> StackDescription?
    {
        var poller = StackEventPoller(client: cloudFormation, stack: stack, since: since, token: token)
        var tracker = ProgressTracker(stackName: name, operation: operation, total: total, started: since)
        var delay = waitPolicy.initialDelay
        // What the stack was last seen doing; until a status is read, the operation just started.
        var lastStatus = StackStatus(operation.rawValue.uppercased() + "_IN_PROGRESS")
        while true {
            try Task.checkCancellation()
            // Status first, events second: a terminal status then comes with every event before it. Both are progress
            // reads: one that fails for a retryable reason is skipped, and the stack's final status decides.
            let status = try await progressRead(name, "DescribeStacks") { try await cloudFormation.describeStack(stack) }
            let fresh = try await progressRead(name, "DescribeStackEvents") { try await poller.poll() } ?? []
            for event in fresh {
                tracker.record(event)
                sink.received(event, progress: tracker.progress(at: clock()))
            }
            guard let status else {
                try checkDeadline(operation, name: name, since: since, status: lastStatus)
                try await sleep(delay)
                delay = waitPolicy.next(after: delay)
                continue
            }
            guard let described = status else {
                guard operation == .delete else { throw StackDeployError(stackName: name, kind: .vanished(operation)) }
                sink.phaseChanged(.finished(.delete, .deleteComplete), progress: tracker.progress(at: clock()))
                return nil
            }
            lastStatus = described.status
            if !described.status.isInProgress {
                if described.status == operation.successStatus {
                    sink.phaseChanged(.finished(operation, described.status), progress: tracker.progress(at: clock()))
                    return described
                }
                sink.phaseChanged(.failed(operation, described.status), progress: tracker.progress(at: clock()))
                throw StackDeployError(
                    stackName: name,
                    kind: .operationFailed(
                        operation, status: described.status, statusReason: described.statusReason,
                        firstFailure: ResourceFailure.first(in: poller.collected)))
            }
            try checkDeadline(operation, name: name, since: since, status: described.status)
            logger.debug("stack in progress", metadata: ["stack": "\(name)", "status": "\(described.status)", "delay": "\(delay)"])
            try await sleep(delay)
            delay = waitPolicy.next(after: delay)
        }
    }

    /// Throws `timedOut` once the wait has lasted `waitPolicy.timeout`; `status` is the last one read.
    func checkDeadline(_ operation: StackOperation, name: String, since: Date, status: StackStatus) throws {
        let waited = clock().timeIntervalSince(since)
        guard waited < waitPolicy.timeoutSeconds else {
            throw StackDeployError(stackName: name, kind: .timedOut(operation, status: status, waited: waited))
        }
    }

    /// A read made only to follow an operation under way. When it fails for a retryable reason (throttling, 5xx, a
    /// transport error) after the client's own retries, the failure is logged (`--debug`) and nil returned: the wait
    /// goes on to its deadline and only the stack's final status decides. Other failures (access denied…) still fail.
    func progressRead<T>(_ name: String, _ operation: String, _ body: () async throws -> T) async throws -> T? {
        do {
            return try await call(name, operation, body)
        } catch let error as StackDeployError {
            guard case .callFailed(_, let underlying) = error.kind, RetryClassifier.classify(underlying) != nil else { throw error }
            logger.debug("progress read failed; the wait goes on", metadata: ["stack": "\(name)", "aws.operation": "\(operation)", "error": "\(underlying)"])
            return nil
        }
    }

    /// `watch` for a create or update, whose stack cannot end up absent (that throws `vanished`).
    func watchLive(_ operation: StackOperation, stack: String, name: String, token: String?, since: Date, total: Int?) async throws
        -> StackDescription
    {
        guard let described = try await watch(operation, stack: stack, name: name, token: token, since: since, total: total) else {
            throw StackDeployError(stackName: name, kind: .vanished(operation))
        }
        return described
    }

    /// Waits (bounded) until an operation someone else started on `stack` ends, whatever its outcome; returns the stack as
    /// the last poll read it (nil once it is gone), so a caller need not read it again.
    @discardableResult
    func waitForOtherOperation(_ stack: StackDescription, started: Date) async throws -> StackDescription? {
        sink.phaseChanged(.waitingForOtherOperation(stack.status), progress: idleProgress(stack.stackName, since: started))
        let since = clock()
        var last = stack
        var status = stack.status
        var delay = waitPolicy.initialDelay
        while status.isInProgress {
            let waited = clock().timeIntervalSince(since)
            guard waited < waitPolicy.timeoutSeconds else {
                throw StackDeployError(stackName: stack.stackName, kind: .timedOut(nil, status: status, waited: waited))
            }
            try await sleep(delay)
            delay = waitPolicy.next(after: delay)
            guard let read = try await progressRead(stack.stackName, "DescribeStacks", { try await cloudFormation.describeStack(stack.stackId) })
            else { continue }  // a failed poll: ask again after the next delay, within the same deadline
            guard let current = read else { return nil }
            last = current
            status = current.status
        }
        return last
    }

    /// DeleteStack by id (so a same-name stack created meanwhile is never hit), then waits for `DELETE_COMPLETE`.
    @discardableResult
    func deleteAndWait(_ stack: StackDescription, roleARN: String?) async throws -> StackDescription? {
        let token = "mlopsctl-delete-\(makeToken())"
        let since = clock()
        sink.phaseChanged(.started(.delete), progress: idleProgress(stack.stackName, operation: .delete, since: since))
        let request = DeleteStackRequest(stackName: stack.stackId, roleARN: roleARN, clientRequestToken: token)
        try await call(stack.stackName, "DeleteStack") { try await cloudFormation.deleteStack(request) }
        return try await watch(.delete, stack: stack.stackId, name: stack.stackName, token: token, since: since, total: nil)
    }
}
