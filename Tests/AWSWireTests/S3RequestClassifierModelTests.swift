import AWSWire
import Foundation
import TestSupport
import Testing

/// Each S3 operation the classifier knows, built as botocore's service model describes it (method, URI template,
/// required query parameters and headers), must be named back as that operation in both addressing styles: the
/// table is checked against the authoritative API shape, not against itself.
@Suite struct S3RequestClassifierModelTests {
    static let operations = [
        "ListBuckets", "HeadBucket", "CreateBucket", "DeleteBucket", "ListObjects", "ListObjectsV2", "ListObjectVersions",
        "ListMultipartUploads", "DeleteObjects", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", "GetBucketVersioning",
        "PutBucketVersioning", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption", "GetBucketTagging",
        "PutBucketTagging", "DeleteBucketTagging", "GetBucketLocation", "GetPublicAccessBlock", "PutPublicAccessBlock",
        "DeletePublicAccessBlock", "GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration", "DeleteBucketLifecycle",
        "GetBucketAcl", "PutBucketAcl", "GetBucketOwnershipControls", "PutBucketOwnershipControls", "DeleteBucketOwnershipControls",
        "GetBucketCors", "PutBucketCors", "DeleteBucketCors", "GetBucketNotificationConfiguration", "PutBucketNotificationConfiguration",
        "GetBucketLogging", "PutBucketLogging", "GetBucketReplication", "PutBucketReplication", "DeleteBucketReplication",
        "GetObjectLockConfiguration", "PutObject", "CopyObject", "GetObject", "HeadObject", "DeleteObject", "GetObjectAttributes",
        "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload", "AbortMultipartUpload", "ListParts",
        "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging", "GetObjectAcl", "PutObjectAcl",
    ]

    static func model() throws -> BotocoreModel? {
        switch BotocoreModel.load(service: "s3") {
        case .loaded(let model): return model
        case .skipped: return nil
        case .missingUnderCI(let message): throw ModelMissing(description: message)
        }
    }

    struct ModelMissing: Error, CustomStringConvertible { let description: String }

    /// The request botocore's model describes for `name`, path style against an emulator or virtual-hosted against AWS.
    static func request(_ name: String, model: BotocoreModel, virtualHosted: Bool) throws -> HTTPRequest {
        let operation = try #require(model.operation(name), "botocore has no S3 operation \(name)")
        let http = operation["http"] as? [String: Any] ?? [:]
        let method = http["method"] as? String ?? "GET"
        let template = http["requestUri"] as? String ?? "/"
        let parts = template.split(separator: "?", maxSplits: 1).map(String.init)
        var path = parts[0].replacingOccurrences(of: "{Key+}", with: "dir/a%20b.csv")
        var query = parts.count > 1 ? [parts[1]] : []
        var headers: HTTPHeaders = [:]
        let input = (operation["input"] as? [String: Any])?["shape"] as? String
        let shape = input.flatMap(model.shape) ?? [:]
        let members = shape["members"] as? [String: Any] ?? [:]
        for required in shape["required"] as? [String] ?? [] {
            guard let member = members[required] as? [String: Any], let wire = member["locationName"] as? String else { continue }
            switch member["location"] as? String {
            case "querystring": query.append("\(wire)=1")
            case "header": headers.set(wire, "value")
            default: break
            }
        }
        let host: String
        if virtualHosted, path.hasPrefix("/{Bucket}") {
            path = String(path.dropFirst("/{Bucket}".count))
            if path.isEmpty { path = "/" }
            host = "https://mlops-data.s3.eu-west-1.amazonaws.com"
        } else {
            path = path.replacingOccurrences(of: "{Bucket}", with: "mlops-data")
            host = virtualHosted ? "https://s3.eu-west-1.amazonaws.com" : "http://127.0.0.1:5055"
        }
        headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=0")
        let url = URL(string: host + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))!
        return HTTPRequest(method: method, url: url, headers: headers)
    }

    @Test(arguments: [false, true])
    func everyKnownOperationIsNamedAsBotocoreDescribesIt(virtualHosted: Bool) throws {
        guard let model = try Self.model() else { return }
        for name in Self.operations {
            let request = try Self.request(name, model: model, virtualHosted: virtualHosted)
            let classified = try #require(RequestClassifier.classify(request))
            #expect(classified.operation == name, "\(request.method) \(request.url) → \(classified.operation)")
            #expect(classified.service == "s3" && classified.region == "eu-west-1")
            #expect(!classified.actions.contains("s3:Unclassified"), "\(name)")
            if name != "ListBuckets" { #expect(classified.bucket == "mlops-data", "\(name): \(String(describing: classified.bucket))") }
        }
    }
}
