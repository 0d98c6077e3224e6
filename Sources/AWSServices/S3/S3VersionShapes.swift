import Foundation

/// An object version to act on (`ObjectIdentifier`): a key and, in a versioned bucket, one version of it.
public struct S3ObjectIdentifier: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    /// nil deletes the current version (adding a delete marker in a versioned bucket); `"null"` names
    /// the version written while versioning was off.
    public var versionId: String?

    public init(key: String, versionId: String? = nil) {
        self.key = key
        self.versionId = versionId
    }

    public var description: String { versionId.map { "\(key) (version \($0))" } ?? key }
}

/// One object version in ListObjectVersions.
public struct S3ObjectVersion: Sendable, Equatable {
    public var key: String
    public var versionId: String
    public var isLatest: Bool
    public var lastModified: Date?
    public var size: Int?
    public var eTag: String?

    public init(key: String, versionId: String, isLatest: Bool, lastModified: Date? = nil, size: Int? = nil, eTag: String? = nil) {
        self.key = key
        self.versionId = versionId
        self.isLatest = isLatest
        self.lastModified = lastModified
        self.size = size
        self.eTag = eTag
    }
}

/// One delete marker in ListObjectVersions.
public struct S3DeleteMarker: Sendable, Equatable {
    public var key: String
    public var versionId: String
    public var isLatest: Bool
    public var lastModified: Date?

    public init(key: String, versionId: String, isLatest: Bool, lastModified: Date? = nil) {
        self.key = key
        self.versionId = versionId
        self.isLatest = isLatest
        self.lastModified = lastModified
    }
}

/// Where the next ListObjectVersions page starts (`NextKeyMarker` + `NextVersionIdMarker`).
public struct S3VersionMarker: Sendable, Equatable {
    public var keyMarker: String
    public var versionIdMarker: String?

    public init(keyMarker: String, versionIdMarker: String? = nil) {
        self.keyMarker = keyMarker
        self.versionIdMarker = versionIdMarker
    }
}

/// One page of ListObjectVersions: versions and delete markers, each in key order.
public struct S3ObjectVersionPage: Sendable, Equatable {
    public var versions: [S3ObjectVersion]
    public var deleteMarkers: [S3DeleteMarker]
    /// Where the next page starts; nil on the last page.
    public var next: S3VersionMarker?

    public init(versions: [S3ObjectVersion], deleteMarkers: [S3DeleteMarker], next: S3VersionMarker?) {
        self.versions = versions
        self.deleteMarkers = deleteMarkers
        self.next = next
    }

    public var isTruncated: Bool { next != nil }

    /// Every version and delete marker of the page, ready for DeleteObjects.
    public var identifiers: [S3ObjectIdentifier] {
        versions.map { S3ObjectIdentifier(key: $0.key, versionId: $0.versionId) }
            + deleteMarkers.map { S3ObjectIdentifier(key: $0.key, versionId: $0.versionId) }
    }
}

/// A key DeleteObjects removed.
public struct S3DeletedObject: Sendable, Equatable {
    public var key: String
    public var versionId: String?
    /// Whether a delete marker was involved (created, or the version deleted was one).
    public var deleteMarker: Bool?
    public var deleteMarkerVersionId: String?

    public init(key: String, versionId: String? = nil, deleteMarker: Bool? = nil, deleteMarkerVersionId: String? = nil) {
        self.key = key
        self.versionId = versionId
        self.deleteMarker = deleteMarker
        self.deleteMarkerVersionId = deleteMarkerVersionId
    }
}

/// A key DeleteObjects could not remove, with S3's reason (`AccessDenied`, `InternalError`, …).
public struct S3DeleteObjectError: Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var versionId: String?
    public var code: String
    public var message: String?

    public init(key: String, versionId: String? = nil, code: String, message: String? = nil) {
        self.key = key
        self.versionId = versionId
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(S3ObjectIdentifier(key: key, versionId: versionId)): \(code)\(message.map { " (\($0))" } ?? "")"
    }
}

/// What DeleteObjects did, summed over every request it took. S3 answers 200 even when keys fail, so
/// `errors` must be looked at: `check(bucket:)` turns them into a thrown error.
public struct S3DeleteObjectsResult: Sendable, Equatable {
    /// Empty against AWS in quiet mode (only failures are reported); moto lists them anyway.
    public var deleted: [S3DeletedObject]
    public var errors: [S3DeleteObjectError]

    public init(deleted: [S3DeletedObject] = [], errors: [S3DeleteObjectError] = []) {
        self.deleted = deleted
        self.errors = errors
    }

    /// Throws `S3DeleteObjectsFailure` when any key failed.
    public func check(bucket: String) throws {
        if !errors.isEmpty { throw S3DeleteObjectsFailure(bucket: bucket, errors: errors) }
    }
}

/// Keys DeleteObjects reported as not deleted.
public struct S3DeleteObjectsFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var bucket: String
    public var errors: [S3DeleteObjectError]

    public var description: String {
        let first = errors.first.map(String.init(describing:)) ?? "?"
        let more = errors.count > 1 ? " and \(errors.count - 1) more" : ""
        return "S3 DeleteObjects in bucket \(bucket): \(first)\(more) not deleted; check the caller's s3:DeleteObjectVersion permission and any Object Lock retention, then retry"
    }
}

/// A multipart upload that was started and neither completed nor aborted.
public struct S3PendingMultipartUpload: Sendable, Equatable {
    public var key: String
    public var uploadId: String
    public var initiated: Date?

    public init(key: String, uploadId: String, initiated: Date? = nil) {
        self.key = key
        self.uploadId = uploadId
        self.initiated = initiated
    }
}

/// One page of ListMultipartUploads.
public struct S3PendingMultipartUploadPage: Sendable, Equatable {
    public var uploads: [S3PendingMultipartUpload]
    /// Pass both markers to the next call; nil on the last page.
    public var nextKeyMarker: String?
    public var nextUploadIdMarker: String?

    public init(uploads: [S3PendingMultipartUpload], nextKeyMarker: String? = nil, nextUploadIdMarker: String? = nil) {
        self.uploads = uploads
        self.nextKeyMarker = nextKeyMarker
        self.nextUploadIdMarker = nextUploadIdMarker
    }

    public var isTruncated: Bool { nextKeyMarker != nil }
}
