import AWSServices
import AWSWire
import Foundation

/// Updates through reviewed change sets: `review` works out and shows what a deployment would do (creating, for an
/// update, a change set and checking it for replaced or deleted stateful resources), `apply` carries it out, and
/// `discard` drops a review that will not be applied.
extension StackDeployer {
    /// Reads the stack, waits out another running operation (bounded), and for an update creates a change set and
    /// waits until CloudFormation has computed it. The only mutating call is CreateChangeSet (plus DeleteChangeSet of
    /// a change set that turned out empty or failed). Throws `StackDeployError` `changeSetFailed` when CloudFormation
    /// cannot make the change set, and `needsManualRepair` for states mlopsctl does not fix by itself.
    /// `known`: what the caller just read of the stack, used for the first look instead of reading it again.
    public func review(_ deployment: StackDeployment, known: KnownStack? = nil) async throws -> StackReview {
        let started = clock()
        var given = known
        while true {
            let assessment = try await assess(deployment, known: given)
            given = nil  // after waiting out another operation, the stack is read afresh
            switch assessment {
            case .none(let stack):
                return StackReview(kind: .unchanged, deployment: deployment, stack: stack)
            case .create:
                let (adds, notes) = Self.additions(deployment)
                return StackReview(kind: .create, deployment: deployment, stack: nil, resourceChanges: adds, notes: notes)
            case .recreate(let stack, let reason):
                let (adds, notes) = Self.additions(deployment)
                return StackReview(kind: .recreate(reason), deployment: deployment, stack: stack, resourceChanges: adds, notes: notes)
            case .update(let stack, let reasons, let deployedTemplate):
                return try await reviewUpdate(deployment, stack: stack, reasons: reasons, deployedTemplate: deployedTemplate)
            case .blocked(let stack):
                try await waitForOtherOperation(stack, started: started)
            }
        }
    }

    /// Carries out a review: creates, deletes and re-creates, or executes the update's change set and waits for it.
    /// An update that would replace or delete a stateful resource is refused (`replacementRefused`, after deleting
    /// its change set) unless `allowReplace`.
    public func apply(_ review: StackReview, allowReplace: Bool) async throws -> StackOutcome {
        let deployment = review.deployment
        let name = deployment.stackName
        let started = clock()
        switch review.kind {
        case .unchanged:
            sink.phaseChanged(.unchanged, progress: idleProgress(name, since: started))
            return StackOutcome(kind: .unchanged, stackName: name, stack: review.stack)
        case .create:
            return try await create(deployment)
        case .recreate(let reason):
            sink.phaseChanged(.deletingForRecreate(reason), progress: idleProgress(name, since: started))
            if let stack = review.stack { try await deleteAndWait(stack, roleARN: deployment.roleARN) }
            var outcome = try await create(deployment)
            outcome.recreated = true
            return outcome
        case .update:
            guard let stack = review.stack else { return try await deploy(deployment) }
            if review.changeSetId == nil && review.reasons.contains(.tagsChanged) { return try await deploy(deployment) }
            let destructive = review.destructiveChanges
            if !destructive.isEmpty && !allowReplace {
                try await discard(review)
                throw StackDeployError(stackName: name, kind: .replacementRefused(destructive))
            }
            var current = stack
            var changed = false
            var warnings: [String] = []
            if let changeSetId = review.changeSetId {
                let token = "mlopsctl-update-\(makeToken())"
                let since = clock()
                let total = deployment.templateResourceCount
                sink.phaseChanged(.started(.update), progress: idleProgress(name, operation: .update, since: since, total: total))
                try await call(name, "ExecuteChangeSet") { try await cloudFormation.executeChangeSet(changeSetId, clientRequestToken: token) }
                current = try await watchLive(.update, stack: stack.stackId, name: name, token: token, since: since, total: total)
                changed = true
            }
            if try await applyTerminationProtection(deployment, stack: stack, to: &current, warnings: &warnings, since: started) { changed = true }
            if !changed { sink.phaseChanged(.unchanged, progress: idleProgress(name, since: started)) }
            return StackOutcome(kind: changed ? .updated : .unchanged, stackName: name, stack: current, warnings: warnings)
        }
    }

    /// Deletes the review's change set, if it has one (a dry run, or a plan that was refused).
    public func discard(_ review: StackReview) async throws {
        guard let changeSetId = review.changeSetId else { return }
        try await call(review.stackName, "DeleteChangeSet") { try await cloudFormation.deleteChangeSet(changeSetId) }
    }

    // MARK: - Reviewing an update

