import AWSServices
import Foundation
import Topology

/// Carries out one `StackSetReview`: the stack set created or updated, then instances added for new OUs (whole) and for
/// members without one (by account, inside their OU), and OUTDATED instances deployed again. Each step is one
/// stack-set operation covering every account and region at once; StackSets fans it out under the topology's
/// operation preferences, so the operator's requests do not grow with the number of accounts.
struct StackSetApplier: Sendable {
    let access: OrganizationAccess
    let runner: StackSetOperationRunner
    let settings: OrganizationSettings

    /// What applying one stack set did.
    struct Outcome: Sendable {
        var operations: [String] = []
        var failures: [StackInstanceFailure] = []
        var arn: String?
    }

    func apply(_ review: StackSetReview, dependsOn: [String]) async throws -> Outcome {
        var outcome = Outcome()
        let cloudFormation = access.session.cloudFormation
        let spec = review.spec
        let autoDeployment = StackSetAutoDeployment(
            enabled: settings.autoDeployment, retainStacksOnAccountRemoval: settings.autoDeployment ? settings.retainStacksOnAccountRemoval : nil,
            dependsOn: settings.autoDeployment ? dependsOn : [])
        let capabilities = spec.capabilities.map(StackCapability.init(rawValue:))
        let tags = spec.tags.keys.sorted().map { StackTag(key: $0, value: spec.tags[$0]!) }
        var updatedAll = false
        if review.isCreate {
            _ = try await cloudFormation.createStackSet(CreateStackSetRequest(
                name: spec.name, description: "mlopsctl: \(spec.kind.rawValue) of the \(spec.stage.rawValue) stage role",
                templateBody: spec.templateBody, parameters: spec.parameters, capabilities: capabilities, tags: tags,
                permissionModel: .serviceManaged, autoDeployment: autoDeployment, managedExecutionActive: true, callAs: access.callAs))
            outcome.operations.append("created")
        } else if review.changesStackSet {
            // Updates every existing instance too (on AWS): the re-deploy of OUTDATED instances below is then not needed.
            let result = try await runner.run(spec.name, action: "update", total: review.live.count) { operationId in
                try await cloudFormation.updateStackSet(UpdateStackSetRequest(
                    name: spec.name, templateBody: spec.templateBody, parameters: spec.parameters, capabilities: capabilities,
                    tags: tags, operationPreferences: preferences, autoDeployment: autoDeployment, managedExecutionActive: true,
                    callAs: access.callAs, operationId: operationId))
            }
            outcome.operations.append("updated (\(review.changes.joined(separator: "; ")))")
            outcome.failures += result.failures
            updatedAll = true
        }
        // CreateStackInstances takes at most 50 OUs (API_CreateStackInstances): more are sent in batches, one operation each.
        for batch in review.newUnits.batches(of: Self.unitsPerOperation) {
            let result = try await runner.run(spec.name, action: "deploy to \(batch.count) OU(s)", total: 0) { operationId in
                try await cloudFormation.createStackInstances(StackInstancesRequest(
                    stackSetName: spec.name, deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: batch),
                    regions: review.regions, operationPreferences: preferences, callAs: access.callAs, operationId: operationId))
            }
            outcome.operations.append("deployed to " + batch.joined(separator: ", "))
            outcome.failures += result.failures
        }
        let missingUnits = Array(Set(review.missing.map(\.unit))).sorted()
        for units in missingUnits.batches(of: Self.unitsPerOperation) {
            let accounts = review.missing.filter { units.contains($0.unit) }.map(\.account)
            let result = try await runner.run(spec.name, action: "add \(accounts.count) account(s)", total: accounts.count * review.regions.count) { operationId in
                try await cloudFormation.createStackInstances(StackInstancesRequest(
                    stackSetName: spec.name,
                    deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: units, accounts: accounts, accountFilterType: .intersection),
                    regions: review.regions, operationPreferences: preferences, callAs: access.callAs, operationId: operationId))
            }
            outcome.operations.append("added \(accounts.count) account(s)")
            outcome.failures += result.failures
        }
        if !review.outdated.isEmpty && !updatedAll {
            let outdatedAccounts = Set(review.outdated.map(\.account))
            let unitOf = Dictionary(review.live.filter { outdatedAccounts.contains($0.account) }.map { ($0.account, $0.organizationalUnitId ?? access.rootId) }) { first, _ in first }
            for units in Array(Set(unitOf.values)).sorted().batches(of: Self.unitsPerOperation) {
                let accounts = unitOf.filter { units.contains($0.value) }.keys.sorted()
                let keys = review.outdated.filter { accounts.contains($0.account) }
                let regions = Array(Set(keys.map(\.region))).sorted()
                let result = try await runner.run(spec.name, action: "re-deploy \(keys.count) outdated instance(s)", total: keys.count) { operationId in
                    try await cloudFormation.updateStackInstances(StackInstancesRequest(
                        stackSetName: spec.name,
                        deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: units, accounts: accounts, accountFilterType: .intersection),
                        regions: regions, operationPreferences: preferences, callAs: access.callAs, operationId: operationId))
                }
                outcome.operations.append("re-deployed \(keys.count) outdated instance(s)")
                outcome.failures += result.failures
            }
        }
        return outcome
    }

    /// The most OUs one CreateStackInstances (or UpdateStackInstances) operation takes.
    static let unitsPerOperation = 50

    /// The topology's operation preferences, as StackSets takes them.
    var preferences: StackSetOperationPreferences { Self.preferences(settings) }

    static func preferences(_ settings: OrganizationSettings) -> StackSetOperationPreferences {
        let chosen = settings.preferences
        return StackSetOperationPreferences(
            regionConcurrencyType: StackSetRegionConcurrency(rawValue: chosen.regionConcurrency.rawValue), regionOrder: chosen.regionOrder,
            failureToleranceCount: chosen.failureToleranceCount, failureTolerancePercentage: chosen.failureTolerancePercentage,
            maxConcurrentCount: chosen.maxConcurrentCount, maxConcurrentPercentage: chosen.maxConcurrentPercentage,
            concurrencyMode: StackSetConcurrencyMode(rawValue: chosen.concurrencyMode.rawValue))
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, in order.
    func batches(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
