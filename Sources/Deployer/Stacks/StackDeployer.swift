import AWSServices
import AWSWire
import Foundation
import Logging

/// The stack engine every mlopsctl verb uses: plans, creates, updates, recreates and deletes
/// CloudFormation stacks, waits for them with bounded backoff, and streams their events to a sink.
/// `deploy` updates with UpdateStack (the verbs that read Outputs right after an update use it: moto does not
/// rebuild Outputs when it executes a change set); `review` + `apply` update through a change set whose plan is
/// shown and checked for replaced stateful resources first (bootstrap).
///
/// Time is injected: `clock` stamps operations and bounds waits, `sleep` spaces the polls
/// (pass `FakeClock.clock` / `.sleeper` in tests).
public struct StackDeployer: Sendable {
    public let cloudFormation: CloudFormationClient
    public var sink: any StackProgressSink
    public var waitPolicy: WaitPolicy
    let clock: @Sendable () -> Date
    let sleep: @Sendable (Duration) async throws -> Void
    /// Makes the unique part of each operation's ClientRequestToken: fixed before the first attempt (so every retry of the call
    /// carries it), but never derived from the template, because a later operation with the same inputs (update A→B→A→B)
    /// is a new one for CloudFormation, and the wait tells its events apart by the token.
    let makeToken: @Sendable () -> String
    let logger: Logger

    public init(
        cloudFormation: CloudFormationClient, sink: any StackProgressSink = SilentProgressSink(), waitPolicy: WaitPolicy = WaitPolicy(),
        clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        makeToken: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        logger: Logger = Logger(label: "mlopsctl.deployer")
    ) {
        self.cloudFormation = cloudFormation
        self.sink = sink
        self.waitPolicy = waitPolicy
        self.clock = clock
        self.sleep = sleep
        self.makeToken = makeToken
        self.logger = logger
    }

    /// Brings the stack to `deployment`: waits out another running operation, deletes a stack whose
    /// creation failed, then creates or updates it, or does nothing when `plan` says `.none`.
    /// Throws `StackDeployError` naming the stack, its final status and the first failed resource.
    public func deploy(_ deployment: StackDeployment) async throws -> StackOutcome {
        try await deploy(deployment, startingFrom: nil)
    }

    /// `deploy`, acting on what `plan` read instead of reading the stack again.
    public func deploy(_ plan: StackPlan) async throws -> StackOutcome {
        try await deploy(plan.deployment, startingFrom: plan.assessment)
    }

    /// `first`: the assessment to act on first (from `plan`); every later one (after waiting out another operation) is read afresh.
    func deploy(_ deployment: StackDeployment, startingFrom first: Assessment?) async throws -> StackOutcome {
        let started = clock()
        var given = first
        while true {
            let assessment: Assessment
            if let planned = given {
                assessment = planned
                given = nil
            } else {
                assessment = try await assess(deployment)
            }
            switch assessment {
            case .none(let stack):
                sink.phaseChanged(.unchanged, progress: idleProgress(deployment.stackName, since: started))
                return StackOutcome(kind: .unchanged, stackName: deployment.stackName, stack: stack)
            case .create:
                return try await create(deployment)
            case .recreate(let stack, let reason):
                sink.phaseChanged(.deletingForRecreate(reason), progress: idleProgress(deployment.stackName, since: started))
                try await deleteAndWait(stack, roleARN: deployment.roleARN)
                var outcome = try await create(deployment)
                outcome.recreated = true
                return outcome
            case .update(let stack, let reasons, _):
                return try await update(deployment, stack: stack, reasons: reasons)
            case .blocked(let stack):
                // Bounded by the wait policy; then everything is looked at again.
                try await waitForOtherOperation(stack, started: started)
            }
        }
    }

    // MARK: - Operations

