import AWSServices
import CFNTemplate
import Foundation
import Ledger

/// Finds a launched project's id (and so its model package group `<name>-<id>`): from the ledger rows
/// `launch-project` recorded, else from SSM `/mlops/projects/<name>/model-package-group` in dev.
enum ProjectLookup {
    static func identity(name: String, ledger: LedgerDatabase, dev: AWSSession) async throws -> ProjectIdentity {
        let prefix = LaunchProjectWorkflow.stackName(ProjectIdentity(name: name, id: "")) // "mlops-project-<name>-"
        let rows = try await ledger.resources(filter: ResourceFilter(kind: .stack, project: name))
        if let row = rows.first(where: { $0.status == .present && ($0.physicalId ?? "").hasPrefix(prefix) }), let stack = row.physicalId {
            return ProjectIdentity(name: name, id: String(stack.dropFirst(prefix.count)))
        }
        let parameter = ProjectNames(projectName: name, projectId: "x", account: "", region: "").modelPackageGroupParameter
        if let group = try await dev.ssm.getParameter(name: parameter)?.value, group.hasPrefix(name + "-"), group.count > name.count + 1 {
            return ProjectIdentity(name: name, id: String(group.dropFirst(name.count + 1)))
        }
        throw PromoteError(
            "project '\(name)' is unknown: no launch-project stack in the ledger and no SSM parameter \(parameter) in dev; "
                + "check --project or run `mlopsctl launch-project --name \(name)`")
    }
}
