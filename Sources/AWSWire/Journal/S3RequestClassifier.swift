import Foundation

/// S3's REST API has no operation name on the wire: the operation follows from the method, whether the path names
/// the service, a bucket or an object, and which subresource parameter the query carries (`?versions`, `?uploads`).
/// Its IAM action often has another name (ListObjectsV2 needs `s3:ListBucket`, ListObjectVersions
/// `s3:ListBucketVersions`, HeadObject `s3:GetObject`), per the Service Authorization Reference for Amazon S3.
public enum S3RequestClassifier {
    public enum Target: Sendable, Equatable { case service, bucket, object }

    public struct Classification: Sendable, Equatable {
        public var operation: String
        public var actions: [String]
        public var bucket: String?
    }

    /// Query parameters that select a subresource, in the order they are looked for (`uploadId` before `partNumber`
    /// would misname UploadPart, so the part number comes first).
    static let subresources = [
        "partNumber", "uploadId", "uploads", "versions", "list-type", "delete", "policy", "versioning", "encryption", "tagging",
        "location", "publicAccessBlock", "lifecycle", "acl", "ownershipControls", "cors", "notification", "logging", "replication",
        "object-lock", "attributes",
    ]

    /// Query parameters that only qualify an operation (paging, filters, a version); any other name may select an
    /// operation this table does not know, so the request is left unclassified rather than misnamed.
    static let qualifiers: Set<String> = [
        "prefix", "delimiter", "max-keys", "key-marker", "version-id-marker", "encoding-type", "continuation-token", "start-after",
        "fetch-owner", "upload-id-marker", "max-uploads", "max-parts", "part-number-marker", "versionId", "x-id", "max-buckets",
        "bucket-region", "response-content-type", "response-content-disposition", "response-content-encoding", "response-cache-control",
        "response-content-language", "response-expires",
    ]

    /// `(method, target, subresource)` → `(operation, IAM actions)`. A subresource of "" is none.
    static let table: [String: (String, [String])] = {
        var rows: [String: (String, [String])] = [:]
        func add(_ method: String, _ target: Target, _ subresource: String, _ operation: String, _ actions: String...) {
            rows[key(method, target, subresource)] = (operation, actions.map { "s3:\($0)" })
        }
        add("GET", .service, "", "ListBuckets", "ListAllMyBuckets")
        add("HEAD", .bucket, "", "HeadBucket", "ListBucket")
        add("PUT", .bucket, "", "CreateBucket", "CreateBucket")
        add("DELETE", .bucket, "", "DeleteBucket", "DeleteBucket")
        add("GET", .bucket, "", "ListObjects", "ListBucket")
        add("GET", .bucket, "list-type", "ListObjectsV2", "ListBucket")
        add("GET", .bucket, "versions", "ListObjectVersions", "ListBucketVersions")
        add("GET", .bucket, "uploads", "ListMultipartUploads", "ListBucketMultipartUploads")
        // Deleting named versions (how a versioned bucket is emptied) needs the second action; the body says which.
        add("POST", .bucket, "delete", "DeleteObjects", "DeleteObject", "DeleteObjectVersion")
        add("GET", .bucket, "policy", "GetBucketPolicy", "GetBucketPolicy")
        add("PUT", .bucket, "policy", "PutBucketPolicy", "PutBucketPolicy")
        add("DELETE", .bucket, "policy", "DeleteBucketPolicy", "DeleteBucketPolicy")
        add("GET", .bucket, "versioning", "GetBucketVersioning", "GetBucketVersioning")
        add("PUT", .bucket, "versioning", "PutBucketVersioning", "PutBucketVersioning")
        add("GET", .bucket, "encryption", "GetBucketEncryption", "GetEncryptionConfiguration")
        add("PUT", .bucket, "encryption", "PutBucketEncryption", "PutEncryptionConfiguration")
        add("DELETE", .bucket, "encryption", "DeleteBucketEncryption", "PutEncryptionConfiguration")
        add("GET", .bucket, "tagging", "GetBucketTagging", "GetBucketTagging")
        add("PUT", .bucket, "tagging", "PutBucketTagging", "PutBucketTagging")
        add("DELETE", .bucket, "tagging", "DeleteBucketTagging", "PutBucketTagging")
        add("GET", .bucket, "location", "GetBucketLocation", "GetBucketLocation")
        add("GET", .bucket, "publicAccessBlock", "GetPublicAccessBlock", "GetBucketPublicAccessBlock")
        add("PUT", .bucket, "publicAccessBlock", "PutPublicAccessBlock", "PutBucketPublicAccessBlock")
        add("DELETE", .bucket, "publicAccessBlock", "DeletePublicAccessBlock", "PutBucketPublicAccessBlock")
        add("GET", .bucket, "lifecycle", "GetBucketLifecycleConfiguration", "GetLifecycleConfiguration")
        add("PUT", .bucket, "lifecycle", "PutBucketLifecycleConfiguration", "PutLifecycleConfiguration")
        add("DELETE", .bucket, "lifecycle", "DeleteBucketLifecycle", "PutLifecycleConfiguration")
        add("GET", .bucket, "acl", "GetBucketAcl", "GetBucketAcl")
        add("PUT", .bucket, "acl", "PutBucketAcl", "PutBucketAcl")
        add("GET", .bucket, "ownershipControls", "GetBucketOwnershipControls", "GetBucketOwnershipControls")
        add("PUT", .bucket, "ownershipControls", "PutBucketOwnershipControls", "PutBucketOwnershipControls")
        add("DELETE", .bucket, "ownershipControls", "DeleteBucketOwnershipControls", "PutBucketOwnershipControls")
        add("GET", .bucket, "cors", "GetBucketCors", "GetBucketCORS")
        add("PUT", .bucket, "cors", "PutBucketCors", "PutBucketCORS")
        add("DELETE", .bucket, "cors", "DeleteBucketCors", "PutBucketCORS")
        add("GET", .bucket, "notification", "GetBucketNotificationConfiguration", "GetBucketNotification")
        add("PUT", .bucket, "notification", "PutBucketNotificationConfiguration", "PutBucketNotification")
        add("GET", .bucket, "logging", "GetBucketLogging", "GetBucketLogging")
        add("PUT", .bucket, "logging", "PutBucketLogging", "PutBucketLogging")
        add("GET", .bucket, "replication", "GetBucketReplication", "GetReplicationConfiguration")
        add("PUT", .bucket, "replication", "PutBucketReplication", "PutReplicationConfiguration")
        add("DELETE", .bucket, "replication", "DeleteBucketReplication", "PutReplicationConfiguration")
        add("GET", .bucket, "object-lock", "GetObjectLockConfiguration", "GetBucketObjectLockConfiguration")
        add("PUT", .object, "", "PutObject", "PutObject")
        add("GET", .object, "", "GetObject", "GetObject")
        add("HEAD", .object, "", "HeadObject", "GetObject")
        add("DELETE", .object, "", "DeleteObject", "DeleteObject")
        add("GET", .object, "attributes", "GetObjectAttributes", "GetObjectAttributes", "GetObject")
        add("POST", .object, "uploads", "CreateMultipartUpload", "PutObject")
        add("PUT", .object, "partNumber", "UploadPart", "PutObject")
        add("POST", .object, "uploadId", "CompleteMultipartUpload", "PutObject")
        add("DELETE", .object, "uploadId", "AbortMultipartUpload", "AbortMultipartUpload")
        add("GET", .object, "uploadId", "ListParts", "ListMultipartUploadParts")
        add("GET", .object, "tagging", "GetObjectTagging", "GetObjectTagging")
        add("PUT", .object, "tagging", "PutObjectTagging", "PutObjectTagging")
        add("DELETE", .object, "tagging", "DeleteObjectTagging", "DeleteObjectTagging")
        add("GET", .object, "acl", "GetObjectAcl", "GetObjectAcl")
        add("PUT", .object, "acl", "PutObjectAcl", "PutObjectAcl")
        return rows
    }()

