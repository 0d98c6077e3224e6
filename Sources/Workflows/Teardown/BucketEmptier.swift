import AWSServices
import AWSWire
import Foundation

/// Empties a versioned bucket so it can be deleted, the way the CDK's auto-delete handler does, in bounded memory.
///
/// 1. A bucket policy denying `s3:PutObject` goes on first, so writers racing the teardown stop refilling it.
/// 2. Unfinished multipart uploads are aborted (a bucket holding them cannot be deleted).
/// 3. A pipeline: list a page of versions and delete markers, start its DeleteObjects (≤1000 entries), and while up to
///    `EmptyingPace.depth` deletes are in flight (at most `concurrency`) list the next page from the markers. When the
///    markers run out or the pace says not to list ahead, the deletes in flight finish and listing starts again from
///    the first page; the bucket is empty when such a listing returns nothing. (A listing from the start is correct
///    on AWS and on moto alike; moto ends a listing whose marker version was deleted.) At most `concurrency + 1` pages
///    are held at once.
/// 4. Keys DeleteObjects reports as failed are retried `keyRetries` times, then thrown with the list.
public struct BucketEmptier: Sendable {
    public let s3: S3Client
    /// ARN partition of the bucket (`aws`, `aws-cn`, …), for the deny statement's resource.
    public let partition: String
    /// ListObjectVersions MaxKeys, and so the size of each DeleteObjects batch (≤1000).
    public let pageSize: Int
    /// DeleteObjects requests in flight at once.
    public let concurrency: Int
    public let keyRetries: Int
    /// Time as the pace measures it (a monotonic reading); tests pass a virtual one so that the pace they check does
    /// not depend on how loaded the machine is.
    public let now: @Sendable () -> Duration

    public init(
        s3: S3Client, partition: String = "aws", pageSize: Int = S3Client.deleteObjectsLimit, concurrency: Int = 4, keyRetries: Int = 2,
        now: @escaping @Sendable () -> Duration = { ContinuousClock.now - BucketEmptier.epoch }
    ) {
        self.now = now
        self.s3 = s3
        self.partition = partition
        self.pageSize = min(max(pageSize, 1), S3Client.deleteObjectsLimit)
        self.concurrency = max(concurrency, 1)
        self.keyRetries = max(keyRetries, 0)
    }

    /// The origin of the default time reading.
    public static let epoch = ContinuousClock.now

    /// What `empty` did.
    public struct Outcome: Sendable, Equatable {
        public init(existed: Bool, versionsDeleted: Int, uploadsAborted: Int) {
            self.existed = existed
            self.versionsDeleted = versionsDeleted
            self.uploadsAborted = uploadsAborted
        }
        /// False when the bucket did not exist (already gone: nothing to do).
        public var existed: Bool
        public var versionsDeleted: Int
        public var uploadsAborted: Int
    }

    /// The statement that stops writers; its Sid lets a reader of the policy see who put it there.
    public func denyWritesPolicy(bucket: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":"MlopsctlTeardownDenyWrites","Effect":"Deny","Principal":"*","# +
            #""Action":"s3:PutObject","Resource":"arn:\#(partition):s3:::\#(bucket)/*"}]}"#
    }

    /// Empties `bucket` (see the type's description). A missing bucket is success with `existed == false`.
    /// - Throws: `S3DeleteObjectsFailure` listing the keys still failing after the retries; service errors.
    public func empty(bucket: String) async throws -> Outcome {
        var outcome = Outcome(existed: true, versionsDeleted: 0, uploadsAborted: 0)
        do {
            try await s3.putBucketPolicy(bucket: bucket, policy: denyWritesPolicy(bucket: bucket))
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
            return Outcome(existed: false, versionsDeleted: 0, uploadsAborted: 0)
        }
        outcome.uploadsAborted = try await abortUploads(bucket: bucket)
        outcome.versionsDeleted = try await deleteVersions(bucket: bucket)
        return outcome
    }

    /// The pipeline of step 3; returns how many versions and delete markers were deleted.
    func deleteVersions(bucket: String) async throws -> Int {
        let now = now
        return try await withThrowingTaskGroup(of: (count: Int, took: Duration).self) { deletes in
            var pace = EmptyingPace()
            var deleted = 0
            var inFlight = 0
            var marker: S3VersionMarker?  // nil: the next listing starts from the first page
            var previousFirst: S3ObjectIdentifier?
            func finishOne() async throws {
                guard let done = try await deletes.next() else { return }
                deleted += done.count
                pace.deleted(in: done.took)
                inFlight -= 1
            }
            while true {
                let listingStarted = now()
                let page = try await s3.listObjectVersions(bucket: bucket, from: marker, maxKeys: pageSize)
                pace.listed(in: now() - listingStarted)
                let batch = page.identifiers
                if marker == nil {
                    guard let first = batch.first else { return deleted }
                    // A listing that keeps returning what was just deleted without error would loop forever.
                    if first == previousFirst { throw StuckListing(bucket: bucket, key: first.description) }
                    previousFirst = first
                }
                if !batch.isEmpty {
                    deletes.addTask {
                        let started = now()
                        let count = try await deleteBatch(bucket: bucket, batch: batch)
                        return (count, now() - started)
                    }
                    inFlight += 1
                }
                let depth = pace.depth(limit: concurrency)
                if let next = page.next, depth > 1 {
                    while inFlight >= depth { try await finishOne() }
                    marker = next
                } else {
                    while inFlight > 0 { try await finishOne() }
                    marker = nil
                }
            }
        }
    }

    /// One DeleteObjects, then the keys it reported as failed again, up to `keyRetries` times.
    func deleteBatch(bucket: String, batch: [S3ObjectIdentifier]) async throws -> Int {
        var pending = batch
        var attempt = 0
        while true {
            let result = try await s3.deleteObjects(bucket: bucket, objects: pending)
            if result.errors.isEmpty { return batch.count }
            attempt += 1
            if attempt > keyRetries { try result.check(bucket: bucket) }
            let failed = Set(result.errors.map { S3ObjectIdentifier(key: $0.key, versionId: $0.versionId) })
            pending = pending.filter(failed.contains)
        }
    }

    /// Aborts every unfinished multipart upload, page by page.
    func abortUploads(bucket: String) async throws -> Int {
        var aborted = 0
        var keyMarker: String?
        var uploadIdMarker: String?
        repeat {
            let page = try await s3.listMultipartUploads(bucket: bucket, keyMarker: keyMarker, uploadIdMarker: uploadIdMarker)
            for upload in page.uploads where try await s3.abortMultipartUpload(bucket: bucket, key: upload.key, uploadId: upload.uploadId) {
                aborted += 1
            }
            keyMarker = page.nextKeyMarker
            uploadIdMarker = page.nextUploadIdMarker
        } while keyMarker != nil
        return aborted
    }

    /// The listing returned the same first entry after it was deleted without error.
    public struct StuckListing: Error, Sendable, CustomStringConvertible {
        public let bucket: String
        public let key: String
        public var description: String {
            "bucket \(bucket): \(key) is still listed after DeleteObjects reported it deleted; check for Object Lock or a replication rule, then run teardown again"
        }
    }
}
