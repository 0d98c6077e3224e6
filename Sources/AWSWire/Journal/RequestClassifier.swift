import Foundation

/// Names a signed request the way IAM does, from the request alone: the signing region and service come from the
/// credential scope of `Authorization`, the operation from `X-Amz-Target` (JSON protocols), the form's `Action`
/// (query protocols) or, for S3's REST protocol, from the method, the path and the query's parameter names
/// (`S3RequestClassifier`). Reads no header or body value beyond those names.
public enum RequestClassifier {
    public struct Classification: Sendable, Equatable {
        public var region: String
        public var service: String
        public var operation: String
        public var actions: [String]
        public var bucket: String?
    }

    /// nil for an unsigned request.
    public static func classify(_ request: HTTPRequest) -> Classification? {
        guard let scope = credentialScope(request.headers["Authorization"]) else { return nil }
        if scope.service == "s3" {
            let s3 = S3RequestClassifier.classify(request)
            return Classification(region: scope.region, service: "s3", operation: s3.operation, actions: s3.actions, bucket: s3.bucket)
        }
        let operation = operationName(request) ?? "\(request.method) \(request.encodedPath)"
        return Classification(region: scope.region, service: scope.service, operation: operation, actions: ["\(scope.service):\(operation)"])
    }

    /// `region` and `service` of `Credential=<key id>/<date>/<region>/<service>/aws4_request`; the key id is skipped.
    static func credentialScope(_ authorization: String?) -> (region: String, service: String)? {
        guard let authorization, let start = authorization.range(of: "Credential=") else { return nil }
        let credential = authorization[start.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[parts.count - 1] == "aws4_request" else { return nil }
        return (String(parts[parts.count - 3]), String(parts[parts.count - 2]))
    }

    /// The operation of a JSON (`X-Amz-Target: Prefix.Operation`) or query (`Action=Operation` in the form) request.
    static func operationName(_ request: HTTPRequest) -> String? {
        if let target = request.headers["X-Amz-Target"], let dot = target.lastIndex(of: ".") {
            return String(target[target.index(after: dot)...])
        }
        // Only form bodies carry `Action`; an object body is never read.
        guard request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true else { return nil }
        for pair in request.body.split(separator: UInt8(ascii: "&")) where pair.starts(with: Array("Action=".utf8)) {
            return String(decoding: pair.dropFirst("Action=".utf8.count), as: UTF8.self)
        }
        return nil
    }
}