    func create(_ deployment: StackDeployment) async throws -> StackOutcome {
        let name = deployment.stackName
        let token = "mlopsctl-create-\(makeToken())"
        let since = clock()
        sink.phaseChanged(.started(.create), progress: idleProgress(name, operation: .create, since: since, total: deployment.templateResourceCount))
        let request = CreateStackRequest(
            stackName: name, template: deployment.template, parameters: deployment.stackParameters, capabilities: deployment.capabilities,
            roleARN: deployment.roleARN, tags: deployment.stackTags, clientRequestToken: token,
            enableTerminationProtection: deployment.terminationProtection)
        let stackId = try await call(name, "CreateStack") { try await cloudFormation.createStack(request) }
        let stack = try await watchLive(.create, stack: stackId, name: name, token: token, since: since, total: deployment.templateResourceCount)
        return StackOutcome(kind: .created, stackName: name, stack: stack)
    }

    func update(_ deployment: StackDeployment, stack: StackDescription, reasons: [UpdateReason]) async throws -> StackOutcome {
        let name = deployment.stackName
        let started = clock()
        var current = stack
        var changed = false
        var warnings: [String] = []
        let needsStackUpdate = reasons.contains { if case .terminationProtection = $0 { false } else { true } }
        if needsStackUpdate {
            let token = "mlopsctl-update-\(makeToken())"
            let since = started
            let total = deployment.templateResourceCount
            sink.phaseChanged(.started(.update), progress: idleProgress(name, operation: .update, since: since, total: total))
            // Tags: an empty list clears the stack's tags, nil leaves them; only clear what is there.
            let request = UpdateStackRequest(
                stackName: stack.stackId, template: deployment.template, parameters: deployment.stackParameters,
                capabilities: deployment.capabilities, roleARN: deployment.roleARN,
                tags: deployment.tags.isEmpty && stack.tags.isEmpty ? nil : deployment.stackTags, clientRequestToken: token)
            let accepted = try await call(name, "UpdateStack") {
                do {
                    try await cloudFormation.updateStack(request)
                    return true
                } catch let error as AWSServiceError where error.isNoUpdatesToPerform {
                    return false
                }
            }
            if accepted {
                current = try await watchLive(.update, stack: stack.stackId, name: name, token: token, since: since, total: total)
                changed = true
            }
        }
        if try await applyTerminationProtection(deployment, stack: stack, to: &current, warnings: &warnings, since: started) { changed = true }
        if !changed { sink.phaseChanged(.unchanged, progress: idleProgress(name, since: started)) }
        return StackOutcome(kind: changed ? .updated : .unchanged, stackName: name, stack: current, warnings: warnings)
    }

    /// Turns termination protection on or off when the deployed stack differs; true when it changed it. Only an endpoint
    /// that does not implement the call (`NotImplementedAnswer`) makes it a warning; anything else (AccessDenied,
    /// throttling after retries, a server error) fails the stage: a production stack must not be left unprotected quietly.
    func applyTerminationProtection(
        _ deployment: StackDeployment, stack: StackDescription, to current: inout StackDescription, warnings: inout [String], since: Date
    ) async throws -> Bool {
        guard stack.terminationProtection != deployment.terminationProtection else { return false }
        let enabled = deployment.terminationProtection
        do {
            try await cloudFormation.updateTerminationProtection(stackName: stack.stackId, enabled: enabled)
            current.terminationProtection = enabled
            return true
        } catch let error as AWSServiceError where NotImplementedAnswer.matches(error) {
            let warning = "could not turn termination protection \(enabled ? "on" : "off"): the endpoint does not implement it: \(error)"
            warnings.append(warning)
            sink.phaseChanged(.warning(warning), progress: idleProgress(deployment.stackName, since: since))
            return false
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StackDeployError(stackName: deployment.stackName, kind: .terminationProtectionFailed(enabled: enabled, underlying: error))
        }
    }

    // MARK: - Helpers

    /// Runs one CloudFormation call, wrapping its failure in a `StackDeployError` that names the stack.
    func call<T>(_ stackName: String, _ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StackDeployError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StackDeployError(stackName: stackName, kind: .callFailed(operation: operation, underlying: error))
        }
    }

    func idleProgress(_ name: String, operation: StackOperation? = nil, since: Date, total: Int? = nil) -> StackProgress {
        StackProgress(stackName: name, operation: operation, resourcesTotal: total, elapsed: clock().timeIntervalSince(since))
    }
}
