import AWSServices
import Foundation

/// What `AssetUploader.upload` did.
public enum AssetUploadOutcome: Sendable, Hashable {
    /// The object was written (one PutObject, or a multipart upload).
    case uploaded
    /// An object of the same size already had the key; content addressing makes it the same bytes.
    case alreadyPresent
}

/// Publishes content-addressed assets to S3 the way the AWS CLI's transfer manager does: one PutObject
/// below `multipartThreshold`, otherwise a multipart upload with parts of `partSize` bytes sent
/// `concurrency` at a time. A key that already holds an object of the same size is left alone.
public struct AssetUploader: Sendable {
    /// S3's smallest part (every part but the last) and its part-count limit.
    public static let minimumPartSize = 5 * 1024 * 1024
    public static let maximumParts = 10_000
    public static let mebibyte = 1024 * 1024

    public let s3: S3Client
    /// Assets of at least this many bytes go up in parts.
    public let multipartThreshold: Int
    /// The size of each part but the last; raised when the asset would need more than 10,000 parts.
    public let partSize: Int
    /// How many parts are in flight at once.
    public let concurrency: Int

    /// - Throws: `AssetError.invalidUploaderSettings` for a zero or negative setting. A `partSize` under
    ///   5 MiB is accepted (tests use small parts) but S3 rejects such parts with `EntityTooSmall`.
    public init(s3: S3Client, multipartThreshold: Int = 8 * mebibyte, partSize: Int = 8 * mebibyte, concurrency: Int = 4) throws {
        guard multipartThreshold > 0 else { throw AssetError.invalidUploaderSettings("multipartThreshold \(multipartThreshold) must be positive") }
        guard partSize > 0 else { throw AssetError.invalidUploaderSettings("partSize \(partSize) must be positive") }
        guard concurrency > 0 else { throw AssetError.invalidUploaderSettings("concurrency \(concurrency) must be at least 1") }
        self.s3 = s3
        self.multipartThreshold = multipartThreshold
        self.partSize = partSize
        self.concurrency = concurrency
    }

    /// Uploads `asset` to `bucket` under `asset.key`, unless an object of the same size is there already.
    /// A failed multipart upload is aborted (S3 would otherwise keep, and bill, its parts) and the first
    /// error is rethrown.
    public func upload(_ asset: Asset, bucket: String) async throws -> AssetUploadOutcome {
        if let existing = try await s3.headObject(bucket: bucket, key: asset.key), existing.contentLength == asset.data.count {
            return .alreadyPresent
        }
        if asset.data.count < multipartThreshold {
            _ = try await s3.putObject(bucket: bucket, key: asset.key, body: asset.data, contentType: asset.contentType)
        } else {
            try await uploadInParts(asset, bucket: bucket)
        }
        return .uploaded
    }

    /// The byte ranges of the parts, in order (part number = index + 1).
    public func partRanges(size: Int) -> [Range<Int>] {
        guard size > 0 else { return [0..<0] }
        // Ceiling division: at most `maximumParts` parts, whatever partSize says.
        let effective = max(partSize, (size + Self.maximumParts - 1) / Self.maximumParts)
        return stride(from: 0, to: size, by: effective).map { $0..<min($0 + effective, size) }
    }

    private func uploadInParts(_ asset: Asset, bucket: String) async throws {
        let upload = try await s3.createMultipartUpload(bucket: bucket, key: asset.key, contentType: asset.contentType)
        do {
            let parts = try await uploadParts(asset.data, to: upload)
            _ = try await s3.completeMultipartUpload(upload, parts: parts)
        } catch {
            // Best effort, and in a task of its own so that a cancelled upload still aborts; the original
            // failure is what the caller must see.
            let s3 = self.s3
            await Task { try? await s3.abortMultipartUpload(upload) }.value
            throw error
        }
    }

    /// Sends the parts with at most `concurrency` in flight; the first failure cancels the rest.
    private func uploadParts(_ data: Data, to upload: S3MultipartUpload) async throws -> [S3CompletedPart] {
        let ranges = partRanges(size: data.count)
        let s3 = self.s3
        return try await withThrowingTaskGroup(of: S3CompletedPart.self) { group in
            var completed: [S3CompletedPart] = []
            var next = 0
            func startNext() {
                let number = next + 1
                let body = data.subdata(in: ranges[next])
                group.addTask { try await s3.uploadPart(upload, partNumber: number, body: body) }
                next += 1
            }
            while next < min(concurrency, ranges.count) { startNext() }
            while let part = try await group.next() {
                completed.append(part)
                if next < ranges.count { startNext() }
            }
            return completed.sorted { $0.partNumber < $1.partNumber }
        }
    }
}

extension Asset {
    /// The Content-Type the object is stored with.
    var contentType: String {
        fileExtension == "zip" ? "application/zip" : fileExtension == "json" ? "application/json" : "application/octet-stream"
    }
}