    func reviewUpdate(_ deployment: StackDeployment, stack: StackDescription, reasons: [UpdateReason], deployedTemplate: String?) async throws
        -> StackReview
    {
        let name = deployment.stackName
        let needsStackUpdate = reasons.contains { if case .terminationProtection = $0 { false } else { true } }
        let protectionOnly = StackReview(kind: .update, deployment: deployment, stack: stack, reasons: reasons)
        guard needsStackUpdate else { return protectionOnly }
        // A change set may list nothing for a change of the stack's own tags (no resource changes; the emulator refuses
        // it outright): then the tags are updated with UpdateStack, which takes a tags-only update.
        let tagsOnly = StackReview(
            kind: .update, deployment: deployment, stack: stack, reasons: reasons,
            notes: ["only the stack's tags change: updated with UpdateStack"])
        let nothingToDo = reasons.contains(.tagsChanged) ? tagsOnly
            : reasons.contains { if case .terminationProtection = $0 { true } else { false } }
            ? protectionOnly : StackReview(kind: .unchanged, deployment: deployment, stack: stack)

        let token = makeToken()
        // By name: AWS takes the stack id too, moto (5.2) only the name. Tags: an empty list clears the stack's tags,
        // nil leaves them; only clear what is there.
        let request = CreateChangeSetRequest(
            stackName: stack.stackName, changeSetName: "mlopsctl-\(token)", template: deployment.template, parameters: deployment.stackParameters,
            capabilities: deployment.capabilities, roleARN: deployment.roleARN,
            tags: deployment.tags.isEmpty && stack.tags.isEmpty ? nil : deployment.stackTags, clientToken: "mlopsctl-changeset-\(token)",
            description: "mlopsctl: reviewed before it is executed", changeSetType: .update)
        let created: CreatedChangeSet? = try await call(name, "CreateChangeSet") {
            do {
                return try await cloudFormation.createChangeSet(request)
            } catch let error as AWSServiceError where error.isNoUpdatesToPerform {
                return nil  // moto's answer to a change set without changes (AWS makes a FAILED one, below)
            }
        }
        guard let created else { return nothingToDo }
        let described = try await waitForChangeSet(created.id, stackName: name)
        if described.status == .failed {
            try await call(name, "DeleteChangeSet") { try await cloudFormation.deleteChangeSet(created.id) }
            if described.failedForNoChanges { return nothingToDo }
            throw StackDeployError(stackName: name, kind: .changeSetFailed(reason: described.statusReason))
        }

        var notes: [String] = []
        var findings: [TemplateReplacementCheck.Finding] = []
        if let deployed = deployedTemplate.flatMap(TemplateDocument.init(jsonBody:)),
            let proposed = deployment.template.body.flatMap(TemplateDocument.init(jsonBody:))
        {
            let changed = Set(changedParameters(deployment, stack))
            findings = TemplateReplacementCheck(deployed: deployed, proposed: proposed, changedParameters: changed).findings()
        } else {
            notes.append("the deployed template could not be compared with the new one (not JSON): replacements as CloudFormation reports them")
        }
        return StackReview(
            kind: .update, deployment: deployment, stack: stack, reasons: reasons, changeSetId: created.id,
            resourceChanges: PlannedResourceChange.merge(described.changes, findings), notes: notes)
    }

    /// Polls DescribeChangeSet (with the wait policy's backoff) until CloudFormation has computed the change set,
    /// then reads every page of its changes.
    func waitForChangeSet(_ changeSetId: String, stackName: String) async throws -> ChangeSetDescription {
        let since = clock()
        var delay = waitPolicy.initialDelay
        while true {
            try Task.checkCancellation()
            let first = try await call(stackName, "DescribeChangeSet") { try await cloudFormation.describeChangeSet(changeSetId) }
            if !first.status.isPending {
                var described = first
                var pages = 1
                // Bounded: a template has at most 500 resources; an endpoint that always answers a NextToken must not hang us.
                while let token = described.nextToken, pages < 500 {
                    pages += 1
                    let page = try await call(stackName, "DescribeChangeSet") {
                        try await cloudFormation.describeChangeSet(changeSetId, nextToken: token)
                    }
                    described.changes += page.changes
                    described.nextToken = page.nextToken
                }
                return described
            }
            let waited = clock().timeIntervalSince(since)
            guard waited < waitPolicy.timeoutSeconds else {
                throw StackDeployError(stackName: stackName, kind: .changeSetFailed(reason: "still \(first.status) after \(Int(waited)) s"))
            }
            try await sleep(delay)
            delay = waitPolicy.next(after: delay)
        }
    }

    /// Every resource of a JSON template body as an `Add` (the plan of a create); a note when the body cannot be read.
    static func additions(_ deployment: StackDeployment) -> ([PlannedResourceChange], [String]) {
        guard let document = deployment.template.body.flatMap(TemplateDocument.init(jsonBody:)) else {
            return ([], ["the template is not JSON: its resources are not listed"])
        }
        let adds = document.resources.keys.sorted().map { id in
            PlannedResourceChange(logicalId: id, resourceType: document.type(of: id) ?? "?", action: "Add")
        }
        return (adds, [])
    }
}
