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
        if !review.newUnits.isEmpty {
            let result = try await runner.run(spec.name, action: "deploy to \(review.newUnits.count) OU(s)", total: 0) { operationId in
                try await cloudFormation.createStackInstances(StackInstancesRequest(
                    stackSetName: spec.name, deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: review.newUnits),
                    regions: review.regions, operationPreferences: preferences, callAs: access.callAs, operationId: operationId))
            }
            outcome.operations.append("deployed to " + review.newUnits.joined(separator: ", "))
            outcome.failures += result.failures
        }
        if !review.missing.isEmpty {
            let accounts = review.missing.map(\.account)
            let units = Array(Set(review.missing.map(\.unit))).sorted()
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
            let accounts = Array(Set(review.outdated.map(\.account))).sorted()
            let units = Array(Set(review.live.filter { summary in accounts.contains(summary.account) }.map { $0.organizationalUnitId ?? access.rootId })).sorted()
            let regions = Array(Set(review.outdated.map(\.region))).sorted()
            let result = try await runner.run(spec.name, action: "re-deploy \(review.outdated.count) outdated instance(s)", total: review.outdated.count) { operationId in
                try await cloudFormation.updateStackInstances(StackInstancesRequest(
                    stackSetName: spec.name,
                    deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: units, accounts: accounts, accountFilterType: .intersection),
                    regions: regions, operationPreferences: preferences, callAs: access.callAs, operationId: operationId))
            }
            outcome.operations.append("re-deployed \(review.outdated.count) outdated instance(s)")
            outcome.failures += result.failures
        }
        return outcome
    }

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
