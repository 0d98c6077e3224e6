import Foundation
import Ledger

extension ProjectIdentity {
    /// The id of the project stack the ledger holds for this name and has not deleted: a launch that was killed
    /// (`planned`), that failed (`failed`) or that succeeded (`present`). Project names are unique (as in SageMaker,
    /// and the project template's SSM parameters are named by the project's name), so a second launch of the same name
    /// is that project's resumption, never a new id (which would fail on AWS with ParameterAlreadyExists).
    /// - Parameter rows: the ledger's stack rows for this project name.
    static func recordedId(name: String, in rows: [TrackedResource]) -> (id: String, status: Ledger.ResourceStatus)? {
        let prefix = LaunchProjectWorkflow.stackName(ProjectIdentity(name: name, id: "")) // "mlops-project-<name>-"
        let live = rows.filter { $0.kind == .stack && $0.status != .deleted && ($0.physicalId ?? "").hasPrefix(prefix) }
        guard let latest = live.max(by: { ($0.id ?? 0) < ($1.id ?? 0) }), let stack = latest.physicalId else { return nil }
        let id = String(stack.dropFirst(prefix.count))
        return id.isEmpty ? nil : (id, latest.status)
    }

    /// This identity, or the one the ledger already holds for the name (see `recordedId`). A generated id yields to
    /// the recorded one; an explicit `--id` that differs from it is refused, naming both ways out.
    func resumed(from rows: [TrackedResource]) throws -> ProjectIdentity {
        guard let recorded = Self.recordedId(name: name, in: rows), recorded.id != id else { return self }
        guard isGenerated else {
            throw CatalogInputError(problems: [
                "--id '\(id)': the ledger already holds project '\(name)' with id \(recorded.id) (\(recorded.status.rawValue)); "
                    + "run `mlopsctl launch-project --name \(name)` to resume it, or `mlopsctl teardown --project \(name)` first",
            ])
        }
        return ProjectIdentity(name: name, resumedId: recorded.id)
    }
}
