import AWSServices
import Foundation

/// Which model package a promotion serves, and whether it may be served. Every refusal happens before any change.
public struct PackageSelection: Sendable, Equatable {
    public let package: ModelPackage
    /// The package is PendingManualApproval and `--approve` was given: approve it before deploying.
    public let needsApproval: Bool

    /// Picks the package: the explicit ARN, or the newest Approved of `group` by CreationTime, descending (the seed
    /// sorted ascending and served the oldest). With `approve` and no ARN, the newest package of any status.
    public static func choose(
        _ choice: PromoteOptions.PackageChoice, group: String, approve: Bool, sageMaker: SageMakerClient
    ) async throws -> PackageSelection {
        let arn: String
        switch choice {
        case .explicit(let explicit):
            arn = explicit
        case .latestApproved:
            let query = approve
                ? ModelPackageQuery(groupName: group, sortBy: .creationTime, sortOrder: .descending, maxResults: 1)
                : ModelPackageQuery.latestApproved(in: group)
            guard let newest = try await sageMaker.listModelPackages(query).summaries.first else {
                throw PromoteError(
                    approve
                        ? "model package group \(group) holds no package; train and register one first"
                        : "model package group \(group) has no Approved package; approve one (or pass --approve to approve the newest)")
            }
            arn = newest.arn
        }
        guard let package = try await sageMaker.describeModelPackage(name: arn) else {
            throw PromoteError("model package \(arn) does not exist (or is not visible from dev); check --model-package")
        }
        return try judge(package, group: group, approve: approve)
    }

    /// Whether `package` may be served from `group`, with or without `--approve`.
    public static func judge(_ package: ModelPackage, group: String, approve: Bool) throws -> PackageSelection {
        if let owner = package.groupName, owner != group {
            throw PromoteError("model package \(package.arn) belongs to group \(owner), not to the project's group \(group)")
        }
        switch package.approvalStatus {
        case .approved?:
            return PackageSelection(package: package, needsApproval: false)
        case .pendingManualApproval? where approve:
            return PackageSelection(package: package, needsApproval: true)
        case .pendingManualApproval?:
            throw PromoteError("model package \(package.arn) is PendingManualApproval; review it and pass --approve to approve it")
        case .rejected?:
            throw PromoteError("model package \(package.arn) is Rejected and cannot be promoted; choose another package")
        default:
            throw PromoteError(
                "model package \(package.arn) has approval status '\(package.approvalStatus?.rawValue ?? "none")'; only Approved packages are promoted")
        }
    }
}
