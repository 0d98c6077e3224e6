import AWSServices
import AWSWire
import Deployer
import Foundation
import Ledger

/// Runs one teardown step in one account, settling every row of the step in the ledger.
/// A failure never stops the teardown: it is recorded (`failed`, with the reason) and reported as left.
struct TeardownStepRunner: Sendable {
    let session: AWSSession
    let ledger: LedgerDatabase
    let sleep: @Sendable (Duration) async throws -> Void
    let progress: @Sendable (String) -> Void
    /// How long (in injected sleeps) to wait for Service Catalog to delete a SageMaker project's stack.
    var provisionedStackTimeout: Duration = .seconds(1800)

    var emptier: BucketEmptier { BucketEmptier(s3: session.s3, partition: Partition.of(region: session.region)) }

    func run(_ step: TeardownPlan.Step, report: inout TeardownReport) async {
        do {
            for row in step.rows where row.status != .deleting {
                // A SageMaker project row keeps its provisioned product id, so a resumed run still finds the stack.
                try await ledger.settle(row.id!, status: .deleting, detail: TeardownPlan.isSageMakerProject(row) ? row.detail : nil)
            }
            let retained: [Int64: String]
            if step.isSageMakerProject {
                retained = try await deleteSageMakerProject(step)
            } else if step.isStack {
                retained = try await deleteStack(step)
            } else {
                retained = try await deleteStandalone(step.target)
                for object in step.objects { progress("  \(object.physicalId ?? "?") goes with its bucket") }
            }
            // The target last: a run killed between these writes leaves the stack `deleting`, so the next run
            // plans its step again and settles the rest, instead of finding rows of a stack marked deleted.
            for row in step.rowsTargetLast {
                if let reason = retained[row.id!] {
                    try await ledger.settle(row.id!, status: .retained, detail: reason)
                    report.left.append(.init(row, reason: reason))
                } else {
                    try await ledger.settle(row.id!, status: .deleted)
                    report.deleted.append(.init(row))
                }
            }
        } catch {
            let reason = String(String(describing: error).prefix(500))
            progress("  FAILED \(step.target.kind.rawValue) \(step.target.physicalId ?? "?"): \(reason)")
            for row in step.rows {
                _ = try? await ledger.settle(row.id!, status: .failed, detail: reason)
                report.left.append(.init(row, reason: reason))
            }
        }
    }

    /// Empties the stack's buckets and repositories, deletes the stack (one retry), then removes what the stack
    /// retained (buckets with a Retain policy, managed policies). Its KMS keys are scheduled for deletion first.
    /// - Returns: rows left on purpose, with why.
    func deleteStack(_ step: TeardownPlan.Step) async throws -> [Int64: String] {
        let name = step.target.physicalId ?? ""
        progress("deleting stack \(name) (\(step.stage) \(step.account) \(step.target.region))")
        try await emptyContents(of: step.members)
        // Scheduled before the stack goes, with the shortest window (7 days): CloudFormation would otherwise use the
        // key's own window (30 days by default); it treats a key already pending deletion as deleted.
        try await scheduleKeys(of: step.members)
        try await deleteStackRetryingOnce(name)
        try await deleteRetained(step.members)
        return [:]
    }

    /// Empties the buckets and removes the ECR images of a stack's members, so the stack can delete them.
    func emptyContents(of members: [TrackedResource]) async throws {
        for bucket in members where bucket.kind == .bucket { try await empty(bucket.physicalId ?? "") }
        for repository in members where repository.kind == .ecrRepository { try await deleteImages(repository.physicalId ?? "") }
    }

    func scheduleKeys(of members: [TrackedResource]) async throws {
        for key in members where key.kind == .kmsKey { try await scheduleKeyDeletion(key.physicalId ?? "") }
    }

    /// DeleteStack and wait; once more if that fails (the second error is thrown).
    func deleteStackRetryingOnce(_ name: String) async throws {
        let deployer = StackDeployer(cloudFormation: session.cloudFormation, sleep: sleep, logger: session.logger)
        do {
            _ = try await deployer.delete(stackName: name)
        } catch {
            // Some implementations stop at a resource deleted outside mlopsctl yet remove the stack: then it is done.
            if await isGone(stack: name) {
                let reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? ""
                progress("  stack \(name) is deleted (CloudFormation reported a resource already gone: \(reason))")
                return
            }
            progress("  stack \(name) did not delete (\(error)); retrying once")
            _ = try await deployer.delete(stackName: name)
        }
    }

    /// True when DescribeStacks answers that the stack does not exist (or is DELETE_COMPLETE); false when it could not tell.
    private func isGone(stack name: String) async -> Bool {
        do {
            guard let stack = try await session.cloudFormation.describeStack(name) else { return true }
            return stack.status == .deleteComplete
        } catch {
            return false
        }
    }

