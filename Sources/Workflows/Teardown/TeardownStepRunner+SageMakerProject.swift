import AWSServices
import AWSWire
import Ledger

/// A project launched through SageMaker goes the way AWS intends: SageMaker DeleteProject, which has Service
/// Catalog terminate the provisioned product and so delete the stack it made. Deleting that stack directly would
/// leave the provisioned product TAINTED in Service Catalog, so that is only the fallback.
extension TeardownStepRunner {
    /// What became of a project's provisioned stack after DeleteProject.
    enum ProvisionedStackOutcome: Equatable {
        case gone
        /// Still there: why (DELETE_FAILED with its reason, or the status it kept past the deadline).
        case lingering(String)
    }

    /// 1. Empties the stack's buckets and ECR repositories (Service Catalog's delete would fail on them) and
    ///    schedules its keys with the 7-day window.
    /// 2. DeleteProject; a project already gone (a resumed run) or already being deleted is fine.
    /// 3. Waits, bounded, until the stack is gone; if it lingers or is DELETE_FAILED, deletes it directly
    ///    (one retry, then the step fails with the stack's first failed resource).
    /// 4. Removes the buckets and repositories the stack retained.
    /// Every call is safe to repeat, so a run killed anywhere in here is finished by running it again.
    func deleteSageMakerProject(_ step: TeardownPlan.Step) async throws -> [Int64: String] {
        let project = String((step.target.physicalId ?? "").dropFirst(TeardownPlan.sageMakerProjectPrefix.count))
        let stackName = step.provisionedStack?.physicalId ?? step.target.detail.flatMap { $0.hasPrefix("pp-") ? "SC-\(step.account)-\($0)" : nil }
        progress("deleting SageMaker project \(project)\(stackName.map { " and its stack \($0)" } ?? "") (\(step.stage) \(step.account))")
        try await emptyContents(of: step.members)
        // As for any stack: the 7-day minimum window now, instead of the key's own window when Service Catalog deletes it.
        try await scheduleKeys(of: step.members)
        let requested = try await requestProjectDeletion(project)
        if let stackName {
            switch try await waitForProvisionedStack(stackName, deletionRequested: requested) {
            case .gone:
                progress("  stack \(stackName) deleted by Service Catalog")
            case .lingering(let why):
                progress("  stack \(stackName) \(why); deleting it directly (Service Catalog may list the provisioned product as failed)")
                try await deleteStackRetryingOnce(stackName)
            }
        }
        try await deleteRetained(step.members)
        return [:]
    }

    /// DeleteProject. - Returns: false when the project was already gone (nobody is deleting its stack now).
    func requestProjectDeletion(_ name: String) async throws -> Bool {
        do {
            guard try await session.sageMaker.deleteProject(name: name) else {
                progress("  SageMaker project \(name) is already gone")
                return false
            }
            progress("  DeleteProject \(name): Service Catalog is terminating its provisioned product")
            return true
        } catch let error as AWSServiceError where error.code == "ConflictException" {
            // An earlier run's DeleteProject still running: wait for it like for ours.
            let current = try await session.sageMaker.describeProject(name: name)
            guard current == nil || current?.status == .deleteInProgress else { throw error }
            progress("  SageMaker project \(name) is already being deleted")
            return current != nil
        }
    }

    /// Polls DescribeStacks with backoff (5 s doubling to 30 s, injected sleep) until the stack is gone,
    /// DELETE_FAILED, or `provisionedStackTimeout` of waiting has passed. When nobody was asked to delete it
    /// (`deletionRequested` false: the project was already gone), a stack not being deleted lingers at once.
    func waitForProvisionedStack(_ name: String, deletionRequested: Bool) async throws -> ProvisionedStackOutcome {
        var delay = Duration.seconds(5)
        var waited = Duration.zero
        while true {
            guard let stack = try await session.cloudFormation.describeStack(name), stack.status != .deleteComplete else { return .gone }
            if stack.status == .deleteFailed {
                return .lingering("is DELETE_FAILED" + (stack.statusReason.map { " (\($0))" } ?? ""))
            }
            if !deletionRequested && stack.status != .deleteInProgress {
                return .lingering("is \(stack.status) and its SageMaker project is gone")
            }
            if waited >= provisionedStackTimeout {
                return .lingering("is still \(stack.status) after \(waited.components.seconds) s")
            }
            try await sleep(delay)
            waited += delay
            delay = min(delay * 2, .seconds(30))
        }
    }
}
