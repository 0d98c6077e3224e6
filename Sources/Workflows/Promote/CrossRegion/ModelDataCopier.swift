import AWSServices
import Foundation

/// Copies model data server-side into the target region's bucket: one CopyObject up to 5 GiB, above that a multipart
/// upload whose parts S3 copies by range (UploadPartCopy), a bounded number at once. A failed multipart copy is
/// aborted, so no parts are left to pay for.
struct ModelDataCopier: Sendable {
    /// A client in the destination's region, with credentials that may read the source and write the destination.
    let s3: S3Client
    /// Objects above this size are copied in parts (S3's CopyObject limit; smaller in tests).
    var singleCopyLimit = S3Client.copyObjectLimit
    /// Bytes per part: 512 MiB keeps a 5 TiB object under S3's 10,000 parts.
    var partSize = 512 * 1024 * 1024
    /// Parts copied at once.
    var concurrency = 4

    func copy(from source: S3ObjectLocation, size: Int, to destination: S3ObjectLocation) async throws {
        if size <= singleCopyLimit {
            _ = try await s3.copyObject(from: source, toBucket: destination.bucket, key: destination.key)
            return
        }
        let upload = try await s3.createMultipartUpload(bucket: destination.bucket, key: destination.key)
        do {
            let parts = try await copyParts(of: source, size: size, into: upload)
            _ = try await s3.completeMultipartUpload(upload, parts: parts)
        } catch {
            try? await s3.abortMultipartUpload(upload)
            throw error
        }
    }

    /// The byte ranges of the parts, in order.
    func ranges(size: Int) -> [ClosedRange<Int>] {
        stride(from: 0, to: size, by: partSize).map { $0...min($0 + partSize, size) - 1 }
    }

    private func copyParts(of source: S3ObjectLocation, size: Int, into upload: S3MultipartUpload) async throws -> [S3CompletedPart] {
        let ranges = ranges(size: size)
        return try await withThrowingTaskGroup(of: S3CompletedPart.self) { group in
            var parts: [S3CompletedPart] = []
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { try await s3.uploadPartCopy(upload, partNumber: index + 1, from: source, range: ranges[index]) }
            }
            while next < min(concurrency, ranges.count) { start() }
            while let part = try await group.next() {
                parts.append(part)
                if next < ranges.count { start() }
            }
            return parts.sorted { $0.partNumber < $1.partNumber }
        }
    }
}