    /// Buckets, repositories and managed policies a deleted stack kept (Retain policy); a missing one is already gone.
    func deleteRetained(_ members: [TrackedResource]) async throws {
        for member in members {
            switch member.kind {
            case .bucket: try await deleteBucket(member.physicalId ?? "")
            case .ecrRepository: try await deleteRepository(member.physicalId ?? "")
            case .iamPolicy: try await deleteLeftoverManagedPolicy(member)
            default: break
            }
        }
    }

    /// A resource outside any stack.
    func deleteStandalone(_ row: TrackedResource) async throws -> [Int64: String] {
        let id = row.physicalId ?? ""
        progress("deleting \(row.kind.rawValue) \(id) (\(row.stage) \(row.account) \(row.region))")
        switch row.kind {
        case .bucket: try await deleteBucket(id)
        case .objectPrefix: try await deleteObject(id)
        case .ssmParameter: _ = try await session.ssm.deleteParameter(name: id)
        case .kmsKey: try await scheduleKeyDeletion(id)
        case .ecrRepository: try await deleteRepository(id)
        default:
            return [row.id!: "teardown cannot delete a \(row.kind.rawValue) outside a stack; delete it by hand"]
        }
        return [:]
    }

    func empty(_ bucket: String) async throws {
        let outcome = try await emptier.empty(bucket: bucket)
        if outcome.existed {
            progress("  emptied bucket \(bucket): \(outcome.versionsDeleted) versions, \(outcome.uploadsAborted) uploads aborted")
        } else {
            progress("  bucket \(bucket) is already gone (deleted outside mlopsctl): nothing to empty")
        }
    }

    /// Deletes a bucket, emptying it first only when S3 says it is not empty; a missing bucket is already gone.
    /// DeleteBucket goes first: a bucket its stack retained was emptied before the stack went (and stays denied to
    /// writers), and a bucket the stack deleted answers NoSuchBucket, so neither needs a look or a second emptying.
    func deleteBucket(_ bucket: String) async throws {
        do {
            try await session.s3.deleteBucket(bucket)
            return
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" || error.statusCode == 403 {
            return  // gone, or (403) a same-name bucket that is not ours: as HeadBucket's not-found and forbidden were
        } catch let error as AWSServiceError where error.code == "BucketNotEmpty" {
            // Objects or unfinished uploads: empty it (writers denied first), then delete.
        }
        try await empty(bucket)
        do {
            try await session.s3.deleteBucket(bucket)
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
            return
        }
    }

    /// Every version and delete marker of one uploaded object (`bucket/key`).
    func deleteObject(_ path: String) async throws {
        let bucket = String(path.prefix { $0 != "/" })
        let key = String(path.dropFirst(bucket.count + 1))
        guard case .exists = try await session.s3.headBucket(bucket) else { return }
        while true {
            let page = try await session.s3.listObjectVersions(bucket: bucket, prefix: key, maxKeys: S3Client.deleteObjectsLimit)
            let mine = page.identifiers.filter { $0.key == key }
            if mine.isEmpty { return }
            try await session.s3.deleteObjects(bucket: bucket, objects: mine).check(bucket: bucket)
        }
    }

    /// Schedules a key for deletion with the shortest window (7 days); a missing or already pending key is done.
    func scheduleKeyDeletion(_ keyId: String) async throws {
        guard let key = try await session.kms.describeKey(keyId), key.state != .pendingDeletion else { return }
        let deletion = try await session.kms.scheduleKeyDeletion(keyId)
        progress("  KMS key \(keyId) scheduled for deletion on \(deletion.deletionDate.map { "\($0)" } ?? "?") (7-day window)")
    }

    /// Images go first (BatchDeleteImage), so the stack can delete its repository.
    func deleteImages(_ repository: String) async throws {
        guard try await repositoryExists(repository) else { return }
        let images = try await session.ecr.listImages(repositoryName: repository)
        guard !images.isEmpty else { return }
        let result = try await session.ecr.batchDeleteImage(repositoryName: repository, imageIds: images)
        let failures = result.failures.filter { $0.code != "ImageNotFound" }
        if let first = failures.first { throw TeardownStepError(message: "ECR repository \(repository): \(first) (and \(failures.count - 1) more)") }
        progress("  deleted \(images.count) images from \(repository)")
    }

    func deleteRepository(_ repository: String) async throws {
        guard try await repositoryExists(repository) else { return }
        try await deleteImages(repository)
        try await session.ecr.deleteRepository(name: repository)
    }

    /// Whether the repository is there. An endpoint that does not implement ECR (HTTP 501 Not Implemented, the answer
    /// of an emulator without the service) holds no repository and no images. Going on loses nothing: CloudFormation
    /// itself refuses to delete a repository that still has images.
    func repositoryExists(_ repository: String) async throws -> Bool {
        do {
            return try await session.ecr.describeRepository(name: repository) != nil
        } catch let error as AWSServiceError where error.statusCode == 501 {
            progress("  ECR is not implemented at this endpoint (HTTP 501): no images or repository \(repository) to delete")
            return false
        }
    }
}

/// A teardown step that could not finish; the message names the resource.
struct TeardownStepError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