    static func key(_ method: String, _ target: Target, _ subresource: String) -> String {
        "\(method) \(target) \(subresource)"
    }

    public static func classify(_ request: HTTPRequest) -> Classification {
        let (target, bucket) = address(request)
        let names = queryNames(request.encodedQuery)
        let subresource = subresources.first { names.contains($0) } ?? ""
        let unknown = names.subtracting(qualifiers).subtracting(subresources).subtracting([""])
        guard unknown.isEmpty, let (operation, baseActions) = table[key(request.method, target, subresource)] else {
            // Named so that a coverage check fails loudly rather than guessing an action.
            let query = ([subresource] + unknown.sorted()).filter { !$0.isEmpty }.map { "?\($0)" }.joined()
            return Classification(operation: "\(request.method) \(target)\(query)", actions: ["s3:Unclassified"], bucket: bucket)
        }
        var operationName = operation
        var actions = baseActions
        let versioned = names.contains("versionId")
        switch operation {
        case "GetObject", "HeadObject":
            if versioned { actions = ["s3:GetObjectVersion"] }
        case "DeleteObject":
            if versioned { actions = ["s3:DeleteObjectVersion"] }
        case "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging":
            if versioned { actions = actions.map { $0.replacingOccurrences(of: "ObjectTagging", with: "ObjectVersionTagging") } }
        case "PutObject", "UploadPart":
            // A copy reads its source object as well (the header's presence only: its value is never read).
            if request.headers.contains("x-amz-copy-source") {
                operationName = operation == "PutObject" ? "CopyObject" : "UploadPartCopy"
                actions.append("s3:GetObject")
            }
            if operation == "PutObject", request.headers.contains("x-amz-tagging") { actions.append("s3:PutObjectTagging") }
        default:
            break
        }
        return Classification(operation: operationName, actions: actions, bucket: bucket)
    }

    /// Virtual-hosted style (`bucket.s3.region.amazonaws.com/key`) names the bucket in the host; path style (an
    /// emulator, a dotted bucket, `s3.region.amazonaws.com/bucket/key`) in the first path segment.
    static func address(_ request: HTTPRequest) -> (Target, String?) {
        let host = request.url.host ?? ""
        let segments = request.encodedPath.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).dropFirst()
        if let bucket = virtualHostedBucket(host) {
            let key = request.encodedPath.dropFirst()
            return (key.isEmpty ? .bucket : .object, bucket)
        }
        guard let first = segments.first, !first.isEmpty else { return (.service, nil) }
        let bucket = first.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(first)
        let hasKey = first.split(separator: "/", maxSplits: 1).count > 1
        return (hasKey ? .object : .bucket, bucket.removingPercentEncoding ?? bucket)
    }

    static func virtualHostedBucket(_ host: String) -> String? {
        guard host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn") else { return nil }
        for marker in [".s3.", ".s3-"] {
            if let range = host.range(of: marker), range.lowerBound > host.startIndex { return String(host[..<range.lowerBound]) }
        }
        return nil
    }

    /// The parameter names of an encoded query string; values are dropped unread.
    static func queryNames(_ query: String?) -> Set<String> {
        Set((query ?? "").split(separator: "&").map { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return String(name).removingPercentEncoding ?? String(name)
        })
    }
}
