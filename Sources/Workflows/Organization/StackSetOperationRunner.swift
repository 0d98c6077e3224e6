import AWSServices
import AWSWire
import Foundation

/// Starts stack-set operations and waits for them. StackSets runs one operation per stack set at a time: a request
/// made while another runs (an auto-deployment, another operator) gets `OperationInProgressException`, which here means
/// "wait and ask again", not a failure. Each operation carries its own id, so a retried request is the same operation.
struct StackSetOperationRunner: Sendable {
    let cloudFormation: CloudFormationClient
    let callAs: StackSetCallAs
    /// Told of progress: the stack set, the action and how far it got.
    let progress: @Sendable (String) -> Void
    /// How long to keep asking while another operation runs, and the longest wait between polls.
    var busyLimit: Duration = .seconds(1800)
    var longestPoll: Duration = .seconds(15)
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    /// What one operation ended as, with the instances it could not deploy.
    struct Outcome: Sendable {
        let operationId: String
        let status: String
        let statusReason: String?
        let failures: [StackInstanceFailure]

        var succeeded: Bool { status == "SUCCEEDED" && failures.isEmpty }
    }

    /// Sends `start` (given a fresh operation id) until no other operation is in the way, then waits for the operation.
    func run(_ stackSet: String, action: String, total: Int, _ start: @Sendable (String) async throws -> String) async throws -> Outcome {
        let operationId = UUID().uuidString.lowercased()
        var waited: Duration = .zero
        var pause: Duration = .seconds(2)
        while true {
            do {
                let id = try await start(operationId)
                return try await wait(stackSet, operationId: id, action: action, total: total)
            } catch let error as AWSServiceError where error.isOperationInProgress && waited < busyLimit {
                progress("\(stackSet): another operation is running; waiting \(Int(pause.components.seconds)) s before \(action)")
                try await sleep(pause)
                waited += pause
                pause = min(pause * 2, longestPoll)
            }
        }
    }

    /// Polls the operation until it ends (doubling the pause up to `longestPoll`), then reads its failed instances.
    func wait(_ stackSet: String, operationId: String, action: String, total: Int) async throws -> Outcome {
        var pause: Duration = .milliseconds(500)
        var lastLine = ""
        while true {
            let operation = try await cloudFormation.describeStackSetOperation(stackSetName: stackSet, operationId: operationId, callAs: callAs)
            let failed = operation.failedStackInstancesCount ?? 0
            let status = operation.status.rawValue.lowercased()
            if operation.status.isFinished {
                let failures = failed > 0 || operation.status != .succeeded ? try await failedResults(stackSet, operationId: operationId) : []
                let line = "\(stackSet): \(action) \(status)\(failures.isEmpty ? "" : ", \(failures.count) instance(s) failed")"
                progress(line)
                return Outcome(operationId: operationId, status: operation.status.rawValue, statusReason: operation.statusReason, failures: failures)
            }
            // Past the first quick polls, how many accounts are done: one listing page per 100 accounts per poll (at most
            // every 15 s), only while an operation is slow enough for a person to wonder. A failed count is not an error.
            let done = total > 0 && pause >= .seconds(2) ? try? await finishedCount(stackSet, operationId: operationId) : nil
            let line = "\(stackSet): \(action) \(status)" + (done.map { ", \($0)/\(total) done" } ?? "")
                + (failed > 0 ? ", \(failed) failed so far" : "")
            if line != lastLine { progress(line) }
            lastLine = line
            try await sleep(pause)
            pause = min(pause * 2, longestPoll)
        }
    }

    /// The accounts and regions the operation has finished with, whatever the outcome.
    private func finishedCount(_ stackSet: String, operationId: String) async throws -> Int {
        var count = 0
        for try await result in cloudFormation.stackSetOperationResults(stackSetName: stackSet, operationId: operationId, callAs: callAs)
        where [.succeeded, .failed, .cancelled].contains(result.status) {
            count += 1
        }
        return count
    }

    /// The instances an operation could not deploy, with CloudFormation's reason (streamed page by page).
    private func failedResults(_ stackSet: String, operationId: String) async throws -> [StackInstanceFailure] {
        var failures: [StackInstanceFailure] = []
        for try await result in cloudFormation.stackSetOperationResults(stackSetName: stackSet, operationId: operationId, callAs: callAs)
        where result.status == .failed || result.status == .cancelled {
            failures.append(StackInstanceFailure(
                key: StackInstanceKey(account: result.account ?? "-", region: result.region ?? "-"),
                reason: result.statusReason ?? result.status.rawValue.lowercased()))
        }
        return failures
    }
}

/// One instance an operation could not deploy or delete, and why.
public struct StackInstanceFailure: Sendable, Codable, Equatable {
    public let key: StackInstanceKey
    public let reason: String
}
